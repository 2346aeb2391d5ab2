/// Repairs line-end hyphenation ("coopé-⏎ration" → "coopération") while keeping real
/// compounds ("Oudin-⏎Santini", "quasi-⏎totalité"), using a French lexicon and the words
/// of the document itself; rejoins URLs and e-mail addresses broken across lines.
///
/// The decision for `X-⏎y`, in order:
/// 1. a soft hyphen (U+00AD) at the end of a line is always a break: join;
/// 2. a digit on either side ("2011-⏎2012") keeps the hyphen;
/// 3. a capitalised continuation ("Oudin-⏎Santini", "Sud-⏎Est") keeps it, unless both
///    halves are upper case ("PLAT-⏎FORMA"), which join unless the document spells the
///    hyphenated form elsewhere;
/// 4. otherwise the document decides when it spells exactly one of "X-y" and "Xy"
///    elsewhere; then the lexicon, when it knows exactly one of them (both: keep);
/// 5. when neither is known, two known halves ("franco-⏎marocaine") keep the hyphen;
///    anything else ("Liao-⏎ning") is joined.
/// In URLs and e-mail addresses the line break is removed; a hyphen there is kept unless
/// the joined word appears elsewhere in the document. A word ending with "/" at the end
/// of a line ("et/⏎ou") is rejoined too.
///
/// Works on UTF-8 bytes. The moved word is appended to the first line; the rest of the
/// second line stays on its own line, so line and paragraph structure survive.
public struct Dehyphenator: Sendable {
    private let chosenLexicon: FrenchLexicon?

    /// The word list consulted when the document itself does not settle a break. The
    /// default one (`FrenchLexicon.shared`) is loaded only then, the first time: a text
    /// without such a break never pays for it.
    public var lexicon: FrenchLexicon { chosenLexicon ?? FrenchLexicon.shared }

    public init() { self.chosenLexicon = nil }

    public init(lexicon: FrenchLexicon) { self.chosenLexicon = lexicon }

    // MARK: String interface

    public func repair(_ text: String) -> String {
        guard Dehyphenator.mayNeedRepair(text) else { return text }
        var lines: [[UInt8]] = []
        lines.reserveCapacity(text.utf8.count / 60 + 1)
        var current: [UInt8] = []
        for b in text.utf8 {
            if b == 0x0A {
                lines.append(current)
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(b)
            }
        }
        lines.append(current)
        let consumed = repair(lines: &lines)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var wroteLine = false
        for (index, line) in lines.enumerated() {
            if consumed[index] && line.isEmpty { continue }
            if wroteLine { out.append(0x0A) }
            out.append(contentsOf: line)
            wroteLine = true
        }
        // A text ending with "\n" keeps it.
        if !wroteLine && !lines.isEmpty { return "" }
        return String(decoding: out, as: UTF8.self)
    }

    /// A cheap scan: is there any line end a repair could touch?
    static func mayNeedRepair(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        var sawURLMarker = false
        for b in text.utf8 {
            switch b {
            case 0x0A:
                if previous == 0x2D || previous == 0x2F || previous == 0xAD || previous == 0x90 { return true }
                if sawURLMarker { return true }
                previous = 0x20
                continue
            case 0x20, 0x09, 0x0D:
                continue
            case 0x40, 0x3A:  // "@", ":" (in "://")
                sawURLMarker = true
            default:
                break
            }
            previous = b
        }
        return false
    }

    // MARK: Line interface

    /// Repairs breaks between consecutive lines in place. An empty line is a paragraph
    /// break: nothing is joined across it. Returns, per line, whether its content was
    /// moved to the line before (such a line may now be empty and can be dropped).
    @discardableResult
    public func repair(lines: inout [[UInt8]]) -> [Bool] {
        var consumed = [Bool](repeating: false, count: lines.count)
        guard lines.count > 1 else { return consumed }
        // The vocabulary is read before any repair, so a join never vouches for itself.
        var vocabulary: DocumentVocabulary? =
            lines.contains(where: Dehyphenator.endsWithBreakHyphen) ? DocumentVocabulary(lines: lines) : nil
        var i = 0
        while i + 1 < lines.count {
            // The next line, skipping lines already emptied by a join.
            var j = i + 1
            while j < lines.count && consumed[j] && lines[j].isEmpty { j += 1 }
            guard j < lines.count else { break }
            guard let ending = Dehyphenator.lineEnding(lines[i]),
                let next = Dehyphenator.leadingToken(lines[j]),
                let action = decide(lines, i, j, ending, next, &vocabulary)
            else {
                i += 1
                continue
            }
            var joined = Array(lines[i][0..<ending.markStart])
            if action == .keepMark { joined.append(contentsOf: lines[i][ending.markStart..<ending.markEnd]) }
            joined.append(contentsOf: lines[j][next.start..<next.end])
            var rest = next.end
            while rest < lines[j].count && Dehyphenator.isBlank(lines[j][rest]) { rest += 1 }
            lines[i] = joined
            lines[j] = Array(lines[j][rest...])
            consumed[j] = true
            // A whole line moved up may itself end with a break: look at line i again.
            if !lines[j].isEmpty { i += 1 }
        }
        return consumed
    }

    /// What to do with the break between lines i and j, or nil to leave it.
    private func decide(
        _ lines: [[UInt8]], _ i: Int, _ j: Int, _ ending: LineEnding, _ next: LeadingToken,
        _ vocabulary: inout DocumentVocabulary?
    ) -> Join? {
        switch ending.kind {
        case .softHyphen:
            return next.startsWithWord ? .dropMark : nil
        case .slash:
            if ending.isURL {
                // After a bare scheme ("http://", "http:/") anything URL-like follows.
                let bareScheme = Dehyphenator.endsWithBareScheme(lines[i], ending)
                return Dehyphenator.isURLContinuation(lines[j], next, allowNewURL: bareScheme) ? .keepMark : nil
            }
            return next.startsWithWord ? .keepMark : nil
        case .urlOther:
            return Dehyphenator.isURLContinuation(lines[j], next) ? .keepMark : nil
        case .hyphen:
            if ending.isURL {
                guard Dehyphenator.isURLContinuation(lines[j], next) else { return nil }
                if vocabulary == nil { vocabulary = DocumentVocabulary(lines: lines) }
                return decideURLHyphen(lines[i], ending, lines[j], next, vocabulary!)
            }
            guard next.startsWithWord else { return nil }
            if vocabulary == nil { vocabulary = DocumentVocabulary(lines: lines) }
            return decideWordHyphen(lines[i], ending, lines[j], next, vocabulary!)
        }
    }

    enum Join { case dropMark, keepMark }

    enum EndingKind { case hyphen, softHyphen, slash, urlOther }

    struct LineEnding {
        var kind: EndingKind
        /// Byte range of the break mark (hyphen, soft hyphen, slash; empty for urlOther).
        var markStart: Int
        var markEnd: Int
        /// Start of the last whitespace-delimited token.
        var tokenStart: Int
        var isURL: Bool
    }

    struct LeadingToken {
        /// First byte of the token (after leading blanks) and end of the token (first blank).
        var start: Int
        var end: Int
        /// End of the run of word characters at `start`.
        var wordEnd: Int
        var startsWithWord: Bool
    }

    // MARK: Scanning

    @inline(__always)
    static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }

    /// Index of the lead byte of the scalar that ends just before `end`.
    @inline(__always)
    static func leadIndex(_ line: [UInt8], before end: Int) -> Int {
        var k = end - 1
        while k > 0 && line[k] & 0xC0 == 0x80 { k -= 1 }
        return k
    }

    @inline(__always)
    static func isWordChar(_ line: [UInt8], at k: Int) -> Bool {
        guard k >= 0 && k < line.count else { return false }
        return UTF8Class.isWordLead(line[k], next: k + 1 < line.count ? line[k + 1] : 0)
    }

    /// Whether the line ends with a hyphen that may be a line-end break.
    static func endsWithBreakHyphen(_ line: [UInt8]) -> Bool {
        guard let ending = lineEnding(line) else { return false }
        return ending.kind == .hyphen || ending.kind == .softHyphen
    }

    static func lineEnding(_ line: [UInt8]) -> LineEnding? {
        var e = line.count
        while e > 0 && isBlank(line[e - 1]) { e -= 1 }
        guard e >= 2 else { return nil }
        var tokenStart = e
        while tokenStart > 0 && !isBlank(line[tokenStart - 1]) { tokenStart -= 1 }
        let isURL = looksLikeURL(line, tokenStart, e)
        let last = line[e - 1]
        if last == 0x2D {
            guard isURL || isWordChar(line, at: leadIndex(line, before: e - 1)) else { return nil }
            return LineEnding(kind: .hyphen, markStart: e - 1, markEnd: e, tokenStart: tokenStart, isURL: isURL)
        }
        if e >= 3 && line[e - 2] == 0xC2 && last == 0xAD {
            guard isWordChar(line, at: leadIndex(line, before: e - 2)) else { return nil }
            return LineEnding(kind: .softHyphen, markStart: e - 2, markEnd: e, tokenStart: tokenStart, isURL: isURL)
        }
        if e >= 4 && line[e - 3] == 0xE2 && line[e - 2] == 0x80 && last == 0x90 {
            guard isWordChar(line, at: leadIndex(line, before: e - 3)) else { return nil }
            return LineEnding(kind: .hyphen, markStart: e - 3, markEnd: e, tokenStart: tokenStart, isURL: isURL)
        }
        if last == 0x2F {
            // "et/⏎ou", "(MAE/⏎DAECT)", "…/colonne-droite-21470/⏎publications…"
            guard e - 1 > tokenStart else { return nil }
            return LineEnding(kind: .slash, markStart: e - 1, markEnd: e, tokenStart: tokenStart, isURL: isURL)
        }
        if isURL {
            return LineEnding(kind: .urlOther, markStart: e, markEnd: e, tokenStart: tokenStart, isURL: true)
        }
        return nil
    }

    /// "scheme://…", "www.…", or an e-mail address (or its start, "name@").
    static func looksLikeURL(_ line: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard end - start >= 4 else { return false }
        // A bare scheme cut after its first slash: "http:/".
        if line[end - 1] == 0x2F && line[end - 2] == 0x3A { return true }
        var k = start
        var sawAt = false
        while k < end {
            let b = line[k]
            if b >= 0x80 { return false }
            if b == 0x3A && k + 2 < end && line[k + 1] == 0x2F && line[k + 2] == 0x2F { return true }
            if b == 0x40 { sawAt = k > start }
            k += 1
        }
        if sawAt { return true }
        // "www." possibly after an opening bracket or quote.
        var s = start
        while s < end && (line[s] == 0x28 || line[s] == 0x3C || line[s] == 0x5B) { s += 1 }
        if end - s >= 4 && (line[s] | 0x20) == 0x77 && (line[s + 1] | 0x20) == 0x77 && (line[s + 2] | 0x20) == 0x77
            && line[s + 3] == 0x2E
        {
            return true
        }
        return false
    }

    static func leadingToken(_ line: [UInt8]) -> LeadingToken? {
        var s = 0
        while s < line.count && isBlank(line[s]) { s += 1 }
        guard s < line.count else { return nil }
        var t = s
        while t < line.count && !isBlank(line[t]) { t += 1 }
        var w = s
        while w < t && isWordChar(line, at: w) { w += UTF8Class.sequenceLength(line[w]) }
        w = min(w, t)
        return LeadingToken(start: s, end: t, wordEnd: w, startsWithWord: w > s)
    }

    /// Whether the next line's first token continues a URL: URL-safe ASCII only, not a new
    /// URL, and shaped like a path or host part.
    static func endsWithBareScheme(_ line: [UInt8], _ ending: LineEnding) -> Bool {
        var k = ending.tokenStart
        while k < ending.markEnd && ((line[k] | 0x20) >= 0x61 && (line[k] | 0x20) <= 0x7A) { k += 1 }
        guard k > ending.tokenStart, k < ending.markEnd, line[k] == 0x3A else { return false }
        let rest = ending.markEnd - k
        return rest == 2 || (rest == 3 && line[k + 2] == 0x2F)
    }

    static func isURLContinuation(_ line: [UInt8], _ token: LeadingToken, allowNewURL: Bool = false) -> Bool {
        guard token.end > token.start else { return false }
        var hasPathMark = false
        for k in token.start..<token.end {
            let b = line[k]
            guard b > 0x20 && b < 0x7F, b != 0x22, b != 0x3C, b != 0x3E, b != 0x5C, b != 0x5E, b != 0x60,
                b != 0x7B, b != 0x7C, b != 0x7D
            else { return false }
            if (b == 0x2F || b == 0x2E || b == 0x5F || b == 0x3D || b == 0x25 || b == 0x2D || b == 0x40) && k > token.start
                && k + 1 < token.end
            {
                hasPathMark = true
            }
        }
        let tokenBytes = line[token.start..<token.end]
        if !allowNewURL && (tokenBytes.starts(with: Array("http".utf8)) || tokenBytes.starts(with: Array("www.".utf8))) {
            return false
        }
        if allowNewURL { return true }
        // A single lower-case word alone on its line also continues a URL ("…/guides-et-vade-⏎mecum").
        if !hasPathMark {
            let aloneOnLine = !line[token.end...].contains { !isBlank($0) }
            return aloneOnLine
        }
        return true
    }

    // MARK: Decisions

    func decideURLHyphen(
        _ line: [UInt8], _ ending: LineEnding, _ nextLine: [UInt8], _ next: LeadingToken,
        _ vocabulary: DocumentVocabulary
    ) -> Join {
        // Letters and digits just before the hyphen and at the start of the continuation.
        var a = ending.markStart
        while a > ending.tokenStart && isASCIIAlnum(line[a - 1]) { a -= 1 }
        var b = next.start
        while b < next.end && isASCIIAlnum(nextLine[b]) { b += 1 }
        guard a < ending.markStart && b > next.start else { return .keepMark }
        let joined = Array(line[a..<ending.markStart]) + Array(nextLine[next.start..<b])
        let hyphenated = Array(line[a..<ending.markEnd]) + Array(nextLine[next.start..<b])
        if vocabulary.contains(joined) && !vocabulary.contains(hyphenated) { return .dropMark }
        return .keepMark
    }

    @inline(__always)
    func isASCIIAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
    }

    func decideWordHyphen(
        _ line: [UInt8], _ ending: LineEnding, _ nextLine: [UInt8], _ next: LeadingToken,
        _ vocabulary: DocumentVocabulary
    ) -> Join {
        let hyphenAt = ending.markStart
        // X_full: word characters and inner hyphens before the break hyphen.
        var xStart = hyphenAt
        var lastPartStart = -1
        while xStart > 0 {
            let lead = Dehyphenator.leadIndex(line, before: xStart)
            if Dehyphenator.isWordChar(line, at: lead) {
                xStart = lead
            } else if line[lead] == 0x2D && lead > 0 && Dehyphenator.isWordChar(line, at: Dehyphenator.leadIndex(line, before: lead)) {
                if lastPartStart < 0 { lastPartStart = lead + 1 }
                xStart = lead
            } else {
                break
            }
        }
        if lastPartStart < 0 { lastPartStart = xStart }
        guard xStart < hyphenAt else { return .keepMark }
        let xFull = line[xStart..<hyphenAt]
        let xLast = line[lastPartStart..<hyphenAt]
        let y = nextLine[next.start..<next.wordEnd]
        let xLastLead = Dehyphenator.leadIndex(line, before: hyphenAt)

        // Digits: ranges and numbered compounds keep their hyphen.
        if UTF8Class.isDigit(line[xLastLead]) || UTF8Class.isDigit(y[y.startIndex]) { return .keepMark }

        let joined = Array(xFull) + Array(y)
        var hyphenated = Array(xFull)
        hyphenated.append(0x2D)
        hyphenated.append(contentsOf: y)

        let yFirst = y[y.startIndex]
        let ySecond = y.count > 1 ? y[y.startIndex + 1] : 0
        if UTF8Class.isUpper(yFirst, next: ySecond) {
            if Dehyphenator.isAllUpper(xLast) && Dehyphenator.isAllUpper(y) {
                if vocabulary.contains(hyphenated) && !vocabulary.contains(joined) { return .keepMark }
                return .dropMark
            }
            return .keepMark
        }

        let docH = vocabulary.contains(hyphenated)
        let docJ = vocabulary.contains(joined)
        if docH != docJ { return docH ? .keepMark : .dropMark }

        let lexH = lexicon.contains(hyphenated)
        let lexJ = lexicon.contains(joined)
        if lexH { return .keepMark }
        if lexJ { return .dropMark }

        // Unknown either way: a compound of two known words keeps its hyphen.
        let xKnown = xLast.count >= 2 && (lexicon.contains(Array(xLast)) || vocabulary.contains(Array(xLast)))
        let yKnown = y.count >= 2 && (lexicon.contains(Array(y)) || vocabulary.contains(Array(y)))
        if xKnown && yKnown { return .keepMark }
        // Prefixes in -o ("franco-", "sino-", "afro-") before a known word.
        if yKnown && xLast.count >= 3 && xLast.last == 0x6F && xFull.count == xLast.count { return .keepMark }
        return .dropMark
    }

    static func isAllUpper(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= 2 else { return false }
        var k = bytes.startIndex
        var letters = 0
        while k < bytes.endIndex {
            let b = bytes[k]
            let n = k + 1 < bytes.endIndex ? bytes[k + 1] : 0
            if UTF8Class.isLower(b, next: n) { return false }
            if UTF8Class.isUpper(b, next: n) { letters += 1 }
            k += UTF8Class.sequenceLength(b)
        }
        return letters >= 2
    }
}
