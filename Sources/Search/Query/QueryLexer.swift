/// Cuts a query string into the tokens of the query language. Forgiving by design: anything
/// that is not clearly syntax is a word ("d'eau", "Oudin-Santini", "http://…", "art:1").
struct QueryLexer {
    enum Kind: Equatable {
        /// A word as typed; `prefix` when it ended with `*` (the `*` removed).
        case word(String, prefix: Bool)
        case phrase(String)
        /// A known field and its value (as typed, quotes removed).
        case field(name: String, value: String, valueColumn: Int)
        case open
        case close
        case or
        case and
        case not
    }

    struct Token: Equatable {
        var kind: Kind
        /// 1-based column (in characters) of the token's first character.
        var column: Int
        /// Preceded by `-` (exclusion).
        var negated = false
    }

    /// Field names as typed (folded) → canonical name.
    static let fields: [String: String] = [
        "titre": "titre", "title": "titre", "pays": "pays", "loi": "loi",
        "collectivite": "collectivite", "format": "format", "date": "date", "annee": "date",
    ]

    private let query: String
    private let scalars: [Unicode.Scalar]
    /// Column of each scalar (grapheme-based, 1-based), plus one past the end.
    private let columns: [Int]
    private var i = 0

    init(_ query: String) {
        self.query = query
        scalars = Array(query.unicodeScalars)
        self.columns = QueryLexer.columns(query, scalars)
    }

    /// The column of each scalar. Below U+0300 (Latin letters with their accents composed,
    /// punctuation) and without a CR LF, every scalar is a character of its own: no
    /// grapheme breaking is needed, which is most of a short query's parsing time.
    private static func columns(_ query: String, _ scalars: [Unicode.Scalar]) -> [Int] {
        var simple = true
        for (k, s) in scalars.enumerated() where s.value >= 0x300 || (s == "\r" && k + 1 < scalars.count && scalars[k + 1] == "\n") {
            simple = false
            break
        }
        if simple { return Array(1...(scalars.count + 1)) }
        var columns: [Int] = []
        columns.reserveCapacity(scalars.count + 1)
        var column = 1
        for character in query {
            for _ in character.unicodeScalars { columns.append(column) }
            column += 1
        }
        columns.append(column)
        return columns
    }

    /// The column just past the last character.
    var endColumn: Int { columns.last ?? 1 }

    func error(_ message: String, at column: Int) -> QuerySyntaxError {
        QuerySyntaxError(position: column, message: message, query: query)
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value == 0x20 || (0x09...0x0D).contains(s.value) }
        return s.properties.isWhitespace || s.value == 0x200B || s.value == 0xFEFF
    }

    static func closingQuote(for s: Unicode.Scalar) -> [Unicode.Scalar]? {
        switch s {
        case "\"": return ["\""]
        case "«": return ["»"]
        case "“": return ["”", "\""]
        case "„": return ["“", "”"]
        default: return nil
        }
    }

    /// Ends a bare word.
    static func isDelimiter(_ s: Unicode.Scalar) -> Bool {
        isSpace(s) || s == "(" || s == ")" || closingQuote(for: s) != nil || s == "»" || s == "”"
    }

    mutating func tokens() throws(QuerySyntaxError) -> [Token] {
        var out: [Token] = []
        while true {
            while i < scalars.count && Self.isSpace(scalars[i]) { i += 1 }
            guard i < scalars.count else { break }
            let start = i
            var negated = false
            // A leading "-" (or "+", ignored) glued to what follows.
            while i < scalars.count && (scalars[i] == "-" || scalars[i] == "+") {
                if scalars[i] == "-" { negated = true }
                i += 1
            }
            if i > start && (i == scalars.count || Self.isSpace(scalars[i]) || scalars[i] == ")") {
                continue  // a lone dash or plus: punctuation, not syntax
            }
            let column = columns[start]
            let s = scalars[i]
            if s == "(" {
                i += 1
                out.append(Token(kind: .open, column: columns[i - 1], negated: negated))
                continue
            }
            if s == ")" {
                i += 1
                out.append(Token(kind: .close, column: columns[i - 1]))
                continue
            }
            if s == "»" || s == "”" {  // a stray closing quote: punctuation
                i += 1
                continue
            }
            if Self.closingQuote(for: s) != nil {
                let text = try quoted()
                out.append(Token(kind: .phrase(text), column: column, negated: negated))
                continue
            }
            // A bare word, maybe a field.
            let wordStart = i
            var isField = false
            while i < scalars.count && !Self.isDelimiter(scalars[i]) {
                if scalars[i] == ":", let name = fieldName(wordStart, i) {
                    i += 1
                    let valueColumn = columns[i]
                    let value = try fieldValue(name: name, nameColumn: columns[wordStart])
                    out.append(
                        Token(kind: .field(name: name, value: value, valueColumn: valueColumn), column: column, negated: negated))
                    isField = true
                    break
                }
                i += 1
            }
            if isField { continue }
            var word = String(String.UnicodeScalarView(scalars[wordStart..<i]))
            if !negated && wordStart == start {
                switch word {
                case "OR", "OU": out.append(Token(kind: .or, column: column)); continue
                case "AND", "ET": out.append(Token(kind: .and, column: column)); continue
                case "NOT", "SAUF": out.append(Token(kind: .not, column: column)); continue
                default: break
                }
            }
            var prefix = false
            while word.hasSuffix("*") {
                word.removeLast()
                prefix = true
            }
            out.append(Token(kind: .word(word, prefix: prefix), column: column, negated: negated))
        }
        // Words without a letter or digit ("–", "?", a "%" not after a number) are punctuation.
        return Self.mergeLegalSequences(out).filter { token in
            if case .word(let w, _) = token.kind { return w.unicodeScalars.contains(where: Self.isWordScalar) }
            if case .phrase(let p) = token.kind { return p.unicodeScalars.contains(where: Self.isWordScalar) }
            return true
        }
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        let c = v < 0x80 ? ScalarClass.ascii(UInt8(v)) : ScalarClass.nonASCII(v)
        return c == .letter || c == .digit
    }

    /// A known field name between `from` and `to` (the colon), folded.
    private func fieldName(_ from: Int, _ to: Int) -> String? {
        guard to > from, to - from <= 16 else { return nil }
        var folded: [UInt8] = []
        for s in scalars[from..<to] { LatinFolding.append(s.value, to: &folded) }
        return Self.fields[String(decoding: folded, as: UTF8.self)]
    }

    /// The value after `name:` — quoted, or bare up to a space or a closing parenthesis.
    /// "pays: Maroc" (a space after the colon) is accepted too.
    private mutating func fieldValue(name: String, nameColumn: Int) throws(QuerySyntaxError) -> String {
        if i < scalars.count && Self.isSpace(scalars[i]) {
            var j = i
            while j < scalars.count && Self.isSpace(scalars[j]) { j += 1 }
            if j < scalars.count && !isOperatorAt(j) && scalars[j] != "(" && scalars[j] != ")" { i = j }
        }
        guard i < scalars.count, !Self.isSpace(scalars[i]), scalars[i] != ")" else {
            throw error("valeur manquante après « \(name): »", at: columns[min(i, scalars.count)])
        }
        if scalars[i] == "(" {
            throw error(
                "les parenthèses ne sont pas acceptées après « \(name): » ; écrivez \(name):\"…\"",
                at: columns[i])
        }
        if Self.closingQuote(for: scalars[i]) != nil {
            let value = try quoted()
            guard !value.isEmpty else {
                throw error("valeur vide après « \(name): »", at: nameColumn)
            }
            return value
        }
        let start = i
        while i < scalars.count && !Self.isSpace(scalars[i]) && scalars[i] != ")" { i += 1 }
        return String(String.UnicodeScalarView(scalars[start..<i]))
    }

    private func isOperatorAt(_ j: Int) -> Bool {
        var k = j
        while k < scalars.count && !Self.isDelimiter(scalars[k]) { k += 1 }
        let word = String(String.UnicodeScalarView(scalars[j..<k]))
        return ["OR", "OU", "AND", "ET", "NOT", "SAUF"].contains(word)
    }

    /// The text between the quote at `i` and its closing quote; `i` moves past it.
    private mutating func quoted() throws(QuerySyntaxError) -> String {
        let open = i
        let closers = Self.closingQuote(for: scalars[i])!
        i += 1
        let start = i
        while i < scalars.count && !closers.contains(scalars[i]) { i += 1 }
        guard i < scalars.count else {
            throw error("guillemet ouvrant sans guillemet fermant", at: columns[open])
        }
        var end = i
        i += 1
        var first = start
        while first < end && Self.isSpace(scalars[first]) { first += 1 }
        while end > first && Self.isSpace(scalars[end - 1]) { end -= 1 }
        return String(String.UnicodeScalarView(scalars[first..<end]))
    }

    // MARK: - Word sequences the analyzer joins

    /// "L. 1115-1", "n° 2005-95", "1 %": several words typed with spaces that the analyzer
    /// reads as one term. They become one word (spacing kept) so the executor analyzes them
    /// together.
    static func mergeLegalSequences(_ tokens: [Token]) -> [Token] {
        var out: [Token] = []
        for token in tokens {
            if case .word(let b, let bPrefix) = token.kind, !token.negated, let last = out.last,
                case .word(let a, false) = last.kind, joins(a, b)
            {
                out[out.count - 1].kind = .word(a + " " + b, prefix: bPrefix)
                continue
            }
            out.append(token)
        }
        return out
    }

    static func joins(_ a: String, _ b: String) -> Bool {
        let bs = Array(b.utf8)
        guard let b0 = bs.first else { return false }
        let bStartsWithDigit = b0 >= 0x30 && b0 <= 0x39
        // "L." / "R" + "1115-1": the analyzer's legal-number rule.
        let au = Array(a.utf8)
        if bStartsWithDigit, au.count == 1 || (au.count == 2 && au[1] == UInt8(ascii: ".")),
            TokenAnalysis.isLegalLetter(au[0]), au[0] < 0x80
        {
            var end = 0
            while end < bs.count && ((bs[end] >= 0x30 && bs[end] <= 0x39) || bs[end] == UInt8(ascii: "-")) { end += 1 }
            return bs[..<end].withUnsafeBufferPointer { FrenchAnalyzer.isHyphenatedNumber($0.baseAddress!, $0.count) }
        }
        // "n°" + "2005-95".
        if bStartsWithDigit, ["n°", "nº", "N°", "Nº"].contains(a) { return true }
        // "1" / "0,5" + "%".
        if b0 == UInt8(ascii: "%"), !au.isEmpty,
            au.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") }),
            au[0] >= 0x30 && au[0] <= 0x39
        {
            return true
        }
        return false
    }
}
