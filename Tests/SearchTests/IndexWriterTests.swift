import Entities
import Extraction
import Foundation
import Testing
@testable import Search

@Suite("Index writer", .serialized)
struct IndexWriterTests {
    @Test func incrementalUnchangedChangedDeleted() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        do {
            let w = try IndexWriter(directory: index.path)
            try w.add(makeDocument("ancienne convention de jumelage", source: "a.txt"), entities: [], fileHash: "A1")
            try w.add(makeDocument("budget eau assainissement", source: "b.txt"), entities: [], fileHash: "B1")
            try w.add(makeDocument("item un", source: "feed.xml", item: "1"), entities: [], fileHash: "F1")
            try w.add(makeDocument("item deux", source: "feed.xml", item: "2"), entities: [], fileHash: "F1")
            try w.commit()
            w.close()
        }
        let w = try IndexWriter(directory: index.path)
        // Unchanged: the hash answers without reading documents.
        #expect(w.fileHash(ofSource: "a.txt") == "A1")
        #expect(w.fileHash(ofSource: "feed.xml") == "F1")
        #expect(w.fileHash(ofSource: "nouveau.txt") == nil)
        #expect(w.liveSources() == ["a.txt", "b.txt", "feed.xml"])
        // Changed: delete + add.
        try w.deleteSource("a.txt")
        try w.add(makeDocument("nouvelle convention de coopération", source: "a.txt"), entities: [], fileHash: "A2")
        // Deleted.
        try w.deleteSource("feed.xml")
        try w.commit()
        #expect(w.fileHash(ofSource: "a.txt") == "A2")
        #expect(w.liveSources() == ["a.txt", "b.txt"])
        w.close()

        let r = try IndexReader.open(directory: index.path)
        #expect(r.documentCount == 2)
        #expect(try r.search("jumelage").total == 0)
        #expect(sources(try r.search("coopération")) == ["a.txt"])
        #expect(try r.search("item").total == 0)
        // Disjunctions and prefixes (their top k straight from the accumulators) skip the
        // deleted documents in their hits and in their totals too.
        let either = try r.search("jumelage OR item OR budget OR coopération")
        #expect(either.total == 2 && Set(sources(either)) == ["a.txt", "b.txt"])
        #expect(try r.search("ite*").total == 0)
        #expect(sources(try r.search("jumel* OR coop*")) == ["a.txt"])
        var stored: [String] = []
        try r.forEachStoredDocument { stored.append($0.document.source + ":" + $0.fileHash) }
        #expect(stored.sorted() == ["a.txt:A2", "b.txt:B1"])

        let again = try IndexWriter(directory: index.path)
        #expect(again.fileHash(ofSource: "a.txt") == "A2")
        #expect(again.fileHash(ofSource: "feed.xml") == nil)
        again.close()
    }

    @Test func deleteThenReAddInTheSameSession() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        let w = try IndexWriter(directory: index.path)
        try w.add(makeDocument("version un", source: "x.txt"), entities: [], fileHash: "1")
        try w.deleteSource("x.txt")
        try w.add(makeDocument("version deux", source: "x.txt"), entities: [], fileHash: "2")
        try w.commit()
        w.close()
        let r = try IndexReader.open(directory: index.path)
        #expect(r.documentCount == 1)
        #expect(try r.search("un").total == 0)
        #expect(try r.search("deux").total == 1)
    }

    @Test func secondWriterIsRefused() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        let w = try IndexWriter(directory: index.path)
        #expect {
            _ = try IndexWriter(directory: index.path)
        } throws: { error in
            if case IndexError.locked = error { return true }
            return false
        }
        w.close()
        let w2 = try IndexWriter(directory: index.path)
        w2.close()
    }

    @Test func failedCommitLeavesPreviousCommit() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        let w = try IndexWriter(directory: index.path)
        try w.add(makeDocument("premier document", source: "1.txt"), entities: [], fileHash: "1")
        try w.commit()
        try w.add(makeDocument("second document", source: "2.txt"), entities: [], fileHash: "2")
        struct Crash: Error {}
        w.beforeManifestRename = { throw Crash() }
        #expect(throws: Crash.self) { try w.commit() }
        w.beforeManifestRename = nil
        // Segment files of the failed commit exist, but the manifest still names the first.
        let r = try IndexReader.open(directory: index.path)
        #expect(r.documentCount == 1)
        #expect(try r.search("second").total == 0)
        w.close()
        // The next writer removes the orphans and works.
        let w2 = try IndexWriter(directory: index.path)
        #expect(index.files().filter { $0.hasSuffix(".seg") }.count == 1)
        #expect(!index.files().contains("manifest.tmp"))
        try w2.add(makeDocument("troisième document", source: "3.txt"), entities: [], fileHash: "3")
        try w2.commit()
        w2.close()
        #expect(try IndexReader.open(directory: index.path).documentCount == 2)
    }

    @Test func missingIndexIsReported() throws {
        #expect {
            _ = try IndexReader.open(directory: NSTemporaryDirectory() + "cooplex-absent-" + UUID().uuidString)
        } throws: { error in
            if case IndexError.missing = error { return true }
            return false
        }
    }

    static let words = ["commune", "département", "région", "jumelage", "convention", "eau", "assainissement",
                        "coopération", "budget", "subvention", "Maroc", "Sénégal", "Mali", "préfet", "délibération"]

    static func randomText(_ rng: inout some RandomNumberGenerator, length: Int) -> String {
        (0..<length).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
    }

    @Test func mergesKeepResultsIdentical() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        var rng = SystemRandomNumberGenerator()
        let w = try IndexWriter(directory: index.path)
        for batch in 0..<4 {
            for i in 0..<40 {
                try w.add(makeDocument(Self.randomText(&rng, length: 5 + i % 30), source: "d\(batch)-\(i)"), entities: [], fileHash: "h")
            }
            try w.commit()
        }
        let queries = ["commune", "eau assainissement", "\"coopération budget\"", "maroc OR mali", "sub*", "préfet -eau"]
        func run() throws -> [[String]] {
            let r = try IndexReader.open(directory: index.path)
            return try queries.map { q in
                try r.search(q, limit: 200).hits.map { "\($0.source) \(String(format: "%.4f", $0.score)) \($0.partial)" }.sorted()
            }
        }
        let before = try run()
        #expect(try IndexReader.open(directory: index.path).statistics().segments >= 4)
        try w.forceMerge()
        w.close()
        #expect(try IndexReader.open(directory: index.path).statistics().segments == 1)
        let after = try run()
        #expect(before == after)
        #expect(index.files().filter { $0.hasSuffix(".seg") }.count == 1)
    }

    @Test func tieredMergePolicyBoundsSegments() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        let w = try IndexWriter(directory: index.path)
        w.mergeFactor = 3
        for i in 0..<12 {
            try w.add(makeDocument("document numéro \(i) commune", source: "s\(i)"), entities: [], fileHash: "h")
            try w.commit()
        }
        w.close()
        let r = try IndexReader.open(directory: index.path)
        #expect(r.statistics().segments < 6)
        #expect(try r.search("commune").total == 12)
    }

    @Test func memoryBudgetFlushesSeveralSegments() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        var rng = SystemRandomNumberGenerator()
        let w = try IndexWriter(directory: index.path, memoryBudget: 256 * 1024)
        w.mergeFactor = 1000
        for i in 0..<3000 {
            // Distinct tokens so the term table grows too.
            let text = Self.randomText(&rng, length: 60) + " ref\(i) code\(i * 7)"
            try w.add(makeDocument(text, source: "m\(i)"), entities: [], fileHash: "h")
        }
        try w.commit()
        w.close()
        let r = try IndexReader.open(directory: index.path)
        #expect(r.statistics().segments > 2)
        #expect(r.documentCount == 3000)
        #expect(try r.search("ref2999").total == 1)
        #expect(try r.search("commune").total > 2500)
    }

    /// Ids come back exactly as given, whether stored as the 32 bytes of a SHA-256 hex id
    /// (with an item equal to the id, another item, or none) or as text (any other id,
    /// upper-case hex included), in hits and in the full stored document.
    @Test func documentIdsRoundTrip() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        let hash = SHA256.hex(of: Array("a".utf8))
        let other = SHA256.hex(of: Array("b".utf8))
        let third = SHA256.hex(of: Array("c".utf8))
        let cases: [(id: String, item: String?)] = [
            (hash, hash), (other, "article-12"), (third, nil), (hash.uppercased(), nil), ("mon-id-à-moi", "x"), ("", nil),
            (String(hash.dropLast()) + "g", nil),
        ]
        let w = try IndexWriter(directory: index.path)
        for (i, c) in cases.enumerated() {
            let doc = Document(id: c.id, source: "s\(i).txt", item: c.item, format: .text, title: "titre", text: "numismatique \(i)")
            try w.add(doc, entities: [], fileHash: "h")
        }
        try w.commit()
        w.close()
        let r = try IndexReader.open(directory: index.path)
        var stored: [String: (String, String?)] = [:]
        try r.forEachStoredDocument { stored[$0.document.source] = ($0.document.id, $0.document.item) }
        let hits = try r.search("numismatique", limit: 20).hits
        #expect(hits.count == cases.count)
        for (i, c) in cases.enumerated() {
            #expect(stored["s\(i).txt"]?.0 == c.id)
            #expect(stored["s\(i).txt"]?.1 == c.item)
            let hit = try #require(hits.first { $0.source == "s\(i).txt" })
            #expect(hit.id == c.id)
            #expect(hit.item == c.item)
        }
    }
}
