/// Reads one French date at the start of a folded string: "12 mars 2024", "1er mars
/// 2024", "12/03/2024", "12.03.24". Used when the entity recognizer gives no date.
enum FrenchDate {
    static let months = [
        "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
    ]

    /// (ISO date, folded length consumed) or nil.
    static func parse(_ s: Substring) -> (String, Int)? {
        let chars = Array(s.utf8)
        var i = 0
        func digits() -> Int? {
            var n = 0
            var count = 0
            while i < chars.count, chars[i] >= 0x30, chars[i] <= 0x39, count < 4 {
                n = n * 10 + Int(chars[i] - 0x30); i += 1; count += 1
            }
            return count == 0 ? nil : n
        }
        guard let day = digits(), (1...31).contains(day) else { return nil }
        if i + 1 < chars.count, chars[i] == UInt8(ascii: "e"), chars[i + 1] == UInt8(ascii: "r") { i += 2 }
        if i < chars.count, chars[i] == 0x2F || chars[i] == 0x2E || chars[i] == 0x2D {
            i += 1
            guard let month = digits(), (1...12).contains(month), i < chars.count, chars[i] == 0x2F || chars[i] == 0x2E || chars[i] == 0x2D else { return nil }
            i += 1
            guard var year = digits() else { return nil }
            if year < 100 { year += 2000 }
            return (iso(year, month, day), i)
        }
        guard i < chars.count, chars[i] == 0x20 else { return nil }
        i += 1
        let rest = String(decoding: chars[i...], as: UTF8.self)
        guard let m = months.firstIndex(where: { rest.hasPrefix($0) }) else { return nil }
        i += months[m].utf8.count
        guard i < chars.count, chars[i] == 0x20 else { return nil }
        i += 1
        guard let year = digits(), year >= 1900, year <= 2200 else { return nil }
        return (iso(year, m + 1, day), i)
    }

    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String {
        let mm = m < 10 ? "0\(m)" : "\(m)"
        let dd = d < 10 ? "0\(d)" : "\(d)"
        return "\(y)-\(mm)-\(dd)"
    }
}
