/// Byte-level helpers over UTF-8 French text, shared by the date and law scanners.
///
/// Everything works on `UnsafeBufferPointer<UInt8>` and folds on the fly (ASCII case and the
/// Latin-1 accents French uses), so the hot loops never build `Character`s or `String`s.
enum FrenchBytes {
    typealias Buffer = UnsafeBufferPointer<UInt8>

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool {
        (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
    }
    @inline(__always) static func isUpperASCII(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    /// Letters, digits and any non-ASCII byte (accented letters) count as word bytes.
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        isDigit(b) || isASCIILetter(b) || b >= 0x80
    }

    /// True when the character ending just before `i` is a letter or digit (so `i` is not a
    /// word start). Symbols such as "►" or "«" are boundaries.
    @inline(__always) static func wordCharBefore(_ t: Buffer, _ i: Int) -> Bool {
        guard i > 0 else { return false }
        let b = t[i - 1]
        if b < 0x80 { return isDigit(b) || isASCIILetter(b) }
        return b & 0xC0 == 0x80 && i >= 2 && (t[i - 2] == 0xC3 || t[i - 2] == 0xC5)
    }

    /// Folds the character starting at `i` to one lower-case ASCII byte (accents dropped):
    /// returns the folded byte and the character's length. Non-letters fold to themselves
    /// (multi-byte symbols to 0x80 with their full length).
    @inline(__always) static func fold(_ t: Buffer, _ i: Int) -> (UInt8, Int) {
        let b = t[i]
        if b < 0x80 { return (isUpperASCII(b) ? b | 0x20 : b, 1) }
        if b == 0xC3, i + 1 < t.count {
            let c = t[i + 1] | 0x20  // À..Þ → à..þ
            switch c {
            case 0xA0...0xA5: return (0x61, 2)  // a
            case 0xA7: return (0x63, 2)  // ç
            case 0xA8...0xAB: return (0x65, 2)  // e
            case 0xAC...0xAF: return (0x69, 2)  // i
            case 0xB1: return (0x6E, 2)  // ñ
            case 0xB2...0xB6: return (0x6F, 2)  // o
            case 0xB9...0xBC: return (0x75, 2)  // u
            default: return (0x80, 2)
            }
        }
        if b == 0xC5, i + 1 < t.count, t[i + 1] == 0x93 || t[i + 1] == 0x92 { return (0x6F, 2) }  // œ → o (œ is rare in keys)
        return (0x80, utf8Length(b))
    }

    @inline(__always) static func utf8Length(_ b: UInt8) -> Int {
        b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
    }

    /// True for a letter character at `i` (ASCII or accented Latin).
    @inline(__always) static func isLetter(_ t: Buffer, _ i: Int) -> Bool {
        guard i < t.count else { return false }
        let b = t[i]
        if b < 0x80 { return isASCIILetter(b) }
        return b == 0xC3 || b == 0xC5
    }

    /// Whitespace character at `i` (ASCII space, tab, newlines, NBSP, narrow NBSP, thin space): its length, or 0.
    @inline(__always) static func spaceLength(_ t: Buffer, _ i: Int) -> Int {
        guard i < t.count else { return 0 }
        let b = t[i]
        if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { return 1 }
        if b == 0xC2, i + 1 < t.count, t[i + 1] == 0xA0 { return 2 }
        if b == 0xE2, i + 2 < t.count, t[i + 1] == 0x80, t[i + 2] == 0xAF || t[i + 2] == 0x89 || t[i + 2] == 0x8A { return 3 }
        return 0
    }

    /// Index after any run of whitespace starting at `i`.
    @inline(__always) static func skipSpaces(_ t: Buffer, _ i: Int) -> Int {
        var j = i
        while true {
            let n = spaceLength(t, j)
            if n == 0 { return j }
            j += n
        }
    }

    /// Start of the whitespace run that ends at `end` (exclusive), i.e. skips spaces backwards.
    static func skipSpacesBackward(_ t: Buffer, _ end: Int) -> Int {
        var j = end
        while j > 0 {
            let b = t[j - 1]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { j -= 1; continue }
            if j >= 2, t[j - 2] == 0xC2, b == 0xA0 { j -= 2; continue }
            if j >= 3, t[j - 3] == 0xE2, t[j - 2] == 0x80, b == 0xAF || b == 0x89 || b == 0x8A { j -= 3; continue }
            break
        }
        return j
    }

    /// A dash at `i` (hyphen, en dash, em dash, minus): its length, or 0.
    @inline(__always) static func dashLength(_ t: Buffer, _ i: Int) -> Int {
        guard i < t.count else { return 0 }
        if t[i] == 0x2D { return 1 }
        if t[i] == 0xE2, i + 2 < t.count, t[i + 1] == 0x80, (0x90...0x95).contains(t[i + 2]) { return 3 }
        if t[i] == 0xE2, i + 2 < t.count, t[i + 1] == 0x88, t[i + 2] == 0x92 { return 3 }
        return 0
    }

    /// An apostrophe at `i` (' or ’): its length, or 0.
    @inline(__always) static func apostropheLength(_ t: Buffer, _ i: Int) -> Int {
        guard i < t.count else { return 0 }
        if t[i] == 0x27 { return 1 }
        if t[i] == 0xE2, i + 2 < t.count, t[i + 1] == 0x80, t[i + 2] == 0x99 { return 3 }
        return 0
    }

    /// Matches `pattern` (lower-case ASCII, no accents) at `i`, folding case and accents;
    /// a space in the pattern matches one or more whitespace characters, an apostrophe
    /// matches ' or ’, a hyphen matches any dash. Requires a word boundary after a final
    /// letter. Returns the end index.
    static func match(_ t: Buffer, _ i: Int, _ pattern: StaticString) -> Int? {
        let p = UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount)
        var j = i
        var k = 0
        while k < p.count {
            let pc = p[k]
            if pc == 0x20 {
                let n = spaceLength(t, j)
                if n == 0 { return nil }
                j = skipSpaces(t, j)
                k += 1
                continue
            }
            guard j < t.count else { return nil }
            if pc == 0x27 {
                let n = apostropheLength(t, j)
                if n == 0 { return nil }
                j += n; k += 1
                continue
            }
            if pc == 0x2D {
                let n = dashLength(t, j)
                if n == 0 { return nil }
                j += n; k += 1
                continue
            }
            let (c, len) = fold(t, j)
            if c != pc { return nil }
            j += len
            k += 1
        }
        if let last = p.last, isASCIILetter(last) || isDigit(last), j < t.count, isLetter(t, j) || isDigit(t[j]) {
            return nil
        }
        return j
    }

    /// The word (letters only, accents folded, lower-case ASCII) starting at `i`, and its end.
    /// At most `limit` letters are kept in the key.
    static func word(_ t: Buffer, _ i: Int, limit: Int = 24) -> (key: [UInt8], end: Int)? {
        guard isLetter(t, i) else { return nil }
        var key: [UInt8] = []
        key.reserveCapacity(12)
        var j = i
        while j < t.count, isLetter(t, j) {
            let (c, len) = fold(t, j)
            if key.count < limit { key.append(c) }
            j += len
        }
        return (key, j)
    }

    /// Start of the word that ends at `end` (exclusive), letters only; nil when the byte
    /// before `end` is not a letter.
    static func wordStart(_ t: Buffer, endingAt end: Int) -> Int? {
        var j = end
        while j > 0 {
            let b = t[j - 1]
            if b < 0x80 {
                if isASCIILetter(b) { j -= 1; continue }
                break
            }
            // Continuation byte: step back to the lead byte of a 2-byte letter.
            if b & 0xC0 == 0x80, j >= 2, t[j - 2] == 0xC3 || t[j - 2] == 0xC5 { j -= 2; continue }
            break
        }
        return j == end ? nil : j
    }

    /// The word that ends just before `end` after skipping whitespace backwards.
    static func previousWord(_ t: Buffer, before end: Int) -> (key: [UInt8], start: Int)? {
        let e = skipSpacesBackward(t, end)
        guard let s = wordStart(t, endingAt: e), let w = word(t, s) else { return nil }
        return (w.key, s)
    }

    /// Reads an unsigned decimal run at `i`: value, digit count and end.
    @inline(__always) static func number(_ t: Buffer, _ i: Int) -> (value: Int, digits: Int, end: Int)? {
        var j = i
        var v = 0
        while j < t.count, isDigit(t[j]), j - i < 9 {
            v = v * 10 + Int(t[j] - 0x30)
            j += 1
        }
        if j == i || (j < t.count && isDigit(t[j])) { return nil }
        return (v, j - i, j)
    }

    static func key(_ s: StaticString) -> [UInt8] {
        Array(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Folded key of an arbitrary string (lower-case ASCII letters/digits, accents dropped,
    /// every other run of characters replaced by one space, trimmed).
    static func foldedKey(_ s: String) -> String {
        var out: [UInt8] = []
        var copy = s
        copy.withUTF8 { t in
            var i = 0
            var pendingSpace = false
            while i < t.count {
                let (c, len) = fold(t, i)
                if isASCIILetter(c) || isDigit(c) {
                    if pendingSpace && !out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    out.append(c)
                } else {
                    pendingSpace = true
                }
                i += len
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
