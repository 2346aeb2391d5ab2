import Extraction
import Foundation
import Testing

@Suite("JSON Lines (bench corpus format)")
struct JSONLinesExtractorTests {
    @Test("One document per line; escapes and surrogate pairs decoded; bad lines skipped with warnings")
    func sample() throws {
        let path = "Tests/Fixtures/text/bench-sample.jsonl"
        let docs = try XMLFixtures.extract(path)
        #expect(docs.count == 3)
        #expect(docs.allSatisfy { $0.format == .jsonl && $0.source == XMLFixtures.path(path) })
        #expect(docs[0].item == "codes/cgct/article-l1115-1")
        #expect(docs[0].title == "Code général des collectivités territoriales — Article L1115-1")
        #expect(docs[0].text.hasPrefix("Dans le respect des engagements internationaux de la France"))
        #expect(docs[0].blocks.count == 2)
        #expect(docs[0].metadata["origine"] == "etalab/codes-juridiques-francais/x.md@2afcea3")
        #expect(docs[0].warnings.count == 2)
        #expect(docs[0].warnings[0].hasPrefix("ligne 3 ignorée : JSON mal formé"))
        #expect(docs[0].warnings[1] == "ligne 6 ignorée : pas de champ « text »")
        // \u escapes (ensure_ascii) and a surrogate pair, nested values skipped.
        #expect(docs[1].title == "Article L1115-7 \"cité\"")
        #expect(docs[1].text == "Des décrets en Conseil d'Etat fixent les conditions 😀 d'application.")
        // A numeric id, a null title, raw UTF-8, \t and \\.
        #expect(docs[2].item == "12345")
        #expect(docs[2].title == nil)
        #expect(docs[2].text == "Tabulation\tet barre oblique inverse \\\\ et é.")
    }

    @Test("Ids are sha256(bytes + '#' + line id)")
    func ids() throws {
        let path = XMLFixtures.path("Tests/Fixtures/text/bench-sample.jsonl")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let docs = try DocumentExtractor().extract(data: data, path: path)
        #expect(docs[0].id == SHA256.hex(of: [UInt8](data) + Array("#codes/cgct/article-l1115-1".utf8)))
    }

    @Test("Streaming gives the same documents as extract")
    func streaming() throws {
        let path = XMLFixtures.path("Tests/Fixtures/text/bench-sample.jsonl")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let input = ExtractionInput(path: path, data: data, format: .jsonl)
        var streamed: [Document] = []
        var skipped: [JSONLinesExtractor.SkippedLine] = []
        JSONLinesExtractor().forEachDocument(in: input, skipped: { skipped.append($0) }) { streamed.append($0) }
        #expect(streamed.map(\.id) == (try JSONLinesExtractor().extract(input)).map(\.id))
        #expect(skipped.map(\.line) == [3, 6])
    }

    @Test("Streaming from disk by chunks of any size gives the same documents as reading it whole", arguments: [16, 37, 100, 1 << 20])
    func streamingFromDisk(chunkSize: Int) throws {
        // The fixture, with a BOM, blank lines and a line much longer than the chunks.
        let fixture = try Data(contentsOf: URL(fileURLWithPath: XMLFixtures.path("Tests/Fixtures/text/bench-sample.jsonl")))
        let long = "{\"id\": \"long\", \"title\": \"Long\", \"text\": \"" + String(repeating: "coopération décentralisée ", count: 400) + "\"}\n"
        var bytes = [UInt8]([0xEF, 0xBB, 0xBF]) + [UInt8](fixture) + Array("\n\n".utf8) + Array(long.utf8)
        bytes += Array("{\"id\": \"dernier\", \"text\": \"sans fin de ligne\"}".utf8)
        let path = NSTemporaryDirectory() + "cooplex-stream-\(chunkSize)-\(getpid()).jsonl"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }

        let whole = try DocumentExtractor().extract(data: Data(bytes), path: path)
        var hasher = SHA256()
        hasher.update(bytes)
        var streamed: [Document] = []
        var skipped: [JSONLinesExtractor.SkippedLine] = []
        try JSONLinesExtractor().forEachDocument(
            streamingFile: path, hasherAfterFile: hasher, chunkSize: chunkSize, skipped: { skipped.append($0) }
        ) { streamed.append($0) }
        #expect(streamed.map(\.id) == whole.map(\.id))
        #expect(streamed.map(\.text) == whole.map(\.text))
        #expect(streamed.map(\.item) == ["codes/cgct/article-l1115-1", "codes/cgct/article-l1115-7", "12345", "long", "dernier"])
        #expect(skipped.map(\.line) == [3, 6])
    }

    @Test("A file with no readable line fails with a French reason")
    func nothingReadable() {
        #expect(throws: ExtractionError.self) {
            try DocumentExtractor().extract(data: Data("{\"id\": 1\n{oops}\n".utf8), path: "x.jsonl")
        }
    }
}
