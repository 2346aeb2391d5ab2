/// A minimal, fast JSON reader for one line of the bench-corpus format
/// (`{"id": …, "title": …, "text": …, "source": …}`): it decodes the string members it is
/// asked for (escapes, `\uXXXX` and surrogate pairs included) and skips any other value.
/// Works on raw UTF-8 bytes; no Foundation, no per-byte `Character`.
struct JSONLineParser {
    struct Fields {
        var id: String?
        var title: String?
        var text: String?
        var source: String?
    }

    struct Failure: Error {
        var offset: Int
        var reason: String
    }

    private let base: UnsafePointer<UInt8>
    private let end: Int
    private var i: Int
    private var scratch: [UInt8] = []

    init(_ base: UnsafePointer<UInt8>, start: Int, end: Int) {
        self.base = base
        self.i = start
        self.end = end
    }

    mutating func parse() throws(Failure) -> Fields {
        var fields = Fields()
        skipSpace()
        try expect(UInt8(ascii: "{"))
        skipSpace()
        if peek() == UInt8(ascii: "}") { i += 1; return fields }
        while true {
            skipSpace()
            guard peek() == UInt8(ascii: "\"") else { throw fail("clé attendue") }
            let key = try keyName()
            skipSpace()
            try expect(UInt8(ascii: ":"))
            skipSpace()
            switch key {
            case .id: fields.id = try scalarOrString()
            case .title: fields.title = try stringOrNull()
            case .text: fields.text = try stringOrNull()
            case .source: fields.source = try stringOrNull()
            case .other: try skipValue(depth: 0)
            }
            skipSpace()
            guard i < end else { throw fail("objet non terminé") }
            let c = base[i]
            i += 1
            if c == UInt8(ascii: "}") { break }
            if c != UInt8(ascii: ",") { throw fail("« , » ou « } » attendu") }
        }
        skipSpace()
        if i < end { throw fail("caractères après l’objet") }
        return fields
    }

    private enum Key { case id, title, text, source, other }

    private mutating func keyName() throws(Failure) -> Key {
        // Keys are short: compare the decoded bytes.
        let bytes = try stringBytes()
        switch bytes.count {
        case 2 where bytes.elementsEqual("id".utf8): return .id
        case 4 where bytes.elementsEqual("text".utf8): return .text
        case 5 where bytes.elementsEqual("title".utf8): return .title
        case 6 where bytes.elementsEqual("source".utf8): return .source
        default: return .other
        }
    }

    @inline(__always) private func peek() -> UInt8? { i < end ? base[i] : nil }

    @inline(__always) private mutating func skipSpace() {
        while i < end {
            let c = base[i]
            if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A { i += 1 } else { break }
        }
    }

    private func fail(_ reason: String) -> Failure { Failure(offset: i, reason: reason) }

    private mutating func expect(_ c: UInt8) throws(Failure) {
        guard i < end, base[i] == c else { throw fail("« \(Character(Unicode.Scalar(c))) » attendu") }
        i += 1
    }

    private mutating func stringOrNull() throws(Failure) -> String? {
        if peek() == UInt8(ascii: "n") { try literal("null"); return nil }
        guard peek() == UInt8(ascii: "\"") else { throw fail("chaîne attendue") }
        return try string()
    }

    /// A string, or a number / boolean kept as written (ids are sometimes numbers).
    private mutating func scalarOrString() throws(Failure) -> String? {
        switch peek() {
        case UInt8(ascii: "\""): return try string()
        case UInt8(ascii: "n"): try literal("null"); return nil
        default:
            let start = i
            try skipValue(depth: 0)
            return String(decoding: UnsafeBufferPointer(start: base + start, count: i - start), as: UTF8.self)
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let n = word.utf8CodeUnitCount
        guard i + n <= end else { throw fail("valeur tronquée") }
        for k in 0..<n where base[i + k] != word.utf8Start[k] { throw fail("valeur inconnue") }
        i += n
    }

    /// Decodes a string starting at its opening quote. Fast path: no escape, one copy.
    private mutating func string() throws(Failure) -> String {
        i += 1
        let start = i
        while i < end {
            let c = base[i]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(start: base + start, count: i - start), as: UTF8.self)
                i += 1
                return s
            }
            if c == UInt8(ascii: "\\") || c < 0x20 { break }
            i += 1
        }
        i = start - 1
        let bytes = try stringBytes()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes a string (at its opening quote) into `scratch`, handling every escape.
    /// Runs of plain bytes between escapes are copied in bulk.
    private mutating func stringBytes() throws(Failure) -> ArraySlice<UInt8> {
        scratch.removeAll(keepingCapacity: true)
        i += 1
        while i < end {
            let runStart = i
            while i < end {
                let c = base[i]
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 { break }
                i += 1
            }
            if i > runStart {
                scratch.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart))
            }
            guard i < end else { break }
            let c = base[i]
            i += 1
            if c == UInt8(ascii: "\"") { return scratch[...] }
            if c < 0x20 { throw fail("caractère de contrôle dans une chaîne") }
            guard i < end else { throw fail("échappement tronqué") }
            let e = base[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(e)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "u"): try unicodeEscape()
            default: throw fail("échappement « \\\(Character(Unicode.Scalar(e))) » invalide")
            }
        }
        throw fail("chaîne non terminée")
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 <= end else { throw fail("\\u tronqué") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = base[i]
            i += 1
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw fail("\\u non hexadécimal")
            }
            v = v << 4 | d
        }
        return v
    }

    /// `\uXXXX`, with a UTF-16 surrogate pair joined; a lone surrogate becomes U+FFFD.
    private mutating func unicodeEscape() throws(Failure) {
        var scalar = try hex4()
        if (0xD800...0xDBFF).contains(scalar) {
            if i + 6 <= end, base[i] == UInt8(ascii: "\\"), base[i + 1] == UInt8(ascii: "u") {
                let save = i
                i += 2
                let low = try hex4()
                if (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    i = save
                    scalar = 0xFFFD
                }
            } else {
                scalar = 0xFFFD
            }
        } else if (0xDC00...0xDFFF).contains(scalar) {
            scalar = 0xFFFD
        }
        let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        UTF8.encode(u) { scratch.append($0) }
    }

    /// Skips any JSON value (strings, numbers, literals, nested objects and arrays).
    private mutating func skipValue(depth: Int) throws(Failure) {
        guard depth < 64 else { throw fail("imbrication trop profonde") }
        guard let c = peek() else { throw fail("valeur attendue") }
        switch c {
        case UInt8(ascii: "\""):
            _ = try stringBytes()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = c == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            i += 1
            skipSpace()
            if peek() == close { i += 1; return }
            while true {
                skipSpace()
                if c == UInt8(ascii: "{") {
                    _ = try stringBytes()
                    skipSpace()
                    try expect(UInt8(ascii: ":"))
                    skipSpace()
                }
                try skipValue(depth: depth + 1)
                skipSpace()
                guard let n = peek() else { throw fail("valeur non terminée") }
                i += 1
                if n == close { return }
                if n != UInt8(ascii: ",") { throw fail("« , » attendu") }
            }
        default:
            let start = i
            while i < end {
                let b = base[i]
                if b == UInt8(ascii: ",") || b == UInt8(ascii: "}") || b == UInt8(ascii: "]") || b == 0x20
                    || b == 0x09 || b == 0x0A || b == 0x0D
                {
                    break
                }
                i += 1
            }
            if i == start { throw fail("valeur attendue") }
        }
    }
}
