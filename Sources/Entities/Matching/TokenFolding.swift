import Foundation

/// Folding of one Unicode scalar for matching: lower case, accents removed, ligatures
/// expanded ("É" → "e", "œ" → "oe"). Precomputed for Latin scripts so the hot loop only
/// indexes a table.
enum TokenFolding {
    /// Folded UTF-8 bytes of the scalars U+0000…U+024F.
    static let latin: [[UInt8]] = {
        var table: [[UInt8]] = []
        table.reserveCapacity(0x250)
        for value in 0..<0x250 {
            guard let scalar = Unicode.Scalar(value) else { table.append([]); continue }
            table.append(fold(scalar))
        }
        return table
    }()

    /// The same table flattened for the hot loop: 4 bytes per scalar, length in `latinLength`.
    static let latinFlat: [UInt8] = latin.flatMap { Array(($0 + [0, 0, 0, 0]).prefix(4)) }
    static let latinLength: [UInt8] = latin.map { UInt8(min($0.count, 4)) }

    /// The same tables as raw pointers for the tokenizer's hot loop (no bounds checks, no
    /// array retain per call); allocated once, never freed, never written after init.
    nonisolated(unsafe) static let latinFlatPointer: UnsafePointer<UInt8> = pointer(latinFlat)
    nonisolated(unsafe) static let latinLengthPointer: UnsafePointer<UInt8> = pointer(latinLength)
    nonisolated(unsafe) static let latinUppercasePointer: UnsafePointer<UInt8> = pointer(latinUppercase.map { $0 ? 1 : 0 })

    private static func pointer(_ array: [UInt8]) -> UnsafePointer<UInt8> {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: array.count)
        p.initialize(from: array, count: array.count)
        return UnsafePointer(p)
    }

    /// Upper-case flags of the scalars U+0000…U+024F.
    static let latinUppercase: [Bool] = (0..<0x250).map { v in
        Unicode.Scalar(v).map { $0.properties.isUppercase } ?? false
    }

    private static func fold(_ scalar: Unicode.Scalar) -> [UInt8] {
        switch scalar.value {
        case 0x152, 0x153: return Array("oe".utf8)
        case 0xC6, 0xE6: return Array("ae".utf8)
        case 0xDF: return Array("ss".utf8)
        default: break
        }
        let lower = scalar.properties.lowercaseMapping
        var out: [UInt8] = []
        for s in lower.unicodeScalars {
            // Keep the base letter of a canonical decomposition, drop combining marks.
            let decomposed = String(s).decomposedStringWithCanonicalMapping.unicodeScalars
            for d in decomposed where !(0x300...0x36F).contains(d.value) {
                out.append(contentsOf: Array(String(d).utf8))
            }
        }
        return out
    }

    /// Folds a scalar outside the Latin table (Greek, Cyrillic…): lower case only.
    static func foldOther(_ scalar: Unicode.Scalar, into out: inout [UInt8]) {
        for s in scalar.properties.lowercaseMapping.unicodeScalars {
            out.append(contentsOf: Array(String(s).utf8))
        }
    }

    /// True for scalars that belong inside words (letters and digits of any script).
    @inline(__always)
    static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        if v < 0xC0 { return false }  // Latin-1 punctuation and symbols (nbsp, « », ©, °)
        if v == 0xD7 || v == 0xF7 { return false }
        if v >= 0x2000 && v <= 0x2BFF { return false }  // punctuation, arrows, symbols
        if v >= 0x3000 && v <= 0x303F { return false }
        if v >= 0xFE00 && v <= 0xFE0F || v == 0xFEFF { return false }
        if v >= 0x1F000 { return false }  // emoji
        return true
    }

    static func isUppercase(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isUppercase
    }
}

