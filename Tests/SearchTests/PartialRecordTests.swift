import Entities
import Extraction
import Foundation
import Testing

@testable import Search

/// A hit decodes its record only as far as it reads it (segment format 03: the text last):
/// the decoder stops and resumes between sequences, a snippet made from the start of a
/// text is the snippet of the whole text (or is refused, and the caller decodes it all),
/// and an index written in format 02 (text among the fields) reads as before.
@Suite("Records decoded as far as they are read")
struct PartialRecordTests {
    /// Records with repeats (matches within the record and into the dictionary).
    static func records(count: Int, seed: UInt64) -> (dictionary: [UInt8], records: [[UInt8]]) {
        var rng = SplitMix(seed: seed)
        let words = ["collectivités ", "territoriales ", "coopération ", "décentralisée ", "L. 1115-1 ", "de la ", "convention ", "\n"]
        func chunk(_ n: Int) -> [UInt8] {
            var out: [UInt8] = []
            while out.count < n {
                if rng.next() % 4 == 0 {
                    out.append(UInt8(truncatingIfNeeded: rng.next()))
                } else {
                    out.append(contentsOf: words[Int(rng.next() % UInt64(words.count))].utf8)
                }
            }
            return out
        }
        let dictionary = chunk(8192)
        let records = (0..<count).map { _ in chunk(Int(rng.next() % 20_000)) }
        return (dictionary, records)
    }

    @Test func theCursorDecodesExactPrefixesAndResumes() {
        let (dictBytes, records) = Self.records(count: 60, seed: 7)
        let dictionary = LZCompressor.Dictionary(dictBytes)
        var rng = SplitMix(seed: 11)
        var resumed = 0
        for record in records {
            let compressed = LZCompressor.compress(record, dictionary: dictionary)
            compressed.withUnsafeBufferPointer { c in
                dictionary.bytes.withUnsafeBufferPointer { d in
                    let cursor = RecordCursor(compressed: c, dictionary: d, size: record.count)
                    var target = 0
                    while target < record.count {
                        target += 1 + Int(rng.next() % 3000)
                        #expect(cursor.ensure(target))
                        let b = cursor.bytes
                        #expect(b.count >= min(target, record.count) && b.count <= record.count)
                        #expect(Array(b) == Array(record[0..<b.count]))
                        resumed += 1
                    }
                    #expect(cursor.ensure(record.count))
                    #expect(Array(cursor.bytes) == record)
                }
            }
        }
        #expect(resumed > 200)
    }

    @Test func aDamagedRecordIsRefusedWithoutReadingOutOfBounds() {
        let (dictBytes, records) = Self.records(count: 40, seed: 3)
        let dictionary = LZCompressor.Dictionary(dictBytes)
        var rng = SplitMix(seed: 5)
        var refused = 0
        for record in records where record.count > 100 {
            let compressed = LZCompressor.compress(record, dictionary: dictionary)
            // Cut short, announced too long or too short, or with bytes changed.
            let truncated = Array(compressed.prefix(Int(rng.next() % UInt64(compressed.count))))
            var flipped = compressed
            for _ in 0..<4 { flipped[Int(rng.next() % UInt64(flipped.count))] ^= UInt8(truncatingIfNeeded: rng.next() | 1) }
            for (input, size) in [(truncated, record.count), (compressed, record.count + 1), (compressed, record.count - 1)] {
                input.withUnsafeBufferPointer { c in
                    dictionary.bytes.withUnsafeBufferPointer { d in
                        let cursor = RecordCursor(compressed: c, dictionary: d, size: size)
                        if !cursor.ensure(size) {
                            refused += 1
                            // Once refused, always refused.
                            #expect(!cursor.ensure(1))
                        }
                        #expect(cursor.bytes.count <= size)
                    }
                }
            }
            flipped.withUnsafeBufferPointer { c in
                dictionary.bytes.withUnsafeBufferPointer { d in
                    let cursor = RecordCursor(compressed: c, dictionary: d, size: record.count)
                    _ = cursor.ensure(record.count)
                    #expect(cursor.bytes.count <= record.count)
                }
            }
        }
        // Every truncated or mis-sized record is refused.
        #expect(refused == 3 * records.filter { $0.count > 100 }.count)
    }

    /// Cut anywhere, a text's first bytes give the whole text's snippet or none at all.
    @Test func aSnippetFromATextsStartIsTheWholeTextsSnippetOrNone() throws {
        let analyzer = FrenchAnalyzer()
        let queries: [(terms: String, prefixes: [String])] = [
            ("coopération décentralisée", []), ("Oudin-Santini", []), ("l'État", []), ("L. 1115-1", []),
            ("collectivités territoriales", []), ("commune", ["départem"]), ("", ["coop"]), ("", ["intercommun"]),
            ("aide au développement", ["solidar"]), ("Maroc Sénégal", []), ("eau", []),
        ]
        var accepted = 0
        var refused = 0
        for q in queries {
            let builder = SnippetBuilder(analyzer: analyzer, terms: Set(analyzer.terms(q.terms)), prefixes: q.prefixes)
            for var text in try snippetTexts(benchArticles: 120) {
                text.withUTF8 { b in
                    let opening = builder.opening(of: b)
                    for from in stride(from: 0, to: b.count, by: max(1, b.count / 5)) {
                        var start = from
                        while start > 0, b[start - 1] != 0x20 { start -= 1 }
                        for until: Int32 in [8, 40] {
                            let whole = builder.snippet(of: b, from: start, located: true, until: until)
                            for cut in stride(from: start + 1, to: b.count, by: max(1, (b.count - start) / 9)) + [start + 300, start + 600] {
                                let prefix = UnsafeBufferPointer(rebasing: b[0..<min(cut, b.count)])
                                if let made = builder.snippet(ofPrefix: prefix, from: start, until: until) {
                                    #expect(made == whole, "cut at \(cut) of \(b.count)")
                                    accepted += 1
                                } else {
                                    refused += 1
                                }
                            }
                        }
                    }
                    for cut in [0, 10, 100, 230, 300, 1000] where cut <= b.count {
                        if let made = builder.opening(ofPrefix: UnsafeBufferPointer(rebasing: b[0..<cut])) {
                            #expect(made == opening)
                            accepted += 1
                        }
                    }
                }
            }
        }
        #expect(accepted > 1000)
        #expect(refused > 1000)
    }

    /// Bytes of a segment's stored records changed on disk: searches still answer, with the
    /// same totals (they come from the postings); a hit whose record no longer decodes is
    /// left out (one that still decodes may show changed bytes: records carry no checksum);
    /// never a crash or a read out of bounds.
    @Test func damagedStoredRecordsNeverTakeASearchDown() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        var docs: [(Document, [Entity])] = []
        for (k, var text) in try snippetTexts(benchArticles: 40).enumerated() {
            text = String(text.prefix(6000))
            docs.append((makeDocument(text, source: "doc-\(k).txt", title: "Document \(k)"), []))
        }
        let clean = try buildIndex(index, docs)
        let queries = ["coopération décentralisée", "commune", "intercommun*", "eau OR convention", "\"collectivités territoriales\""]
        let expected = try queries.map { q in try clean.search(q, limit: 20) }
        let segment = index.files().first { $0.hasSuffix(".seg") }!
        let path = index.path + "/" + segment
        let original = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        // The stored section's place, from the footer (see `SegmentFormat`).
        let footer = original.count - SegmentFormat.footerSize
        func u64(_ at: Int) -> Int { (0..<8).reduce(0) { $0 | Int(original[at + $1]) << (8 * $1) } }
        let storedSection = SegmentFormat.Section.stored.rawValue
        let start = u64(footer + 16 * storedSection)
        let length = u64(footer + 16 * storedSection + 8)
        #expect(length > 5_000)
        var rng = SplitMix(seed: 42)
        var dropped = 0
        for trial in 0..<60 {
            var damaged = original
            // One byte here, or a run of them.
            let at = start + Int(rng.next() % UInt64(length))
            for k in 0..<(trial % 3 == 0 ? 1 : 16) where at + k < start + length {
                damaged[at + k] ^= UInt8(truncatingIfNeeded: rng.next() | 1)
            }
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            let reader = try IndexReader.open(directory: index.path)
            for (q, e) in zip(queries, expected) {
                let r = try reader.search(q, limit: 20)
                #expect(r.total == e.total)
                #expect(r.hits.count <= e.hits.count)
                dropped += e.hits.count - r.hits.count
            }
        }
        try Data(original).write(to: URL(fileURLWithPath: path))
        #expect(try IndexReader.open(directory: index.path).search("commune", limit: 20).hits.map(\.snippet) == expected[1].hits.map(\.snippet))
        // Some changes do make records undecodable (and those hits are left out).
        #expect(dropped > 0)
    }

    /// A format-03 head keeps, instead of every block, the page each text offset shows:
    /// for random blocks (nested, overlapping, empty, out of order, some without a page),
    /// every offset gets the page of the first block that holds it, as in format 02.
    @Test func thePageMapGivesEachOffsetThePageOfItsFirstBlock() {
        var rng = SplitMix(seed: 9)
        for _ in 0..<300 {
            var blocks: [Block] = []
            for _ in 0..<Int(rng.next() % 12) {
                let start = Int(rng.next() % 200)
                let length = Int(rng.next() % 60) * (rng.next() % 5 == 0 ? 0 : 1)
                let page: Int? = rng.next() % 6 == 0 ? nil : Int(rng.next() % 4)
                blocks.append(Block(kind: .paragraph, page: page, start: start, end: start + length, label: nil))
            }
            let map = StoredDocument.pageMap(blocks)
            for k in map.indices.dropFirst() { #expect(map[k - 1].end <= map[k].start) }
            for offset in 0..<270 {
                let first = blocks.first { $0.page != nil && $0.start <= offset && offset < max($0.end, $0.start + 1) }?.page
                let mapped = map.first { $0.start <= offset && offset < $0.end }?.page
                #expect(first == mapped, "offset \(offset) of \(blocks)")
            }
        }
    }

    /// `Tests/Fixtures/index/format-02` was written by the format-02 writer (Cooplex at
    /// 5ee8862, `cooplex ingest` of a few Corpus files, entities on). Its documents come
    /// back whole, and its hits are those of the same documents indexed in format 03.
    @Test func anIndexOfFormatTwoReadsAsBefore() throws {
        let old = try IndexReader.open(directory: packageRoot.appendingPathComponent("Tests/Fixtures/index/format-02").path)
        #expect(old.segments.allSatisfy { $0.layout == .textInline })
        var documents: [StoredDocument] = []
        try old.forEachStoredDocument { documents.append($0) }
        #expect(documents.count >= 10)
        #expect(documents.contains { $0.document.text.utf8.count > 20_000 })
        #expect(documents.contains { $0.document.pages != nil })
        #expect(documents.contains { !$0.entities.isEmpty })
        let index = TemporaryIndex()
        defer { index.remove() }
        let writer = try IndexWriter(directory: index.path)
        for d in documents { try writer.add(d.document, entities: d.entities, fileHash: d.fileHash) }
        try writer.commit()
        writer.close()
        let new = try IndexReader.open(directory: index.path)
        #expect(new.segments.allSatisfy { $0.layout == .textLast })
        var compared = 0
        for q in [
            "coopération décentralisée", "loi Oudin", "intercommun*", "\"collectivités territoriales\"", "eau OR assainissement",
            "L. 1115-1", "Maroc", "jumelage -Maroc", "coop*", "convention", "solidarité internationale",
        ] {
            let a = try old.search(q, limit: 50)
            let b = try new.search(q, limit: 50)
            #expect(a.total == b.total, "\(q)")
            #expect(a.hits.count == b.hits.count, "\(q)")
            for (x, y) in zip(a.hits, b.hits) {
                #expect(x.id == y.id && x.score == y.score && x.snippet == y.snippet && x.page == y.page, "\(q)")
                #expect(x.title == y.title && x.item == y.item && x.date == y.date && x.format == y.format)
                #expect(x.entities.map { "\($0.type):\($0.normalized):\($0.text)" } == y.entities.map { "\($0.type):\($0.normalized):\($0.text)" })
                compared += 1
            }
        }
        #expect(compared > 50)
    }

    /// A writer adds format-03 segments beside format-02 ones and merges them together.
    @Test func anIndexOfFormatTwoTakesNewDocumentsAndMerges() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        try FileManager.default.copyItem(
            atPath: packageRoot.appendingPathComponent("Tests/Fixtures/index/format-02").path, toPath: index.path)
        let before = try IndexReader.open(directory: index.path)
        let old = try before.search("coopération décentralisée", limit: 5)
        let writer = try IndexWriter(directory: index.path)
        try writer.add(
            makeDocument("Une convention de coopération décentralisée entre deux communes.", source: "nouvelle.txt"),
            entities: [], fileHash: "h-nouvelle")
        try writer.commit()
        try writer.forceMerge()
        try writer.commit()
        writer.close()
        let after = try IndexReader.open(directory: index.path)
        #expect(after.documentCount == before.documentCount + 1)
        #expect(after.segments.count == 1 && after.segments[0].layout == .textLast)
        let now = try after.search("coopération décentralisée", limit: 50)
        #expect(now.total == old.total + 1)
        #expect(now.hits.contains { $0.source == "nouvelle.txt" })
        for h in old.hits {
            #expect(now.hits.first { $0.id == h.id }?.snippet == h.snippet)
        }
    }
}

/// A small deterministic generator (tests must not depend on the run).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
