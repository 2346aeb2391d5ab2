import Entities
import Extraction
import Foundation
@testable import Search

/// A fresh index directory under the system temporary directory, removed by `remove()`.
struct TemporaryIndex {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "cooplex-test-" + UUID().uuidString
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func files() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path))?.sorted() ?? []
    }
}

func makeDocument(
    _ text: String, source: String, item: String? = nil, title: String? = nil, date: String? = nil,
    format: DocumentFormat = .text
) -> Document {
    Document(
        id: SHA256.hex(of: Array((source + "#" + (item ?? "") + text).utf8)), source: source, item: item,
        format: format, title: title, date: date, text: text)
}

/// Builds an index holding `docs` (one commit) and opens a reader on it.
func buildIndex(
    _ index: TemporaryIndex, _ docs: [(Document, [Entity])], resolver: EntityNameResolver = EntityNameResolver { _, _ in nil }
) throws -> IndexReader {
    let writer = try IndexWriter(directory: index.path)
    for (d, e) in docs { try writer.add(d, entities: e, fileHash: "h-" + d.source) }
    try writer.commit()
    writer.close()
    return try IndexReader.open(directory: index.path, resolver: resolver)
}

func sources(_ r: SearchResults) -> [String] { r.hits.map(\.source) }

/// Package root, found from this file.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
