/// Hashing and case folding of UTF-8 words, shared by the lexicon and the document
/// vocabulary. Words are compared by a 64-bit hash of their (optionally lower-cased)
/// bytes: with a few hundred thousand words the chance of a false match is ~10⁻¹⁴.
enum WordHash {
    /// FNV-1a over the bytes, finished with a murmur mix; never 0 (0 marks an empty slot).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, lowercased: Bool) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = 0
        let n = bytes.count
        while i < n {
            var b = bytes[i]
            if lowercased {
                if b >= 0x41 && b <= 0x5A {
                    b |= 0x20
                } else if b == 0xC3 && i + 1 < n {
                    // À..Þ (except ×) → à..þ
                    let c = bytes[i + 1]
                    h = (h ^ UInt64(b)) &* 0x100_0000_01b3
                    i += 1
                    b = (c >= 0x80 && c <= 0x9E && c != 0x97) ? c &+ 0x20 : c
                } else if b == 0xC5 && i + 1 < n {
                    let c = bytes[i + 1]
                    if c == 0x92 || c == 0xB8 {
                        // Œ → œ (C5 93); Ÿ → ÿ (C3 BF)
                        if c == 0x92 {
                            h = (h ^ 0xC5) &* 0x100_0000_01b3
                            b = 0x93
                        } else {
                            h = (h ^ 0xC3) &* 0x100_0000_01b3
                            b = 0xBF
                        }
                        i += 1
                    }
                }
            }
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
            i += 1
        }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h == 0 ? 1 : h
    }

    static func hash(_ bytes: [UInt8], lowercased: Bool) -> UInt64 {
        bytes.withUnsafeBufferPointer { hash($0, lowercased: lowercased) }
    }

    static func hash(_ bytes: ArraySlice<UInt8>, lowercased: Bool) -> UInt64 {
        bytes.withUnsafeBufferPointer { hash($0, lowercased: lowercased) }
    }
}

/// An open-addressing set of word hashes (`WordHash`, never 0): one flat array, linear
/// probing, grown at half full.
struct WordHashSet {
    private var slots: [UInt64]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// Inserts a hash; returns false when it was already there.
    @discardableResult
    mutating func insert(_ h: UInt64) -> Bool {
        if 2 * (count + 1) > slots.count { grow() }
        let inserted = slots.withUnsafeMutableBufferPointer { table in
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let s = table[i]
                if s == 0 {
                    table[i] = h
                    return true
                }
                if s == h { return false }
                i = (i + 1) & mask
            }
        }
        if inserted { count += 1 }
        return inserted
    }

    @inline(__always)
    func contains(_ h: UInt64) -> Bool {
        slots.withUnsafeBufferPointer { table in
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let s = table[i]
                if s == h { return true }
                if s == 0 { return false }
                i = (i + 1) & mask
            }
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for h in old where h != 0 { insert(h) }
    }
}

/// Byte-level character classes for French text in UTF-8.
enum UTF8Class {
    /// Whether the scalar starting at `lead` (a lead or ASCII byte) is part of a word:
    /// ASCII letters and digits, and non-ASCII letters. General punctuation (U+2000–U+2BFF,
    /// lead E2), Latin-1 symbols (U+0080–U+00BF, lead C2) and the BOM are not.
    @inline(__always)
    static func isWordLead(_ lead: UInt8, next: UInt8) -> Bool {
        if lead < 0x80 {
            return (lead >= 0x30 && lead <= 0x39) || ((lead | 0x20) >= 0x61 && (lead | 0x20) <= 0x7A)
        }
        if lead == 0xC2 { return next == 0xAA || next == 0xB5 || next == 0xBA }
        if lead == 0xC3 { return next != 0x97 && next != 0xB7 }
        if lead == 0xE2 || lead == 0xE3 { return false }
        if lead == 0xEF { return next != 0xBB && next != 0xBC && next != 0xBD && next != 0xBF }
        return lead >= 0xC4
    }

    /// Length of the UTF-8 sequence introduced by `lead` (1 for ASCII or a stray byte).
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        if lead < 0xC0 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    @inline(__always)
    static func isUpper(_ lead: UInt8, next: UInt8) -> Bool {
        if lead >= 0x41 && lead <= 0x5A { return true }
        if lead == 0xC3 { return next >= 0x80 && next <= 0x9E && next != 0x97 }
        if lead == 0xC5 { return next == 0x92 || next == 0xB8 }
        return false
    }

    @inline(__always)
    static func isLower(_ lead: UInt8, next: UInt8) -> Bool {
        if lead >= 0x61 && lead <= 0x7A { return true }
        if lead == 0xC3 { return next >= 0x9F && next != 0xB7 }
        if lead == 0xC5 { return next == 0x93 }
        return false
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
