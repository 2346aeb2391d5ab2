import Extraction
import Foundation

/// Paths of the package's sample files, found from this source file's location.
enum XMLFixtures {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// Extracts a file given relative to the package root.
    static func extract(_ relative: String) throws -> [Document] {
        try DocumentExtractor().extract(path: path(relative))
    }

    static func extractOne(_ relative: String) throws -> Document {
        let documents = try extract(relative)
        guard documents.count == 1 else { throw FixtureError.expectedOne(documents.count) }
        return documents[0]
    }

    enum FixtureError: Error { case expectedOne(Int) }
}

extension Document {
    /// The text of a block (UTF-8 byte offsets).
    func text(of block: Block) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes[block.start..<block.end], as: UTF8.self)
    }

    func blocks(_ kind: Block.Kind) -> [Block] { blocks.filter { $0.kind == kind } }
}
