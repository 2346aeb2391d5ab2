import FrenchAnalysis
import Foundation

// Reads a JSON Lines corpus ({"text": …} per line), then analyzes every text with a fresh
// FrenchAnalyzer (cold cache, as one indexing thread starts) and again with the warm one.
// Prints MB/s of UTF-8 text analyzed on one core.
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

func run(_ analyzer: FrenchAnalyzer) -> (seconds: Double, terms: Int, checksum: Int) {
    var terms = 0
    var checksum = 0
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
    let s = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return (s, terms, checksum)
}

var cold: [Double] = []
var warm: [Double] = []
var terms = 0
for _ in 0..<3 {
    let analyzer = FrenchAnalyzer()
    let first = run(analyzer)
    cold.append(first.seconds)
    terms = first.terms
    let second = run(analyzer)
    precondition(second.checksum == first.checksum, "cache changed the output")
    warm.append(second.seconds)
}
func mbps(_ s: Double) -> String { String(format: "%.1f", Double(bytes) / 1e6 / s) }
let coldMedian = cold.sorted()[1], warmMedian = warm.sorted()[1]
print("termes émis (stem + surface) : \(terms)")
print("analyseur neuf (cache froid) : \(String(format: "%.3f", coldMedian)) s, \(mbps(coldMedian)) Mo/s (médiane de 3)")
print("cache chaud                  : \(String(format: "%.3f", warmMedian)) s, \(mbps(warmMedian)) Mo/s (médiane de 3)")
