import Entities
import Foundation
import Pipelines
import Testing

/// Checks the export against the documented `_bulk` format: NDJSON, each action line a JSON
/// object `{"index": {"_index": …, "_id": …}}` followed by its source line, every line —
/// the last one included — ending with a newline.
@Suite("OpenSearch export")
struct OpenSearchExportTests {
    static func documents(_ count: Int) -> [ExportDocument] {
        (0..<count).map { i in
            let text = "La loi n° 2005-95 dite loi Oudin-Santini permet à Belfort d’aider Mopti (Mali). Note \(i).\n"
                + String(repeating: "Coopération décentralisée « \(i) » \\ \"guillemets\" \t tabulation. ", count: 20)
            return ExportDocument(
                id: String(format: "%064x", i), source: "Corpus/publications/doc-\(i).txt", item: i % 3 == 0 ? "item-\(i)" : nil,
                format: "text", title: "Document \(i)", date: i % 2 == 0 ? "2013-03-05" : "2014", pages: nil, text: text,
                entities: [
                    Entity(type: .loi, start: 3, end: 17, text: "loi n° 2005-95", normalized: "loi:2005-95"),
                    Entity(type: .loi, start: 23, end: 41, text: "loi Oudin-Santini", normalized: "loi:2005-95"),
                    Entity(type: .pays, start: 70, end: 74, text: "Mali", normalized: "ML", attributes: ["name": "Mali"]),
                    Entity(type: .collectivite, start: 50, end: 57, text: "Belfort", normalized: "commune:90010"),
                ])
        }
    }

    /// Parses a bulk file strictly; returns the (action, source) pairs.
    static func validateBulk(_ data: Data, indexName: String) throws -> [([String: Any], [String: Any])] {
        #expect(data.last == 0x0A, "a bulk body ends with a newline")
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        #expect(lines.count % 2 == 0, "action and source lines come in pairs")
        var pairs: [([String: Any], [String: Any])] = []
        var i = lines.startIndex
        while i < lines.endIndex {
            let action = try #require(try JSONSerialization.jsonObject(with: Data(lines[i])) as? [String: Any])
            #expect(action.count == 1)
            let meta = try #require(action["index"] as? [String: Any])
            #expect(meta["_index"] as? String == indexName)
            #expect((meta["_id"] as? String)?.isEmpty == false)
            let source = try #require(try JSONSerialization.jsonObject(with: Data(lines[i + 1])) as? [String: Any])
            #expect(source["text"] is String)
            pairs.append((action, source))
            i += 2
        }
        return pairs
    }

    @Test("Bulk files follow the _bulk format, stay under the cap and hold every document once")
    func bulkFormat() throws {
        let dir = TestPaths.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cap = 16 * 1024
        let docs = Self.documents(60)
        let result = try OpenSearchExport(directory: dir, indexName: "cooplex", maximumFileSize: cap).write(docs)
        #expect(result.documents == 60)
        #expect(result.bulkFiles.count > 1, "60 documents of ~2 KB do not fit in one 16 KB file")

        var ids: [String] = []
        for name in result.bulkFiles {
            let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
            #expect(data.count <= cap)
            for (action, source) in try Self.validateBulk(data, indexName: "cooplex") {
                let id = (action["index"] as! [String: Any])["_id"] as! String
                ids.append(id)
                #expect(source["id"] as? String == id)
            }
        }
        #expect(ids == docs.map(\.id))

        // Entities as keyword arrays, deduplicated; mentions kept once per surface form.
        let first = try Self.validateBulk(
            try Data(contentsOf: URL(fileURLWithPath: dir + "/" + result.bulkFiles[0])), indexName: "cooplex")[0].1
        #expect(first["loi"] as? [String] == ["loi:2005-95"])
        #expect(first["pays"] as? [String] == ["ML"])
        #expect(first["collectivite"] as? [String] == ["commune:90010"])
        #expect(first["annee"] as? String == "2013")
        #expect((first["entites"] as? [[String: String]])?.count == 4)
        #expect((first["text"] as? String)?.contains("\t tabulation") == true)
    }

    @Test("The index body declares a French analysis chain and keyword entity fields")
    func mapping() throws {
        let dir = TestPaths.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try OpenSearchExport(directory: dir).write(Self.documents(1))
        let body = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/index.json")))
                as? [String: Any])
        let analysis = try #require((body["settings"] as? [String: Any])?["analysis"] as? [String: Any])
        let analyzer = try #require((analysis["analyzer"] as? [String: Any])?["cooplex_french"] as? [String: Any])
        let chain = try #require(analyzer["filter"] as? [String])
        #expect(chain == ["cooplex_elision", "lowercase", "cooplex_stop", "asciifolding", "cooplex_stemmer"])
        let filters = try #require(analysis["filter"] as? [String: [String: Any]])
        #expect(filters["cooplex_stemmer"]?["language"] as? String == "light_french")
        #expect(filters["cooplex_elision"]?["type"] as? String == "elision")
        #expect((filters["cooplex_elision"]?["articles"] as? [String])?.contains("jusqu") == true)
        #expect(filters["cooplex_stop"]?["stopwords"] as? String == "_french_")

        let properties = try #require((body["mappings"] as? [String: Any])?["properties"] as? [String: [String: Any]])
        for field in ["pays", "loi", "collectivite", "organisation", "montant", "dates", "annee", "source", "id"] {
            #expect(properties[field]?["type"] as? String == "keyword", "\(field) is a keyword field")
        }
        #expect(properties["text"]?["analyzer"] as? String == "cooplex_french")
        #expect(properties["date"]?["type"] as? String == "date")

        // The legal-number character filter is a valid Java regex shape and keeps L. 1115-1 whole.
        let charFilter = try #require((analysis["char_filter"] as? [String: [String: String]])?["cooplex_legal_numbers"])
        let regex = try NSRegularExpression(pattern: try #require(charFilter["pattern"]))
        let sample = "article L. 1115-1 du CGCT"
        let replaced = regex.stringByReplacingMatches(
            in: sample, range: NSRange(sample.startIndex..., in: sample), withTemplate: "$1$2_$3")
        #expect(replaced == "article L1115_1 du CGCT")
        #expect(FileManager.default.fileExists(atPath: dir + "/LISEZMOI.txt"))
    }

    @Test("Two documents with the same content keep distinct ids; a re-export removes stale bulk files")
    func duplicatesAndStaleFiles() throws {
        let dir = TestPaths.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var docs = Self.documents(2)
        docs[1].id = docs[0].id
        _ = try OpenSearchExport(directory: dir, maximumFileSize: 1024).write(Self.documents(20))
        let result = try OpenSearchExport(directory: dir).write(docs)
        #expect(result.bulkFiles == ["bulk-00001.ndjson"])
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".ndjson") }
        #expect(names == ["bulk-00001.ndjson"])
        let pairs = try Self.validateBulk(try Data(contentsOf: URL(fileURLWithPath: dir + "/bulk-00001.ndjson")), indexName: "cooplex")
        let ids = pairs.map { ($0.0["index"] as! [String: Any])["_id"] as! String }
        #expect(Set(ids).count == 2)
    }
}
