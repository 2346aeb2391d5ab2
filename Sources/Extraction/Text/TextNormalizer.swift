import Foundation

/// Cleans extracted text: Unicode NFC, soft hyphens removed, ligatures (ﬁ, ﬂ…) expanded,
/// non-breaking and other exotic spaces turned into plain spaces, control characters
/// dropped (line feeds and tabs kept; a carriage return is dropped, so CRLF becomes LF).
///
/// Works on UTF-8 bytes: text already normalized (clean ASCII, ordinary French) is returned
/// untouched after one scan, and the costly canonical composition runs only when the text
/// holds a character it could change (a combining mark, or a script outside Latin and
/// common punctuation).
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes in
            if isNormalized(bytes) { return text }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            let needsComposition = normalize(bytes, into: &out)
            let result = String(decoding: out, as: UTF8.self)
            return needsComposition ? result.precomposedStringWithCanonicalMapping : result
        }
    }

    /// Normalizes UTF-8 bytes (assumed valid) into `out`, except for canonical composition.
    /// Returns whether canonical composition (NFC) may still change the result.
    public static func normalize(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        var needsComposition = false
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b >= 0x20 && b != 0x7F || b == 0x0A || b == 0x09 { out.append(b) }
                i += 1
                continue
            }
            let length = UTF8Class.sequenceLength(b)
            guard i + length <= n else { break }
            let c1 = length > 1 ? bytes[i + 1] : 0
            switch b {
            case 0xC2:
                if c1 == 0xA0 {
                    out.append(0x20)  // no-break space
                } else if c1 == 0xAD || c1 < 0xA0 {
                    // soft hyphen, C1 controls: dropped
                } else {
                    out.append(b)
                    out.append(c1)
                }
            case 0xC3...0xCB:
                out.append(b)
                out.append(c1)
            case 0xCC, 0xCD:
                // U+0300–U+037F: combining diacritics (and a few Greek singletons).
                needsComposition = true
                out.append(b)
                out.append(c1)
            case 0xE1:
                let c2 = bytes[i + 2]
                if c1 == 0x9A && c2 == 0x80 {
                    out.append(0x20)  // ogham space mark
                } else {
                    // U+1E00–U+1EFF (Latin Extended Additional) is precomposed; the rest
                    // (Hangul jamo, combining supplements, Greek Extended) may compose.
                    if c1 < 0xB8 || c1 > 0xBB { needsComposition = true }
                    out.append(b)
                    out.append(c1)
                    out.append(c2)
                }
            case 0xE2:
                let c2 = bytes[i + 2]
                let scalar = 0x2000 | (UInt32(c1 & 0x3F) << 6) | UInt32(c2 & 0x3F)
                switch scalar {
                case 0x2000...0x200A, 0x202F, 0x205F:
                    out.append(0x20)  // en quad … hair space, narrow no-break, math space
                case 0x200B...0x200D, 0x2060, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                    break  // zero-width characters and bidirectional controls
                case 0x2028, 0x2029:
                    out.append(0x0A)  // line and paragraph separators
                default:
                    if (0x20D0...0x20FF).contains(scalar) || scalar == 0x2126 || scalar == 0x212A || scalar == 0x212B
                        || (0x2329...0x232A).contains(scalar)
                    {
                        needsComposition = true
                    }
                    out.append(b)
                    out.append(c1)
                    out.append(c2)
                }
            case 0xE3:
                let c2 = bytes[i + 2]
                if c1 == 0x80 && c2 == 0x80 {
                    out.append(0x20)  // ideographic space
                } else {
                    needsComposition = true
                    out.append(b)
                    out.append(c1)
                    out.append(c2)
                }
            case 0xEF:
                let c2 = bytes[i + 2]
                if c1 == 0xAC && c2 >= 0x80 && c2 <= 0x86 {
                    out.append(contentsOf: ligatures[Int(c2 - 0x80)])
                } else if c1 == 0xBB && c2 == 0xBF {
                    break  // byte order mark / zero-width no-break space
                } else if c1 == 0xBF && c2 >= 0xB9 && c2 <= 0xBB {
                    break  // interlinear annotation controls
                } else {
                    // Private use and half-width forms compose with nothing; the rest may.
                    if c1 < 0xA4 || (c1 >= 0xA4 && c1 <= 0xAB) || c1 == 0xAC || c1 == 0xB8 { needsComposition = true }
                    out.append(b)
                    out.append(c1)
                    out.append(c2)
                }
            default:
                needsComposition = true
                for k in 0..<length { out.append(bytes[i + k]) }
            }
            i += length
        }
        return needsComposition
    }

    private static let ligatures: [[UInt8]] = [
        Array("ff".utf8), Array("fi".utf8), Array("fl".utf8), Array("ffi".utf8), Array("ffl".utf8),
        Array("st".utf8), Array("st".utf8),
    ]

    /// ASCII without control characters other than LF and TAB: nothing to do.
    /// Whether `normalize(_:into:)` would copy `bytes` unchanged and ask for no composition:
    /// French text (accented Latin letters, typographic quotes and dashes, « », °, €) is
    /// returned as it is, without being copied or decoded again. Mirrors the cases of
    /// `normalize(_:into:)`; a test checks the two agree.
    static func isNormalized(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return true }
        var i = 0
        while i < n {
            // Eight printable ASCII bytes at a time (no byte ≥ 0x80, below 0x20 or 0x7F).
            if n &- i >= 8 {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let ones: UInt64 = 0x0101_0101_0101_0101
                let del = w ^ (0x7F &* ones)
                let special = (w & high) | ((w &- 0x20 &* ones) & ~w & high) | ((del &- ones) & ~del & high)
                if special == 0 {
                    i &+= 8
                    continue
                }
            }
            let b = bytes[i]
            if b < 0x80 {
                if b < 0x20 && b != 0x0A && b != 0x09 || b == 0x7F { return false }
                i += 1
                continue
            }
            let length = UTF8Class.sequenceLength(b)
            guard length > 1, i + length <= n else { return false }
            let c1 = bytes[i + 1]
            switch b {
            case 0xC2:
                if c1 == 0xA0 || c1 == 0xAD || c1 < 0xA0 { return false }
            case 0xC3...0xCB:
                break
            case 0xE1:
                if c1 < 0xB8 || c1 > 0xBB { return false }
            case 0xE2:
                let scalar = 0x2000 | (UInt32(c1 & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                switch scalar {
                case 0x2000...0x200F, 0x2028, 0x2029, 0x202A...0x202F, 0x205F, 0x2060, 0x2066...0x2069,
                    0x20D0...0x20FF, 0x2126, 0x212A, 0x212B, 0x2329...0x232A:
                    return false
                default:
                    break
                }
            case 0xEF:
                let c2 = bytes[i + 2]
                if c1 < 0xAC || c1 == 0xAC || c1 == 0xB8 { return false }
                if c1 == 0xBB && c2 == 0xBF { return false }
                if c1 == 0xBF && c2 >= 0xB9 && c2 <= 0xBB { return false }
            default:
                return false
            }
            i += length
        }
        return true
    }

    /// Normalizes UTF-8 bytes into a String (NFC included).
    public static func normalizedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if isNormalized(bytes) { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let needsComposition = normalize(bytes, into: &out)
        let result = String(decoding: out, as: UTF8.self)
        return needsComposition ? result.precomposedStringWithCanonicalMapping : result
    }
}
