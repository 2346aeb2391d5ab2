/// Finds dates in French text and normalizes them to ISO 8601 (`YYYY-MM-DD`, `YYYY-MM`,
/// `YYYY`, ranges as `start/end`).
///
/// Spans: a date starts at its first word that carries meaning (weekday, day number, month
/// for "juin 2012", "années" for a decade, the year itself for "en 2012") and ends after
/// the year; prepositions ("en", "du", "depuis", "entre") are context, not part of the span.
/// A date inside a law reference ("loi du 6 février 1992") is still a date. The rules are
/// listed on `FrenchDateParser`. The scan is byte-level and only wakes up on digits.
public struct DateRecognizer: Sendable {
    public init() {}

    public func recognize(text: String) -> [Entity] {
        var copy = text
        return copy.withUTF8 { t in
            FrenchDateParser.scan(t).map { d in
                Entity(
                    type: .date, start: d.start, end: d.end,
                    text: String(decoding: UnsafeBufferPointer(rebasing: t[d.start..<d.end]), as: UTF8.self),
                    normalized: d.iso)
            }
        }
    }
}
