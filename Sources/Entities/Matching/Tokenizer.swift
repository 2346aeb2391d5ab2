/// Splits UTF-8 text into words in one pass over the bytes, folding each word (case,
/// accents, ligatures; apostrophes inside names dropped: "Sa’a" → "saa") and looking it
/// up in the vocabulary. Hyphens and dashes separate words ("Clermont-Ferrand" =
/// "Clermont Ferrand") but are remembered in `Token.Flags.hyphenBefore`. Reference names
/// are folded by the same code, so text and names always agree.
struct Tokenizer: Sendable {
    let vocabulary: Vocabulary

    /// Longest folded word kept; longer words are never names.
    static let maxWord = 96

    func tokenize(_ text: String) -> [Token] {
        var copy = text
        return copy.withUTF8 { tokenize($0) }
    }

    /// Receives the words of a scan (a generic sink, not a closure: no captured state in
    /// the hot loop).
    protocol WordSink {
        /// `hash` is `Vocabulary.hash(folded)`, computed while folding.
        mutating func word(start: Int, end: Int, flags: Token.Flags, folded: UnsafeBufferPointer<UInt8>, hash: UInt64)
    }

    private struct TokenSink: WordSink {
        let vocabulary: Vocabulary
        var tokens: [Token]
        mutating func word(start: Int, end: Int, flags: Token.Flags, folded: UnsafeBufferPointer<UInt8>, hash: UInt64) {
            tokens.append(Token(start: start, end: end, id: vocabulary.lookup(folded, hash: hash), flags: flags))
        }
    }

    private struct CollectSink: WordSink {
        var words: [[UInt8]] = []
        mutating func word(start: Int, end: Int, flags: Token.Flags, folded: UnsafeBufferPointer<UInt8>, hash: UInt64) {
            words.append(Array(folded))
        }
    }

    func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var sink = TokenSink(vocabulary: vocabulary, tokens: [])
        sink.tokens.reserveCapacity(bytes.count / 6 + 16)
        Self.scan(bytes, into: &sink)
        return sink.tokens
    }

    /// Folded words of a reference name, for building patterns.
    static func foldedWords(_ name: String) -> [[UInt8]] {
        var sink = CollectSink()
        var copy = name
        copy.withUTF8 { buf in scan(buf, into: &sink) }
        return sink.words
    }

    /// Calls `sink.word(…)` for every word of `bytes`.
    static func scan<Sink: WordSink>(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        let latinFlat = TokenFolding.latinFlatPointer
        let latinLength = TokenFolding.latinLengthPointer
        let upper = TokenFolding.latinUppercasePointer
        let prime = Vocabulary.fnvPrime
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: maxWord + 8)
        defer { buffer.deallocate() }
        var other: [UInt8] = []
        let n = bytes.count
        var i = 0
        var sentenceStart = true
        var hyphenPending = false
        var lastWasWord = false

        while i < n {
            let b = bytes[i]
            // Fast path for ASCII separators.
            if b < 0x80 && !((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)) {
                switch b {
                case 0x2D: hyphenPending = lastWasWord
                case 0x2E, 0x21, 0x3F, 0x3B: sentenceStart = true; hyphenPending = false
                default: hyphenPending = false
                }
                lastWasWord = false
                i += 1
                continue
            }
            let (v, len) = Self.decode(bytes, i)
            if !TokenFolding.isWordScalar(v) {
                switch v {
                case 0x2010, 0x2011, 0x2013: hyphenPending = lastWasWord
                case 0x2026, 0x25BA, 0x2022, 0x25AA: sentenceStart = true; hyphenPending = false
                default: hyphenPending = false
                }
                lastWasWord = false
                i += len
                continue
            }
            // A word.
            let start = i
            var count = 0
            var h = Vocabulary.fnvBasis
            var upperFirst = false
            var letters = 0
            var uppers = 0
            var digits = 0
            var first = true
            var elided = false
            var end = i
            while i < n {
                let c0 = bytes[i]
                if c0 < 0x80 {
                    if c0 >= 0x41 && c0 <= 0x5A {
                        if count < maxWord { let f = c0 &+ 0x20; buffer[count] = f; count += 1; h = (h ^ UInt64(f)) &* prime }
                        uppers += 1; letters += 1
                        if first { upperFirst = true }
                    } else if (c0 >= 0x61 && c0 <= 0x7A) {
                        if count < maxWord { buffer[count] = c0; count += 1; h = (h ^ UInt64(c0)) &* prime }
                        letters += 1
                    } else if c0 >= 0x30 && c0 <= 0x39 {
                        if count < maxWord { buffer[count] = c0; count += 1; h = (h ^ UInt64(c0)) &* prime }
                        digits += 1
                    } else if c0 == 0x27 {
                        let next = i + 1
                        guard next < n, TokenFolding.isWordScalar(Self.decode(bytes, next).0) else { break }
                        i = next
                        if Self.isElision(buffer, count) { elided = true; break }
                        continue
                    } else {
                        break
                    }
                    first = false
                    i += 1
                    end = i
                    continue
                }
                let (c, clen) = Self.decode(bytes, i)
                if c == 0x2019 || c == 0x2BC {
                    let next = i + clen
                    guard next < n, TokenFolding.isWordScalar(Self.decode(bytes, next).0) else { break }
                    i = next
                    if Self.isElision(buffer, count) { elided = true; break }
                    continue
                }
                guard TokenFolding.isWordScalar(c) else { break }
                letters += 1
                if c < 0x250 ? upper[Int(c)] != 0 : TokenFolding.isUppercase(c) {
                    uppers += 1
                    if first { upperFirst = true }
                }
                if c < 0x250 {
                    let base = Int(c) &* 4
                    let length = Int(latinLength[Int(c)])
                    var k = 0
                    while k < length && count < maxWord {
                        let f = latinFlat[base &+ k]
                        buffer[count] = f
                        count += 1
                        k += 1
                        h = (h ^ UInt64(f)) &* prime
                    }
                } else if let s = Unicode.Scalar(c) {
                    other.removeAll(keepingCapacity: true)
                    TokenFolding.foldOther(s, into: &other)
                    for f in other where count < maxWord {
                        buffer[count] = f
                        count += 1
                        h = (h ^ UInt64(f)) &* prime
                    }
                }
                first = false
                i += clen
                end = i
            }
            if elided { end = i }
            var flags: Token.Flags = []
            if upperFirst { flags.insert(.capitalized) }
            if letters >= 2 && uppers == letters { flags.insert(.allCaps) }
            if letters == 0 && digits > 0 { flags.insert(.numeric) }
            if hyphenPending { flags.insert(.hyphenBefore) }
            if sentenceStart { flags.insert(.sentenceStart) }
            if elided { flags.insert(.elided) }
            sink.word(start: start, end: end, flags: flags, folded: UnsafeBufferPointer(start: buffer, count: count), hash: h)
            sentenceStart = false
            hyphenPending = false
            lastWasWord = !elided

        }
    }

    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> (UInt32, Int) {
        let n = bytes.count
        let b0 = UInt32(bytes[at])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0, at + 1 < n { return (((b0 & 0x1F) << 6) | (UInt32(bytes[at + 1]) & 0x3F), 2) }
        if b0 < 0xF0, at + 2 < n {
            return (((b0 & 0x0F) << 12) | ((UInt32(bytes[at + 1]) & 0x3F) << 6) | (UInt32(bytes[at + 2]) & 0x3F), 3)
        }
        if at + 3 < n {
            return (((b0 & 0x07) << 18) | ((UInt32(bytes[at + 1]) & 0x3F) << 12)
                | ((UInt32(bytes[at + 2]) & 0x3F) << 6) | (UInt32(bytes[at + 3]) & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu".
    @inline(__always)
    private static func isElision(_ w: UnsafeMutablePointer<UInt8>, _ count: Int) -> Bool {
        if count == 1 {
            switch w[0] {
            case UInt8(ascii: "l"), UInt8(ascii: "d"), UInt8(ascii: "j"), UInt8(ascii: "m"), UInt8(ascii: "n"),
                UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "c"):
                return true
            default: return false
            }
        }
        guard count >= 2, w[count - 2] == UInt8(ascii: "q"), w[count - 1] == UInt8(ascii: "u") else { return false }
        let word = Array(UnsafeBufferPointer(start: w, count: count))
        return count == 2 || elisionsQu.contains(word)
    }

    private static let elisionsQu: Set<[UInt8]> = Set(
        ["jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"].map { Array($0.utf8) })
}
