import Foundation

/// Streams a JSON Lines file of flat objects with string values (`{id, title, text,
/// source}`), one line at a time, without loading the file (so the indexer's peak memory
/// is measured, not the corpus's size).
struct JSONLinesReader {
    let path: String

    func forEach(_ body: ([String: String]) throws -> Void) throws {
        guard let fp = fopen(path, "r") else { throw NSError(domain: "bench", code: 1, userInfo: [NSLocalizedDescriptionKey: "cannot open \(path)"]) }
        defer { fclose(fp) }
        var line: UnsafeMutablePointer<CChar>? = nil
        var cap = 0
        defer { free(line) }
        while true {
            let n = getline(&line, &cap, fp)
            if n <= 0 { break }
            let fields = line!.withMemoryRebound(to: UInt8.self, capacity: n) {
                JSONLinesReader.parse(UnsafeBufferPointer(start: $0, count: n))
            }
            if let fields { try body(fields) }
        }
    }

    /// Parses one flat object whose values are strings (other values are skipped).
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> [String: String]? {
        var i = 0
        var out: [String: String] = [:]
        func skipSpace() { while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 } }
        func string() -> String? {
            guard i < b.count, b[i] == UInt8(ascii: "\"") else { return nil }
            i += 1
            var bytes: [UInt8] = []
            var start = i
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: "\"") {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
                    i += 1
                    return String(decoding: bytes, as: UTF8.self)
                }
                if c == UInt8(ascii: "\\") {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
                    i += 1
                    guard i < b.count else { return nil }
                    let e = b[i]
                    i += 1
                    switch e {
                    case UInt8(ascii: "n"): bytes.append(0x0A)
                    case UInt8(ascii: "t"): bytes.append(0x09)
                    case UInt8(ascii: "r"): bytes.append(0x0D)
                    case UInt8(ascii: "b"): bytes.append(0x08)
                    case UInt8(ascii: "f"): bytes.append(0x0C)
                    case UInt8(ascii: "u"):
                        guard var u = hex4() else { return nil }
                        if u >= 0xD800, u < 0xDC00, i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") {
                            i += 2
                            guard let lo = hex4() else { return nil }
                            u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)
                        }
                        let scalar = Unicode.Scalar(u) ?? "\u{FFFD}"
                        bytes.append(contentsOf: String(scalar).utf8)
                    default: bytes.append(e)
                    }
                    start = i
                    continue
                }
                i += 1
            }
            return nil
        }
        func hex4() -> UInt32? {
            guard i + 4 <= b.count else { return nil }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = b[i]
                i += 1
                switch c {
                case 0x30...0x39: v = v << 4 | UInt32(c - 0x30)
                case 0x41...0x46: v = v << 4 | UInt32(c - 0x41 + 10)
                case 0x61...0x66: v = v << 4 | UInt32(c - 0x61 + 10)
                default: return nil
                }
            }
            return v
        }
        skipSpace()
        guard i < b.count, b[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        while true {
            skipSpace()
            if i < b.count, b[i] == UInt8(ascii: "}") { return out }
            guard let key = string() else { return nil }
            skipSpace()
            guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            skipSpace()
            if let v = string() {
                out[key] = v
            } else {
                // Not a string: skip to the next comma at this level (numbers, null, true…).
                while i < b.count, b[i] != UInt8(ascii: ","), b[i] != UInt8(ascii: "}") { i += 1 }
            }
            skipSpace()
            if i < b.count, b[i] == UInt8(ascii: ",") { i += 1; continue }
            if i < b.count, b[i] == UInt8(ascii: "}") { return out }
            return nil
        }
    }
}
