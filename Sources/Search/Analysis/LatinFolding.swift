/// Lower case and accent folding of one scalar, for matching: "É" → "e", "œ" → "oe",
/// "ß" → "ss", "ﬁ" → "fi". Latin letters fold to ASCII; other scripts are only lower-cased.
/// Used on the slow path (once per distinct token), never per byte of the text.
enum LatinFolding {
    /// U+00C0…U+00FF. `1` = "ae", `2` = "th", `3` = "ss", `_` = not a letter.
    private static let latin1: [UInt8] = Array("aaaaaa1ceeeeiiiidnooooo_ouuuuy23aaaaaa1ceeeeiiiidnooooo_ouuuuy2y".utf8)
    /// U+0100…U+017F. `4` = "ij", `5` = "oe".
    private static let latinExtendedA: [UInt8] = Array(
        ("aaaaaaccccccccdd" + "ddeeeeeeeeeegggg" + "gggghhhhiiiiiiii" + "ii44jjkkklllllll"
            + "lllnnnnnnnnnoooo" + "oo55rrrrrrssssss" + "sstttttt" + "uuuuuuuu" + "uuuuwwyyyzzzzzzs").utf8)

    /// Appends the folded form of `scalar` to `out`.
    static func append(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0x41...0x5A: out.append(UInt8(scalar) | 0x20)
        case 0x00...0x7F: out.append(UInt8(scalar))
        case 0xC0...0xFF: appendCode(latin1[Int(scalar - 0xC0)], to: &out)
        case 0x100...0x17F: appendCode(latinExtendedA[Int(scalar - 0x100)], to: &out)
        case 0x0300...0x036F: break  // combining marks (text that escaped NFC): dropped
        case 0xFB00: out.append(contentsOf: [0x66, 0x66])  // ﬀ
        case 0xFB01: out.append(contentsOf: [0x66, 0x69])  // ﬁ
        case 0xFB02: out.append(contentsOf: [0x66, 0x6C])  // ﬂ
        case 0xFB03: out.append(contentsOf: [0x66, 0x66, 0x69])  // ﬃ
        case 0xFB04: out.append(contentsOf: [0x66, 0x66, 0x6C])  // ﬄ
        case 0xFB05, 0xFB06: out.append(contentsOf: [0x73, 0x74])  // ﬅ ﬆ
        default:
            guard let s = Unicode.Scalar(scalar) else { return }
            let lower = s.properties.lowercaseMapping
            out.append(contentsOf: lower.utf8)
        }
    }

    private static func appendCode(_ code: UInt8, to out: inout [UInt8]) {
        switch code {
        case UInt8(ascii: "1"): out.append(contentsOf: [0x61, 0x65])  // ae
        case UInt8(ascii: "2"): out.append(contentsOf: [0x74, 0x68])  // th
        case UInt8(ascii: "3"): out.append(contentsOf: [0x73, 0x73])  // ss
        case UInt8(ascii: "4"): out.append(contentsOf: [0x69, 0x6A])  // ij
        case UInt8(ascii: "5"): out.append(contentsOf: [0x6F, 0x65])  // oe
        case UInt8(ascii: "_"): break
        default: out.append(code)
        }
    }
}
