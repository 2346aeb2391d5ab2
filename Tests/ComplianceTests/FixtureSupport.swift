import Compliance
import Extraction
import Foundation

/// Locating and reading the test files from the package root (found from `#filePath`).
enum Fixtures {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// A plain-text fixture as a document (no blocks: the reader finds the articles itself).
    static func textDocument(_ relative: String) throws -> Document {
        let text = try String(contentsOfFile: path(relative), encoding: .utf8)
        return Document(id: relative, source: relative, format: .text, text: text)
    }

    /// Extracted by the real extractor, checked without reference data.
    static func check(_ relative: String) throws -> ComplianceReport {
        let documents = try DocumentExtractor().extract(path: path(relative))
        return ConventionChecker(recognizer: nil).check(documents[0])
    }

    /// Checks bare text (no blocks, no metadata).
    static func check(text: String) -> ComplianceReport {
        ConventionChecker(recognizer: nil).check(Document(id: "t", source: "texte", format: .text, text: text))
    }

    static func statuses(_ report: ComplianceReport) -> [String: String] {
        Dictionary(uniqueKeysWithValues: report.results.map { ($0.id, $0.outcome.status.rawValue) })
    }
}
