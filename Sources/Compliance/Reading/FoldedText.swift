/// A search-friendly copy of a document's text: lower-case, accents removed, typographic
/// apostrophes and dashes unified, every run of white space (line breaks included) folded
/// to one space. Each folded byte remembers the UTF-8 byte of the original text it came
/// from, so a match in the folded text maps back to an exact span of `Document.text`.
///
/// Built in one pass over the UTF-8 bytes (no `Character` iteration).
struct FoldedText: Sendable {
    /// Folded bytes (ASCII for Latin text; other scalars are kept as their UTF-8 bytes).
    let bytes: [UInt8]
    /// origin[i] = byte offset in the original text of folded byte i; origin[count] = text length.
    let origin: [Int]
    let originalLength: Int

    init(_ text: String) {
        var out: [UInt8] = []
        var map: [Int] = []
        out.reserveCapacity(text.utf8.count)
        map.reserveCapacity(text.utf8.count + 1)
        let src = Array(text.utf8)
        var i = 0
        var lastWasSpace = true
        func emit(_ b: UInt8, _ at: Int) {
            if b == 0x20 {
                if lastWasSpace { return }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            out.append(b)
            map.append(at)
        }
        while i < src.count {
            let b = src[i]
            if b < 0x80 {
                switch b {
                case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20: emit(0x20, i)
                case 0x41...0x5A: emit(b | 0x20, i)
                default: emit(b, i)
                }
                i += 1
                continue
            }
            // Decode one scalar.
            var scalar: UInt32 = 0
            var length = 1
            if b & 0xE0 == 0xC0, i + 1 < src.count {
                scalar = UInt32(b & 0x1F) << 6 | UInt32(src[i + 1] & 0x3F); length = 2
            } else if b & 0xF0 == 0xE0, i + 2 < src.count {
                scalar = UInt32(b & 0x0F) << 12 | UInt32(src[i + 1] & 0x3F) << 6 | UInt32(src[i + 2] & 0x3F); length = 3
            } else if b & 0xF8 == 0xF0, i + 3 < src.count {
                scalar = UInt32(b & 0x07) << 18 | UInt32(src[i + 1] & 0x3F) << 12 | UInt32(src[i + 2] & 0x3F) << 6 | UInt32(src[i + 3] & 0x3F); length = 4
            }
            if let folded = FoldedText.fold(scalar) {
                for f in folded { emit(f, i) }
            } else {
                for k in 0..<length where i + k < src.count { emit(src[i + k], i) }
            }
            i += length
        }
        map.append(src.count)
        bytes = out
        origin = map
        originalLength = src.count
    }

    /// ASCII replacement of common Latin letters and punctuation, nil to keep the scalar.
    static func fold(_ s: UInt32) -> [UInt8]? {
        switch s {
        case 0xA0, 0x2007, 0x2009, 0x200A, 0x202F, 0x2002, 0x2003: return [0x20]
        case 0x2018, 0x2019, 0x02BC, 0x2032, 0x00B4: return [UInt8(ascii: "'")]
        case 0x201C, 0x201D, 0x00AB, 0x00BB: return [UInt8(ascii: "\"")]
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212: return [UInt8(ascii: "-")]
        case 0x20AC: return Array("€".utf8)
        case 0xC0...0xC5, 0xE0...0xE5: return [UInt8(ascii: "a")]
        case 0xC7, 0xE7: return [UInt8(ascii: "c")]
        case 0xC8...0xCB, 0xE8...0xEB: return [UInt8(ascii: "e")]
        case 0xCC...0xCF, 0xEC...0xEF: return [UInt8(ascii: "i")]
        case 0xD1, 0xF1: return [UInt8(ascii: "n")]
        case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8: return [UInt8(ascii: "o")]
        case 0xD9...0xDC, 0xF9...0xFC: return [UInt8(ascii: "u")]
        case 0xDD, 0xFD, 0xFF, 0x178: return [UInt8(ascii: "y")]
        case 0x152, 0x153: return [UInt8(ascii: "o"), UInt8(ascii: "e")]
        case 0xC6, 0xE6: return [UInt8(ascii: "a"), UInt8(ascii: "e")]
        case 0xB0, 0xBA: return [UInt8(ascii: "o")]  // n° → no
        case 0x2026: return [0x2E, 0x2E, 0x2E]
        // Latin Extended-A and the Romanian comma-below letters, so that "Hodoşa", "Łódź"
        // or "Timișoara" match the same names written without their diacritics.
        case 0x100...0x17F: return latinExtendedA(s)
        case 0x218, 0x219: return [UInt8(ascii: "s")]
        case 0x21A, 0x21B: return [UInt8(ascii: "t")]
        default: return nil
        }
    }

    /// Base letters of U+0100…U+017F, by runs of the block.
    private static func latinExtendedA(_ s: UInt32) -> [UInt8]? {
        let runs: [(UInt32, String)] = [
            (0x105, "a"), (0x10D, "c"), (0x111, "d"), (0x11B, "e"), (0x123, "g"), (0x127, "h"), (0x131, "i"),
            (0x133, "ij"), (0x135, "j"), (0x138, "k"), (0x142, "l"), (0x14B, "n"), (0x151, "o"), (0x153, "oe"),
            (0x159, "r"), (0x161, "s"), (0x167, "t"), (0x173, "u"), (0x175, "w"), (0x178, "y"), (0x17E, "z"), (0x17F, "s"),
        ]
        for (last, letters) in runs where s <= last { return Array(letters.utf8) }
        return nil
    }

    var count: Int { bytes.count }

    /// Original byte offset of the folded position `i` (start of a span).
    func originalStart(_ i: Int) -> Int { origin[max(0, min(i, origin.count - 1))] }

    /// Original byte offset just after the folded byte `i - 1` (end of a span, exclusive).
    func originalEnd(_ i: Int) -> Int {
        if i <= 0 { return 0 }
        if i >= bytes.count { return originalLength }
        // The end is where the next folded byte starts, minus the white space folded away.
        return origin[i]
    }

    /// Folded index of the first folded byte whose origin is at or after `byte`.
    func foldedIndex(ofOriginal byte: Int) -> Int {
        var lo = 0
        var hi = origin.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if origin[mid] < byte { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b >= 0x80
    }

    /// Folded positions of `pattern` (already folded, lower-case ASCII) in `range`. When
    /// `wholeWord` is set, the match must not be glued to letters on either side.
    func find(_ pattern: [UInt8], in range: Range<Int>? = nil, wholeWord: Bool = true) -> [Int] {
        let r = range ?? 0..<bytes.count
        guard !pattern.isEmpty, r.count >= pattern.count else { return [] }
        var hits: [Int] = []
        let first = pattern[0]
        var i = r.lowerBound
        let last = r.upperBound - pattern.count
        while i <= last {
            if bytes[i] == first {
                var k = 1
                while k < pattern.count, bytes[i + k] == pattern[k] { k += 1 }
                if k == pattern.count {
                    let beforeOK = !wholeWord || i == 0 || !FoldedText.isWordByte(bytes[i - 1]) || !FoldedText.isWordByte(first)
                    let after = i + pattern.count
                    let afterOK = !wholeWord || after >= bytes.count || !FoldedText.isWordByte(bytes[after])
                        || !FoldedText.isWordByte(pattern[pattern.count - 1])
                    if beforeOK && afterOK { hits.append(i) }
                }
            }
            i += 1
        }
        return hits
    }

    /// First match of `pattern`; a trailing `*` makes it a word prefix ("transmi*"
    /// matches "transmission", "transmise").
    func first(_ pattern: String, in range: Range<Int>? = nil, wholeWord: Bool = true) -> Int? {
        if pattern.hasSuffix("*") {
            let stem = Array(pattern.utf8.dropLast())
            return find(stem, in: range, wholeWord: false).first { at in
                !wholeWord || at == 0 || !FoldedText.isWordByte(bytes[at - 1])
            }
        }
        return find(Array(pattern.utf8), in: range, wholeWord: wholeWord).first
    }

    /// The first match of any of `patterns` (earliest position), with the pattern's length.
    func firstOf(_ patterns: [String], in range: Range<Int>? = nil) -> (at: Int, length: Int)? {
        var best: (Int, Int)?
        for p in patterns {
            if let at = first(p, in: range), best == nil || at < best!.0 { best = (at, p.utf8.count - (p.hasSuffix("*") ? 1 : 0)) }
        }
        return best.map { (at: $0.0, length: $0.1) }
    }

    func contains(_ pattern: String, in range: Range<Int>? = nil) -> Bool { first(pattern, in: range) != nil }

    func containsAny(_ patterns: [String], in range: Range<Int>? = nil) -> Bool {
        patterns.contains { contains($0, in: range) }
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[max(0, range.lowerBound)..<min(bytes.count, range.upperBound)], as: UTF8.self)
    }
}
