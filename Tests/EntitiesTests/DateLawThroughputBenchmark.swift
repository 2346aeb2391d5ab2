import Entities
import Foundation
import Testing

/// Throughput of the date and law scanners, in release builds, over a JSON Lines corpus whose
/// objects carry a `text` field. Runs only when `COOPLEX_BENCH_CORPUS` names such a file
/// (see Benchmarks/date-law-throughput.sh); prints MB/s and asserts nothing about time.
@Suite("Dates and lois throughput")
struct DateLawThroughputBenchmark {
    static let corpus = ProcessInfo.processInfo.environment["COOPLEX_BENCH_CORPUS"]

    @Test("MB/s of DateRecognizer and LawRecognizer", .enabled(if: corpus != nil))
    func throughput() throws {
        let path = try #require(Self.corpus)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let loadStart = DispatchTime.now().uptimeNanoseconds
        let laws = try LawRecognizer.load(referenceDirectory: root.appendingPathComponent("Corpus/reference").path)
        let loadMs = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e6
        let dates = DateRecognizer()
        var texts: [String] = []
        let data = try String(contentsOfFile: path, encoding: .utf8)
        for line in data.split(separator: "\n") {
            if let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let text = object["text"] as? String
            {
                texts.append(text)
            }
        }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        func measure(_ name: String, _ body: (String) -> Int) {
            var found = 0
            let start = DispatchTime.now().uptimeNanoseconds
            for text in texts { found += body(text) }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print(
                "bench \(name): \(texts.count) docs, \(String(format: "%.1f", Double(bytes) / 1e6)) MB, "
                    + "\(String(format: "%.3f", seconds)) s, \(String(format: "%.1f", Double(bytes) / 1e6 / seconds)) MB/s, \(found) entities")
        }
        print("bench law registry load: \(String(format: "%.2f", loadMs)) ms")
        measure("dates") { dates.recognize(text: $0).count }
        measure("lois") { laws.recognize(text: $0).count }
        measure("dates+lois") { dates.recognize(text: $0).count + laws.recognize(text: $0).count }
    }
}
