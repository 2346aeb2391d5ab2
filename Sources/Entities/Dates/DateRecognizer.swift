// PLACEHOLDER API — the dates work replaces the body; keep the signature
// (EntityRecognizer calls it).

/// Finds dates in French text and normalizes them to ISO 8601 (`YYYY-MM-DD`, `YYYY-MM`,
/// `YYYY`, ranges as `start/end`).
public struct DateRecognizer: Sendable {
    public init() {}
    public func recognize(text: String) -> [Entity] { [] }
}
