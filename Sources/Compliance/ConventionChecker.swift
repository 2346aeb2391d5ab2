import Extraction
import Entities

// PLACEHOLDER API — the compliance work replaces the bodies; keep these public signatures
// (Pipelines and the CLI call them).

public final class ConventionChecker: Sendable {
    public init(recognizer: EntityRecognizer) {}

    public func check(_ document: Document) -> ComplianceReport {
        ComplianceReport(source: document.source)
    }
}

public struct ComplianceReport: Sendable {
    public var source: String
    public init(source: String) { self.source = source }
    /// The contract's JSON object for `cooplex check --json`.
    public func jsonObject() -> JSONValue { .object([("source", .string(source))]) }
    /// The French report for a lawyer.
    public func renderText() -> String { source }
}
