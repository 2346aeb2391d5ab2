import Extraction
import Foundation

/// Paths of the PDF samples and fixtures, found from this file's location.
enum PDFFixtures {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static let brochure = "Corpus/publications/brochure-30-ans-cooperation-decentralisee.pdf"
    static let brochureText = "Corpus/publications/brochure-30-ans-cooperation-decentralisee.txt"
    static let convention = "Corpus/conventions/convention-selestat-saa.pdf"

    static func extract(_ relative: String) throws -> Document {
        let documents = try DocumentExtractor().extract(path: path(relative))
        guard documents.count == 1, let document = documents.first else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return document
    }

    /// The text of `block`, by its UTF-8 byte offsets.
    static func text(of block: Block, in document: Document) -> String {
        let bytes = Array(document.text.utf8)
        return String(decoding: bytes[block.start..<block.end], as: UTF8.self)
    }
}
