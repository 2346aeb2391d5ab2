import Entities
import Extraction
import Foundation
import Testing

/// Dates and lois against the hand-made `*.date-loi.jsonl` gold files, with the date and
/// law recognizers alone. Uses the real extractor when it handles the document, else the
/// file's own text (plain-text documents), so the annotations are checked even before the
/// extraction stage is merged. The shared `GoldStandardTests` checks the same files through
/// `EntityRecognizer`.
@Suite("Dates and lois gold standard")
struct DateLawGoldTests {
    struct GoldEntry: Decodable {
        var doc: String
        var type: String
        var text: String
        var normalized: String
        var occurrence: Int
    }

    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    func text(of doc: String) throws -> String {
        let path = Self.root.appendingPathComponent(doc).path
        if let document = try? DocumentExtractor().extract(path: path).first { return document.text }
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test("P/R/F1 ≥ 0.95 for dates and lois on every annotated document")
    func goldF1() throws {
        let dir = Self.root.appendingPathComponent("Tests/Fixtures/gold")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".date-loi.jsonl") }.sorted()
        try #require(files.count >= 3, "expected gold files for the seed, a law text and a convention")
        let laws = try LawRecognizer.load(referenceDirectory: Self.root.appendingPathComponent("Corpus/reference").path)
        let dates = DateRecognizer()
        var totals: [String: (tp: Int, fp: Int, fn: Int)] = [:]
        for file in files {
            let lines = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
            let entries = try lines.map { try JSONDecoder().decode(GoldEntry.self, from: Data($0.utf8)) }
            guard let doc = entries.first?.doc else { continue }
            let text = try text(of: doc)
            var expected = Set<String>()
            for e in entries {
                let range = try #require(
                    GoldStandardTests.locate(e.text, occurrence: e.occurrence, in: text),
                    "\(file): « \(e.text) » occurrence \(e.occurrence) not found")
                expected.insert("\(e.type)|\(range.lowerBound)|\(range.upperBound)|\(e.normalized)")
            }
            let predicted = Set((dates.recognize(text: text) + laws.recognize(text: text)).map {
                "\($0.type.rawValue)|\($0.start)|\($0.end)|\($0.normalized)"
            })
            for type in ["date", "loi"] {
                let p = predicted.filter { $0.hasPrefix(type + "|") }
                let g = expected.filter { $0.hasPrefix(type + "|") }
                var t = totals[type] ?? (0, 0, 0)
                t.tp += p.intersection(g).count
                t.fp += p.subtracting(g).count
                t.fn += g.subtracting(p).count
                totals[type] = t
                for miss in g.subtracting(p).sorted() { print("  FN \(doc) \(miss)") }
                for wrong in p.subtracting(g).sorted() { print("  FP \(doc) \(wrong)") }
            }
        }
        for (type, t) in totals.sorted(by: { $0.key < $1.key }) {
            let precision = t.tp + t.fp == 0 ? 0 : Double(t.tp) / Double(t.tp + t.fp)
            let recall = t.tp + t.fn == 0 ? 0 : Double(t.tp) / Double(t.tp + t.fn)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            print("gold-date-loi \(type): P=\(String(format: "%.3f", precision)) R=\(String(format: "%.3f", recall)) F1=\(String(format: "%.3f", f1)) (tp \(t.tp), fp \(t.fp), fn \(t.fn))")
            #expect(f1 >= 0.95, "F1 for \(type) is \(f1)")
        }
    }
}
