import Entities
import Extraction
import Foundation

/// Writes an index out for OpenSearch or Elasticsearch, for a corpus that outgrows one
/// machine: `index.json` (the body of `PUT /<index>`: settings with a French analysis chain
/// equivalent to Cooplex's, and the mapping, entity fields as keywords), NDJSON files for
/// the `_bulk` API (an action line `{"index":{"_index":…,"_id":…}}` then the document, every
/// line ending with a newline, each file under a size cap), and `LISEZMOI.txt` with the
/// commands that load them.
public struct OpenSearchExport {
    public var directory: String
    public var indexName: String
    /// Bulk files are cut before they pass this size (a document larger than it goes alone).
    public var maximumFileSize: Int

    /// OpenSearch's and Elasticsearch's guidance is a few to 15 MB per bulk request.
    public static let defaultMaximumFileSize = 10 * 1024 * 1024

    public init(directory: String, indexName: String = "cooplex", maximumFileSize: Int = OpenSearchExport.defaultMaximumFileSize) {
        self.directory = directory
        self.indexName = indexName
        self.maximumFileSize = max(1024, maximumFileSize)
    }

    public struct Result: Sendable, Equatable {
        public var documents: Int
        public var bulkFiles: [String]
        public var bytes: Int
    }

    /// The keyword field of an entity type.
    public static func field(for type: EntityType) -> String {
        switch type {
        case .date: return "dates"
        default: return type.rawValue
        }
    }

    /// Writes everything; `documents` is consumed once, in order, without being held in memory.
    public func write(_ documents: some Sequence<ExportDocument>) throws -> Result {
        try write { emit in
            for document in documents { try emit(document) }
        }
    }

    /// Writes everything `produce` emits, in order (for sources that iterate by callback,
    /// such as `IndexReader.forEachStoredDocument`).
    public func write(_ produce: ((ExportDocument) throws -> Void) throws -> Void) throws -> Result {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw IngestError.output(path: directory, reason: ReportWriter.reason(error))
        }
        // Stale bulk files from an earlier export would be loaded too: remove them.
        for name in (try? fm.contentsOfDirectory(atPath: directory)) ?? [] where Self.isBulkFile(name) {
            try? fm.removeItem(atPath: directory + "/" + name)
        }
        try save(Data((Self.indexBody().serialized() + "\n").utf8), as: "index.json")

        var result = Result(documents: 0, bulkFiles: [], bytes: 0)
        var current: [UInt8] = []
        var usedIDs: Set<String> = []
        func flush() throws {
            guard !current.isEmpty else { return }
            let name = String(format: "bulk-%05d.ndjson", result.bulkFiles.count + 1)
            try save(Data(current), as: name)
            result.bulkFiles.append(name)
            result.bytes += current.count
            current.removeAll(keepingCapacity: true)
        }
        var entry: [UInt8] = []
        try produce { document in
            // The same content under two paths has one id: keep both documents.
            var id = document.id
            var n = 2
            while !usedIDs.insert(id).inserted {
                id = "\(document.id)-\(n)"
                n += 1
            }
            entry.removeAll(keepingCapacity: true)
            JSONValue.object([("index", .object([("_index", .string(indexName)), ("_id", .string(id))]))])
                .write(into: &entry)
            entry.append(0x0A)
            document.sourceObject().write(into: &entry)
            entry.append(0x0A)
            if !current.isEmpty && current.count + entry.count > maximumFileSize { try flush() }
            current.append(contentsOf: entry)
            result.documents += 1
        }
        try flush()
        try save(Data(readme(result).utf8), as: "LISEZMOI.txt")
        return result
    }

    static func isBulkFile(_ name: String) -> Bool { name.hasPrefix("bulk-") && name.hasSuffix(".ndjson") }

    private func save(_ data: Data, as name: String) throws {
        let path = directory + "/" + name
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw IngestError.output(path: path, reason: ReportWriter.reason(error))
        }
    }

    private func readme(_ result: Result) -> String {
        var lines = [
            "Export Cooplex pour OpenSearch ou Elasticsearch : \(result.documents) documents, \(result.bulkFiles.count) fichiers _bulk.",
            "",
            "1. Créer l’index (réglages d’analyse française et correspondances) :",
            "   curl -X PUT \"$URL/\(indexName)\" -H 'Content-Type: application/json' --data-binary @index.json",
            "2. Charger les documents, fichier par fichier :",
            "   for f in bulk-*.ndjson; do",
            "     curl -s -X POST \"$URL/_bulk\" -H 'Content-Type: application/x-ndjson' --data-binary \"@$f\" | grep -q '\"errors\":false' || echo \"erreurs dans $f\"",
            "   done",
            "",
            "Champs : text et title (analyse française : élisions, minuscules, stop words, accents, racinisation légère ;",
            "sous-champ .exact sans racinisation pour les préfixes), pays, loi, collectivite, organisation, montant,",
            "dates et annee en keyword (identifiants normalisés de Cooplex : loi:2005-95, pays MA, collectivite",
            "commune:90010…), entites (type, normalized, text) pour chaque mention distincte.",
        ]
        lines.append("")
        return lines.joined(separator: "\n")
    }

    // MARK: - Settings and mapping

    /// The body of `PUT /<index>`.
    public static func indexBody() -> JSONValue {
        .object([("settings", settings()), ("mappings", mappings())])
    }

    /// French analysis equivalent to Cooplex's analyzer: legal numbers kept whole
    /// ("L. 1115-1" = "L1115-1", "n° 2005-95" = "2005-95"), elisions (' and ’) removed,
    /// lower case, French stop words, accents folded, Savoy's light French stemmer (Lucene's
    /// `light_french`, the one Cooplex implements; not Snowball's). An `exact` variant keeps
    /// words unstemmed, as Cooplex does for prefix queries.
    static func settings() -> JSONValue {
        let elisions = ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"]
        let charFilters: JSONValue = .object([
            (
                "cooplex_legal_numbers",
                .object([
                    ("type", .string("pattern_replace")),
                    // L. 1115-1, R1115-2, D. 3 → one token (l1115_1); also 2005-95 after "n°".
                    ("pattern", .string("(?i)\\b([lrd])\\.?\\s?(\\d{1,4})-(\\d{1,4})\\b")),
                    ("replacement", .string("$1$2_$3")),
                ])
            ),
            (
                "cooplex_law_numbers",
                .object([
                    ("type", .string("pattern_replace")),
                    ("pattern", .string("(?i)\\bn[°o]\\s*(\\d{2,4})-(\\d{1,4})\\b")),
                    ("replacement", .string("$1_$2")),
                ])
            ),
        ])
        let filters: JSONValue = .object([
            (
                "cooplex_elision",
                .object([
                    ("type", .string("elision")), ("articles_case", .bool(true)),
                    ("articles", .array(elisions.map(JSONValue.string))),
                ])
            ),
            ("cooplex_stop", .object([("type", .string("stop")), ("stopwords", .string("_french_"))])),
            ("cooplex_stemmer", .object([("type", .string("stemmer")), ("language", .string("light_french"))])),
        ])
        let charFilterNames: JSONValue = .array([.string("cooplex_legal_numbers"), .string("cooplex_law_numbers")])
        let analyzers: JSONValue = .object([
            (
                "cooplex_french",
                .object([
                    ("type", .string("custom")),
                    ("char_filter", charFilterNames),
                    ("tokenizer", .string("standard")),
                    (
                        "filter",
                        .array(
                            ["cooplex_elision", "lowercase", "cooplex_stop", "asciifolding", "cooplex_stemmer"].map(
                                JSONValue.string))
                    ),
                ])
            ),
            (
                "cooplex_french_exact",
                .object([
                    ("type", .string("custom")),
                    ("char_filter", charFilterNames),
                    ("tokenizer", .string("standard")),
                    ("filter", .array(["cooplex_elision", "lowercase", "asciifolding"].map(JSONValue.string))),
                ])
            ),
        ])
        return .object([
            ("number_of_shards", .int(1)),
            ("analysis", .object([("char_filter", charFilters), ("filter", filters), ("analyzer", analyzers)])),
        ])
    }

    static func mappings() -> JSONValue {
        let keyword: JSONValue = .object([("type", .string("keyword"))])
        func text(withKeyword: Bool) -> JSONValue {
            var fields: [(String, JSONValue)] = [
                ("exact", .object([("type", .string("text")), ("analyzer", .string("cooplex_french_exact"))]))
            ]
            if withKeyword {
                fields.append(("raw", .object([("type", .string("keyword")), ("ignore_above", .int(512))])))
            }
            return .object([
                ("type", .string("text")), ("analyzer", .string("cooplex_french")), ("fields", .object(fields)),
            ])
        }
        var properties: [(String, JSONValue)] = [
            ("id", keyword),
            ("source", keyword),
            ("item", keyword),
            ("format", keyword),
            ("title", text(withKeyword: true)),
            ("date", .object([("type", .string("date")), ("format", .string("yyyy-MM-dd||yyyy-MM||yyyy"))])),
            ("annee", keyword),
            ("pages", .object([("type", .string("integer"))])),
            ("text", text(withKeyword: false)),
        ]
        for type in EntityType.allCases { properties.append((field(for: type), keyword)) }
        properties.append(
            (
                "entites",
                .object([
                    ("properties", .object([("type", keyword), ("normalized", keyword), ("text", keyword)]))
                ])
            ))
        return .object([("dynamic", .string("strict")), ("properties", .object(properties))])
    }
}
