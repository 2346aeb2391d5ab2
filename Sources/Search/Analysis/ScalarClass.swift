/// How the tokenizer sees one Unicode scalar.
enum ScalarClass: UInt8 {
    /// Ends a token (spaces, punctuation, symbols, control characters, invalid bytes).
    case separator = 0
    /// A letter of any script, or a combining mark (part of a word).
    case letter = 1
    /// An ASCII digit.
    case digit = 2
    /// `'`, `’` (U+2019) or `ʼ` (U+02BC): joins two word characters (elision, "aujourd'hui").
    case apostrophe = 3
    /// `-`, `‐` (U+2010) or `‑` (U+2011): joins two word characters (compound).
    case hyphen = 4
    /// `.` or `,`: joins two digits (decimal numbers, "7,5", "1.000").
    case decimalMark = 5
    /// Horizontal white space the legal-number and percentage rules may skip: space,
    /// no-break space (U+00A0), narrow no-break space (U+202F), thin space (U+2009).
    case space = 6

    /// The class of an ASCII byte (0x00–0x7F).
    @inline(__always)
    static func ascii(_ b: UInt8) -> ScalarClass {
        switch b {
        case 0x30...0x39: return .digit
        case 0x41...0x5A, 0x61...0x7A: return .letter
        case 0x27: return .apostrophe
        case 0x2D: return .hyphen
        case 0x2C, 0x2E: return .decimalMark
        case 0x20: return .space
        default: return .separator
        }
    }

    /// The class of a non-ASCII scalar.
    static func nonASCII(_ cp: UInt32) -> ScalarClass {
        switch cp {
        case 0xA0, 0x2009, 0x202F: return .space
        case 0x2019, 0x02BC: return .apostrophe
        case 0x2010, 0x2011: return .hyphen
        case 0xB5: return .letter  // µ
        case 0xD7, 0xF7: return .separator  // × ÷
        case 0xC0...0x02AF: return .letter  // Latin-1 letters, Latin Extended-A/B, IPA
        case 0x0300...0x036F: return .letter  // combining marks stay inside their word
        case 0x0370...0x1FFF:
            // Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic…, Latin Extended Additional,
            // Greek Extended. Their punctuation is rare enough in French text to ignore,
            // except the Greek question mark and Arabic comma which are separators.
            return cp == 0x037E || cp == 0x0387 || cp == 0x060C || cp == 0x061B || cp == 0x061F
                ? .separator : .letter
        case 0x2C00...0x2DFF: return .letter  // Glagolitic, Latin Extended-C, Coptic…
        case 0x3040...0xD7FF: return .letter  // kana, CJK, Hangul
        case 0xF900...0xFAFF: return .letter  // CJK compatibility ideographs
        case 0xFB00...0xFDFF: return .letter  // ligatures (ﬁ), Hebrew/Arabic presentation forms
        case 0xFE70...0xFEFE: return .letter
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return .letter  // full width
        case 0x20000...0x3FFFF: return .letter  // CJK extensions
        default: return .separator
        }
    }
}

/// Decodes one UTF-8 scalar at `i`. Returns the scalar and its length in bytes, or length 1
/// and an invalid marker (0xFFFF_FFFF) for a malformed or truncated sequence, so a caller
/// always makes progress.
@inline(__always)
func decodeUTF8(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (scalar: UInt32, length: Int) {
    let b0 = UInt32(p[i])
    if b0 < 0x80 { return (b0, 1) }
    if b0 >= 0xC2 && b0 <= 0xDF {
        guard i + 1 < n else { return (0xFFFF_FFFF, 1) }
        let b1 = UInt32(p[i + 1])
        guard b1 & 0xC0 == 0x80 else { return (0xFFFF_FFFF, 1) }
        return ((b0 & 0x1F) << 6 | (b1 & 0x3F), 2)
    }
    if b0 >= 0xE0 && b0 <= 0xEF {
        guard i + 2 < n else { return (0xFFFF_FFFF, 1) }
        let b1 = UInt32(p[i + 1]), b2 = UInt32(p[i + 2])
        guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return (0xFFFF_FFFF, 1) }
        let cp = (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)
        guard cp >= 0x800, !(0xD800...0xDFFF).contains(cp) else { return (0xFFFF_FFFF, 1) }
        return (cp, 3)
    }
    if b0 >= 0xF0 && b0 <= 0xF4 {
        guard i + 3 < n else { return (0xFFFF_FFFF, 1) }
        let b1 = UInt32(p[i + 1]), b2 = UInt32(p[i + 2]), b3 = UInt32(p[i + 3])
        guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 else {
            return (0xFFFF_FFFF, 1)
        }
        let cp = (b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F)
        guard cp >= 0x10000, cp <= 0x10FFFF else { return (0xFFFF_FFFF, 1) }
        return (cp, 4)
    }
    return (0xFFFF_FFFF, 1)
}

/// The class of the scalar at `i` and its length in bytes.
@inline(__always)
func classify(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (ScalarClass, Int) {
    let b = p[i]
    if b < 0x80 { return (ScalarClass.ascii(b), 1) }
    let (cp, len) = decodeUTF8(p, i, n)
    if cp == 0xFFFF_FFFF { return (.separator, len) }
    return (ScalarClass.nonASCII(cp), len)
}
