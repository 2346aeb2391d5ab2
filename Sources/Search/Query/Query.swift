/// A parsed query. Words are kept as typed (not analyzed): the executor analyzes them with
/// the same `FrenchAnalyzer` as the index, so "Oudin-Santini", "d'eau" and "L. 1115-1"
/// match what indexing produced.
public indirect enum Query: Sendable, Equatable {
    /// One word (may analyze into several terms, e.g. a compound: all must match, adjacent).
    case word(String)
    /// An exact phrase, `"…"`.
    case phrase(String)
    /// `prefix*`, matched against unstemmed forms.
    case prefix(String)
    /// All must match (implicit between words).
    case and([Query])
    /// Any may match.
    case or([Query])
    /// Must not match (`NOT x`, `-x`).
    case not(Query)
    /// A field filter: `pays:MA`, `loi:"Oudin-Santini"`, `collectivite:Belfort`, `format:pdf`,
    /// `titre:mot`, `date:2005`. The value is as typed; the executor resolves names to ids.
    case field(name: String, value: String)
    /// `date:2005..2007`, years inclusive.
    case dateRange(field: String, from: Int, to: Int)
}

/// A syntax error, with the position (in characters from 1) where it was found.
public struct QuerySyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var position: Int
    public var message: String
    public var query: String

    public init(position: Int, message: String, query: String) {
        self.position = position
        self.message = message
        self.query = query
    }

    /// French, with a caret under the position.
    public var description: String {
        let caret = String(repeating: " ", count: max(0, position - 1)) + "^"
        return "requête invalide (colonne \(position)) : \(message)\n  \(query)\n  \(caret)"
    }
}
