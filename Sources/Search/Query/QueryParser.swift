/// Parses the query language of `cooplex search` (CONTRACT.md) into a `Query`.
///
/// Grammar, loosest binding first:
/// ```
/// query   := and
/// and     := or ( [AND] or )*          implicit AND between terms
/// or      := unary ( OR unary )*        OR binds tighter than AND:
///                                       "coopération Maroc OR Tunisie"
///                                       = coopération AND (Maroc OR Tunisie)
/// unary   := NOT unary | primary
/// primary := ["-"] ( word | word* | "phrase" | field:value | field:"value" | "(" and ")" )
/// ```
/// - Keywords are upper case only: `OR`, `AND`, `NOT`, and their French forms `OU`, `ET`,
///   `SAUF`. Lower-case "ou", "et" are words.
/// - A `-` glued to the start of a term excludes it; a hyphen inside a word is part of the
///   word ("Oudin-Santini"); a lone "-" or "–" between spaces is punctuation.
/// - Phrases use `"…"`, `«…»` or `“…”`.
/// - Fields: `titre`, `pays`, `loi`, `collectivite` (or `collectivité`), `format`, `date`
///   (`annee`/`année` are aliases of `date`), case and accents ignored. The value runs to the
///   next space or `)` and may contain `:` (`collectivite:commune:90010`); quoted values may
///   contain spaces. `date:2005`, `date:2005-03`, `date:2005-03-12` are `.field`;
///   `date:2005..2007`, `date:2005-2007`, `date:2005..`, `date:..2007` are `.dateRange`
///   (years inclusive, open ends 0 and 9999, reversed bounds swapped).
/// - An unknown `xxx:` is a word ("http://…", "art:1"), never an error.
/// - Words are passed as typed; the executor analyzes them with `FrenchAnalyzer`. Words
///   the analyzer reads as one term are joined into one `.word` with their space:
///   "L. 1115-1", "n° 2005-95", "1 %". A word may analyze to no term at all (a stop word
///   such as "la"): the executor should then ignore it.
/// - Syntax errors (`QuerySyntaxError`, French message, 1-based column): unbalanced
///   parenthesis or quote, an operator with nothing to apply to, empty parentheses, a field
///   without a value, an invalid date, an empty query.
public enum QueryParser {
    public static func parse(_ query: String) throws(QuerySyntaxError) -> Query {
        var lexer = QueryLexer(query)
        let tokens = try lexer.tokens()
        var parser = Parser(tokens: tokens, lexer: lexer)
        return try parser.parseQuery()
    }
}

private struct Parser {
    let tokens: [QueryLexer.Token]
    let lexer: QueryLexer
    var index = 0

    init(tokens: [QueryLexer.Token], lexer: QueryLexer) {
        self.tokens = tokens
        self.lexer = lexer
    }

    func error(_ message: String, at column: Int) -> QuerySyntaxError {
        lexer.error(message, at: column)
    }

    var current: QueryLexer.Token? { index < tokens.count ? tokens[index] : nil }

    func startsOperand(_ token: QueryLexer.Token?) -> Bool {
        guard let token else { return false }
        switch token.kind {
        case .word, .phrase, .field, .open, .not: return true
        case .close, .or, .and: return false
        }
    }

    mutating func parseQuery() throws(QuerySyntaxError) -> Query {
        guard !tokens.isEmpty else { throw error("requête vide", at: 1) }
        let query = try parseAnd()
        if let extra = current {
            throw error("parenthèse fermante sans parenthèse ouvrante", at: extra.column)
        }
        return query
    }

    mutating func parseAnd() throws(QuerySyntaxError) -> Query {
        var items: [Query] = []
        while let token = current {
            switch token.kind {
            case .close:
                return Parser.combine(items, and: true)
            case .and:
                guard !items.isEmpty else { throw error("« AND » doit être précédé d’un terme", at: token.column) }
                index += 1
                guard startsOperand(current) else { throw error("« AND » doit être suivi d’un terme", at: token.column) }
            case .or:
                throw error("« OR » doit être précédé d’un terme", at: token.column)
            default:
                items.append(try parseOr())
            }
        }
        return Parser.combine(items, and: true)
    }

    mutating func parseOr() throws(QuerySyntaxError) -> Query {
        var items = [try parseUnary()]
        while let token = current, token.kind == .or {
            index += 1
            guard startsOperand(current) else { throw error("« OR » doit être suivi d’un terme", at: token.column) }
            items.append(try parseUnary())
        }
        return Parser.combine(items, and: false)
    }

    mutating func parseUnary() throws(QuerySyntaxError) -> Query {
        guard let token = current else { throw error("terme attendu", at: lexer.endColumn) }
        if token.kind == .not {
            index += 1
            guard startsOperand(current) else { throw error("« NOT » doit être suivi d’un terme", at: token.column) }
            return .not(try parseUnary())
        }
        return try parsePrimary()
    }

    mutating func parsePrimary() throws(QuerySyntaxError) -> Query {
        guard let token = current else { throw error("terme attendu", at: lexer.endColumn) }
        index += 1
        var query: Query
        switch token.kind {
        case .word(let word, let prefix):
            query = prefix ? .prefix(word) : .word(word)
        case .phrase(let text):
            query = .phrase(text)
        case .field(let name, let value, let valueColumn):
            query = try Parser.field(name, value, valueColumn: valueColumn, lexer: lexer)
        case .open:
            if let next = current, next.kind == .close {
                throw error("parenthèses vides", at: token.column)
            }
            let inner = try parseAnd()
            guard let close = current, close.kind == .close else {
                throw error("parenthèse ouvrante sans parenthèse fermante", at: token.column)
            }
            _ = close
            index += 1
            query = inner
        case .close, .or, .and, .not:
            throw error("terme attendu", at: token.column)
        }
        return token.negated ? .not(query) : query
    }

    static func combine(_ items: [Query], and: Bool) -> Query {
        if items.count == 1 { return items[0] }
        var flat: [Query] = []
        for item in items {
            switch (item, and) {
            case (.and(let inner), true), (.or(let inner), false): flat += inner
            default: flat.append(item)
            }
        }
        return and ? .and(flat) : .or(flat)
    }

    // MARK: - Fields

    static func field(_ name: String, _ value: String, valueColumn: Int, lexer: QueryLexer) throws(QuerySyntaxError)
        -> Query
    {
        guard name == "date" else { return .field(name: name, value: value) }
        let invalid = lexer.error(
            "date invalide « \(value) » : écrivez une année (2005), une date (2005-03-12) ou un intervalle (2005..2007)",
            at: valueColumn)
        func year(_ s: Substring) -> Int? {
            s.count == 4 && s.allSatisfy(\.isASCII) && s.allSatisfy(\.isNumber) ? Int(s) : nil
        }
        if let range = value.firstRange(of: "..") {
            let a = value[..<range.lowerBound], b = value[range.upperBound...]
            let from = a.isEmpty ? 0 : year(a), to = b.isEmpty ? 9999 : year(b)
            guard let from, let to, !(a.isEmpty && b.isEmpty) else { throw invalid }
            return .dateRange(field: "date", from: min(from, to), to: max(from, to))
        }
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard let y = year(parts[0]) else { throw invalid }
        if parts.count == 1 { return .field(name: "date", value: value) }
        if parts.count == 2, let y2 = year(parts[1]) {
            return .dateRange(field: "date", from: min(y, y2), to: max(y, y2))
        }
        func number(_ s: Substring, _ range: ClosedRange<Int>) -> Bool {
            s.count == 2 && s.allSatisfy(\.isASCII) && Int(s).map(range.contains) == true
        }
        guard parts.count <= 3, number(parts[1], 1...12), parts.count == 2 || number(parts[2], 1...31) else {
            throw invalid
        }
        return .field(name: "date", value: value)
    }
}
