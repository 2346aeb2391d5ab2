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

/// Texts to build snippets from: the seed brochure, the Corpus's conventions and the first
/// `benchArticles` articles of the bench sample.
func snippetTexts(benchArticles: Int) throws -> [String] {
    var texts = [
        try String(
            contentsOfFile: packageRoot.appendingPathComponent("Corpus/publications/brochure-30-ans-cooperation-decentralisee.txt").path,
            encoding: .utf8)
    ]
    let conventions = packageRoot.appendingPathComponent("Corpus/conventions")
    for name in try FileManager.default.contentsOfDirectory(atPath: conventions.path).sorted() where name.hasSuffix(".txt") {
        texts.append(try String(contentsOfFile: conventions.appendingPathComponent(name).path, encoding: .utf8))
    }
    for line in try String(contentsOfFile: packageRoot.appendingPathComponent("Tests/Fixtures/text/bench-sample.jsonl").path, encoding: .utf8)
        .split(separator: "\n").prefix(benchArticles)
    {
        // (The fixture also holds a malformed line, skipped here.)
        let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        if let text = object?["text"] as? String { texts.append(text) }
    }
    return texts
}
