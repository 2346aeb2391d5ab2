import FrenchAnalysis
import Foundation

// Reads a JSON Lines corpus ({"text": …} per line), then analyzes every text with a fresh
// FrenchAnalyzer (cold cache, as one indexing thread starts) and again with the warm one.
// Prints MB/s of UTF-8 text analyzed on one core.
// `analysis-bench --demo TEXT…` prints the terms of each TEXT instead.
if CommandLine.arguments.dropFirst().first == "--demo" {
    let analyzer = FrenchAnalyzer()
    for text in CommandLine.arguments.dropFirst(2) {
        print("\(text)\n  → \(analyzer.analyzedTerms(text).map { "\($0.stem)@\($0.position)\($0.isCompoundWhole ? " (entier)" : "")\($0.surface != $0.stem ? " [\($0.surface)]" : "")" }.joined(separator: ", "))")
    }
    exit(0)
}
// `analysis-bench --query QUERY…` prints the parsed query or the syntax error.
if CommandLine.arguments.dropFirst().first == "--query" {
    for text in CommandLine.arguments.dropFirst(2) {
        do { print("\(text)\n  → \(try QueryParser.parse(text))") } catch { print("\(text)\n  → \(error)") }
    }
    exit(0)
}
let path = CommandLine.arguments.dropFirst().first ?? "../shared/bench-corpus/corpus.jsonl"
guard let data = FileManager.default.contents(atPath: path) else {
    print("impossible de lire \(path)")
    exit(1)
}
var texts: [[UInt8]] = []
for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
    if let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
        let text = object["text"] as? String
    {
        texts.append(Array(text.utf8))
    }
}
let bytes = texts.reduce(0) { $0 + $1.count }
print("corpus: \(texts.count) textes, \(String(format: "%.1f", Double(bytes) / 1e6)) Mo de texte UTF-8")

nonisolated(unsafe) var wallTimes: [Double] = []

func run(_ analyzer: FrenchAnalyzer, _ texts: [[UInt8]]) -> (seconds: Double, terms: Int, checksum: Int) {
    var terms = 0
    var checksum = 0
    var cpuStart = timespec(), cpuEnd = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpuStart)
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        for text in texts {
            text.withUnsafeBufferPointer { buf in
                analyzer.analyze(buf) { term, _, position, _, _ in
                    terms += 1
                    checksum &+= term.count &+ Int(position)
                }
            }
        }
    }
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpuEnd)
    let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let cpu = Double(cpuEnd.tv_sec - cpuStart.tv_sec) + Double(cpuEnd.tv_nsec - cpuStart.tv_nsec) / 1e9
    wallTimes.append(wall)
    return (cpu, terms, checksum)
}

var cold: [Double] = []
var warm: [Double] = []
var terms = 0
for _ in 0..<3 {
    let analyzer = FrenchAnalyzer()
    let first = run(analyzer, texts)
    cold.append(first.seconds)
    terms = first.terms
    let second = run(analyzer, texts)
    precondition(second.checksum == first.checksum, "cache changed the output")
    warm.append(second.seconds)
}
func mbps(_ s: Double, _ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1e6 / s) }
let coldMedian = cold.sorted()[1], warmMedian = warm.sorted()[1]
print("(temps CPU du fil ; temps réel médian \(String(format: "%.3f", wallTimes.sorted()[wallTimes.count / 2])) s, machine partagée)")
print("termes émis (stem + surface) : \(terms)")
print("analyseur neuf (cache froid) : \(String(format: "%.3f", coldMedian)) s, \(mbps(coldMedian, bytes)) Mo/s (médiane de 3)")
print("cache chaud                  : \(String(format: "%.3f", warmMedian)) s, \(mbps(warmMedian, bytes)) Mo/s (médiane de 3)")
