/// INTERIM — a small parser for the contract's query language, used until the analysis
/// work's `QueryParser` is merged: words, "phrases", OR, NOT/-word, parentheses, prefix*,
/// field:value, field:"value", date:2005..2007. Hyphens and apostrophes inside words are
/// part of them.
enum InterimQueryParser {
    static func parse(_ text: String) throws -> Query {
        var p = Parser(chars: Array(text), query: text)
        let q = try p.parseOr()
        p.skipSpaces()
        if p.i < p.chars.count {
            throw QuerySyntaxError(position: p.i + 1, message: "parenthèse fermante sans parenthèse ouvrante", query: text)
        }
        return q ?? .and([])
    }

    private struct Parser {
        let chars: [Character]
        let query: String
        var i = 0

        init(chars: [Character], query: String) {
            self.chars = chars
            self.query = query
        }

        mutating func skipSpaces() {
            while i < chars.count, chars[i].isWhitespace { i += 1 }
        }

        mutating func parseOr() throws -> Query? {
            var parts: [Query] = []
            while true {
                if let a = try parseAnd() { parts.append(a) }
                skipSpaces()
                if peekWord("OR") {
                    i += 2
                    continue
                }
                break
            }
            if parts.isEmpty { return nil }
            return parts.count == 1 ? parts[0] : .or(parts)
        }

        func peekWord(_ w: String) -> Bool {
            let wc = Array(w)
            guard i + wc.count <= chars.count, Array(chars[i..<(i + wc.count)]) == wc else { return false }
            return i + wc.count == chars.count || chars[i + wc.count].isWhitespace || chars[i + wc.count] == "("
        }

        mutating func parseAnd() throws -> Query? {
            var parts: [Query] = []
            while true {
                skipSpaces()
                guard i < chars.count, chars[i] != ")", !peekWord("OR") else { break }
                if peekWord("NOT") {
                    i += 3
                    skipSpaces()
                    guard let q = try parseUnit() else {
                        throw QuerySyntaxError(position: i + 1, message: "NOT doit être suivi d’un mot", query: query)
                    }
                    parts.append(.not(q))
                    continue
                }
                if chars[i] == "-", i + 1 < chars.count, !chars[i + 1].isWhitespace {
                    i += 1
                    if let q = try parseUnit() { parts.append(.not(q)) }
                    continue
                }
                if let q = try parseUnit() { parts.append(q) }
            }
            if parts.isEmpty { return nil }
            return parts.count == 1 ? parts[0] : .and(parts)
        }

        mutating func quoted() throws -> String {
            let start = i
            i += 1
            var s = ""
            while i < chars.count, chars[i] != "\"" {
                s.append(chars[i])
                i += 1
            }
            guard i < chars.count else {
                throw QuerySyntaxError(position: start + 1, message: "guillemet non fermé", query: query)
            }
            i += 1
            return s
        }

        mutating func parseUnit() throws -> Query? {
            skipSpaces()
            guard i < chars.count else { return nil }
            let c = chars[i]
            if c == "(" {
                let start = i
                i += 1
                let q = try parseOr()
                skipSpaces()
                guard i < chars.count, chars[i] == ")" else {
                    throw QuerySyntaxError(position: start + 1, message: "parenthèse non fermée", query: query)
                }
                i += 1
                return q
            }
            if c == "\"" { return .phrase(try quoted()) }
            var word = ""
            while i < chars.count, !chars[i].isWhitespace, chars[i] != "(", chars[i] != ")", chars[i] != "\"" {
                word.append(chars[i])
                i += 1
            }
            if let colon = word.firstIndex(of: ":"), colon != word.startIndex {
                let name = String(word[..<colon])
                var value = String(word[word.index(after: colon)...])
                if name.allSatisfy({ $0.isLetter || $0 == "_" }) {
                    if value.isEmpty, i < chars.count, chars[i] == "\"" { value = try quoted() }
                    if value.isEmpty { return .word(word) }
                    let lower = name.lowercased()
                    if lower == "date" || lower == "annee" || lower == "année", let r = value.range(of: "..") {
                        if let a = Int(value[..<r.lowerBound]), let b = Int(value[r.upperBound...]) {
                            return .dateRange(field: lower, from: a, to: b)
                        }
                    }
                    return .field(name: name, value: value)
                }
            }
            if word.hasSuffix("*"), word.count > 1 { return .prefix(String(word.dropLast())) }
            return word.isEmpty ? nil : .word(word)
        }
    }
}
