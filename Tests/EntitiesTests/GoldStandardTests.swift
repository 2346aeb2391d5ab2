import Entities
import Extraction
import Foundation
import Testing

/// Precision, recall and F1 per entity type against hand-annotated documents.
///
/// Gold files live in `Tests/Fixtures/gold/`, one JSON object per line:
/// `{"doc": "Corpus/…", "type": "pays", "text": "Cameroun", "normalized": "CM", "occurrence": 1}`
/// where `occurrence` is the n-th (1-based) whole-word occurrence of `text` in the
/// document's *extracted* text — robust to extraction changes that move offsets. Several
/// gold files may annotate the same document (e.g. one per group of types).
/// A prediction is correct when type, span and `normalized` all equal a gold entry's.
@Suite("Gold standard")
struct GoldStandardTests {
    static let thresholds: [EntityType: Double] = [
        .pays: 0.95, .date: 0.95, .loi: 0.95, .collectivite: 0.90,
    ]

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

    static func loadGold() throws -> [String: [GoldEntry]] {
        let dir = root.appendingPathComponent("Tests/Fixtures/gold")
        var byDoc: [String: [GoldEntry]] = [:]
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        for file in files.sorted() where file.hasSuffix(".jsonl") {
            let data = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            for line in data.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                let entry = try JSONDecoder().decode(GoldEntry.self, from: Data(line.utf8))
                byDoc[entry.doc, default: []].append(entry)
            }
        }
        return byDoc
    }

    /// Byte range of the n-th whole-word occurrence of `needle` in `text`: the scalars just
    /// before and after must not be letters or digits (so "►26-28 mai" still matches "26-28 mai").
    static func locate(_ needle: String, occurrence: Int, in text: String) -> Range<Int>? {
        let hay = Array(text.utf8)
        let pat = Array(needle.utf8)
        guard !pat.isEmpty, hay.count >= pat.count else { return nil }
        func isWordScalar(_ bytes: ArraySlice<UInt8>) -> Bool {
            guard let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first else { return false }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        func scalarBefore(_ i: Int) -> ArraySlice<UInt8> {
            var j = i - 1
            while j > 0 && hay[j] & 0xC0 == 0x80 { j -= 1 }
            return hay[j..<i]
        }
        func scalarAt(_ i: Int) -> ArraySlice<UInt8> {
            var j = i + 1
            while j < hay.count && hay[j] & 0xC0 == 0x80 { j += 1 }
            return hay[i..<j]
        }
        let patStartsWord: Bool = {
            var j = 1
            while j < pat.count && pat[j] & 0xC0 == 0x80 { j += 1 }
            return isWordScalar(pat[0..<j])
        }()
        let patEndsWord: Bool = {
            var j = pat.count - 1
            while j > 0 && pat[j] & 0xC0 == 0x80 { j -= 1 }
            return isWordScalar(pat[j...])
        }()
        var seen = 0
        var i = 0
        while i <= hay.count - pat.count {
            if hay[i] == pat[0], Array(hay[i..<(i + pat.count)]) == pat {
                let beforeOK = i == 0 || !patStartsWord || !isWordScalar(scalarBefore(i))
                let after = i + pat.count
                let afterOK = after == hay.count || !patEndsWord || !isWordScalar(scalarAt(after))
                if beforeOK && afterOK {
                    seen += 1
                    if seen == occurrence { return i..<after }
                }
            }
            i += 1
        }
        return nil
    }

    @Test("F1 per type meets the thresholds on every annotated document")
    func goldF1() throws {
        let gold = try Self.loadGold()
        try #require(!gold.isEmpty, "no gold annotations in Tests/Fixtures/gold")
        let recognizer = try EntityRecognizer.load()
        let extractor = DocumentExtractor()
        var totals: [EntityType: (tp: Int, fp: Int, fn: Int)] = [:]
        for (doc, entries) in gold.sorted(by: { $0.key < $1.key }) {
            let path = Self.root.appendingPathComponent(doc).path
            let documents = try extractor.extract(path: path)
            let document = try #require(documents.first)
            let annotatedTypes = Set(entries.compactMap { EntityType(rawValue: $0.type) })
            var expected = Set<String>()
            for e in entries {
                // A gold line that no longer matches the extracted text is a failure, but
                // the other lines are still scored (one stale line must not hide the rest).
                guard let range = Self.locate(e.text, occurrence: e.occurrence, in: document.text) else {
                    Issue.record("gold \(doc): « \(e.text) » occurrence \(e.occurrence) not found in the extracted text")
                    continue
                }
                expected.insert("\(e.type)|\(range.lowerBound)|\(range.upperBound)|\(e.normalized)")
            }
            let predicted = Set(
                recognizer.recognize(document, types: annotatedTypes).map {
                    "\($0.type.rawValue)|\($0.start)|\($0.end)|\($0.normalized)"
                })
            for type in annotatedTypes {
                let p = predicted.filter { $0.hasPrefix(type.rawValue + "|") }
                let g = expected.filter { $0.hasPrefix(type.rawValue + "|") }
                var t = totals[type] ?? (0, 0, 0)
                t.tp += p.intersection(g).count
                t.fp += p.subtracting(g).count
                t.fn += g.subtracting(p).count
                totals[type] = t
                for miss in g.subtracting(p).sorted() { print("  FN \(doc) \(miss)") }
                for wrong in p.subtracting(g).sorted() { print("  FP \(doc) \(wrong)") }
            }
        }
        for (type, t) in totals.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let precision = t.tp + t.fp == 0 ? 0 : Double(t.tp) / Double(t.tp + t.fp)
            let recall = t.tp + t.fn == 0 ? 0 : Double(t.tp) / Double(t.tp + t.fn)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            print(
                "gold \(type.rawValue): P=\(String(format: "%.3f", precision)) R=\(String(format: "%.3f", recall)) F1=\(String(format: "%.3f", f1)) (tp \(t.tp), fp \(t.fp), fn \(t.fn))"
            )
            if let threshold = Self.thresholds[type] {
                #expect(f1 >= threshold, "F1 for \(type.rawValue) is \(f1), below \(threshold)")
            }
        }
    }
}
