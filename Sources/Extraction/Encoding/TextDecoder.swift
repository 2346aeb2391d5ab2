import Foundation

/// Decodes the bytes of a text file: UTF-8 (BOM stripped), UTF-16 with a BOM, else — for
/// bytes that are not valid UTF-8 — Windows-1252 or ISO-8859-1, reported in a note so the
/// document carries a warning. Bytes that are plausible in none of these are refused.
public enum TextDecoder {
    public struct Decoded: Sendable {
        public var text: String
        /// The encoding used when it was not UTF-8 (French, for a warning), else nil.
        public var note: String?
    }

    public static func isValidUTF8(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) != nil
        }
    }

    public static func decode(_ data: Data, path: String) throws -> Decoded {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try decode(data.dropFirst(3), path: path)
        }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            return Decoded(text: utf16(data.dropFirst(2), littleEndian: data.first == 0xFF), note: nil)
        }
        let utf8: String? = data.withUnsafeBytes { raw in
            String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self)
        }
        if let utf8 { return Decoded(text: utf8, note: nil) }
        return try singleByte(data, path: path)
    }

    /// Windows-1252's mapping of 0x80–0x9F; nil where it leaves a byte undefined.
    static let windows1252High: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil,
        0x017D, nil, nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, nil, 0x017E, 0x0178,
    ]

    static func singleByte(_ data: Data, path: String) throws -> Decoded {
        var usesC1 = false
        var implausible = 0
        var high = 0
        for b in data {
            if b >= 0x80 { high += 1 }
            if b >= 0x80 && b <= 0x9F {
                if windows1252High[Int(b - 0x80)] == nil { implausible += 1 } else { usesC1 = true }
            } else if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C {
                implausible += 1
            }
        }
        // Text in a Latin script has few high bytes and next to no control characters.
        if implausible * 100 > data.count || high * 3 > data.count {
            throw ExtractionError.invalidEncoding(
                path: path, reason: "ni UTF-8 valide ni texte Windows-1252/ISO-8859-1 plausible")
        }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(data.count)
        for b in data {
            if b >= 0x80 && b <= 0x9F, let mapped = windows1252High[Int(b - 0x80)] {
                scalars.append(Unicode.Scalar(mapped)!)
            } else {
                scalars.append(Unicode.Scalar(b))
            }
        }
        let name = usesC1 ? "Windows-1252" : "ISO-8859-1"
        return Decoded(text: String(scalars), note: "UTF-8 invalide : texte décodé comme \(name)")
    }

    static func utf16(_ data: Data, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(data.count / 2)
        var i = data.startIndex
        while i + 1 < data.endIndex {
            let a = UInt16(data[i])
            let b = UInt16(data[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
