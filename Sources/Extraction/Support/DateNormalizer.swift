import Foundation

/// Turns the dates found in metadata (RFC 822 in RSS, RFC 3339 in Atom, ISO 8601 in office
/// files and HTML `<meta>`, LEGI's `YYYY-MM-DD`) into the contract's `YYYY-MM-DD`.
/// The calendar date is the one written (no time-zone conversion): it is the day the
/// publisher meant.
public enum DateNormalizer {
    /// `YYYY-MM-DD` from an RFC 3339 / ISO 8601 date or an RFC 822 date; nil when neither.
    public static func isoDay(_ raw: String) -> String? {
        let s = raw.trimmingSpaces()
        if s.isEmpty { return nil }
        return iso8601Day(s) ?? rfc822Day(s)
    }

    /// `2003-12-13T18:30:02Z`, `2003-12-13`, `20031213` (the date part only).
    public static func iso8601Day(_ s: String) -> String? {
        let b = Array(s.utf8.prefix(10))
        func digits(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= b.count else { return nil }
            var v = 0
            for i in r {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        if b.count >= 10, b[4] == 0x2D, b[7] == 0x2D, let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) {
            return format(y, m, d)
        }
        if b.count >= 8, let y = digits(0..<4), let m = digits(4..<6), let d = digits(6..<8),
            b.count == 8 || !(0x30...0x39).contains(b[8])
        {
            return format(y, m, d)
        }
        return nil
    }

    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
        "nov": 11, "dec": 12,
        // French feeds sometimes localise RFC 822 dates.
        "janv": 1, "janvier": 1, "févr": 2, "fév": 2, "fevr": 2, "février": 2, "mars": 3, "avr": 4, "avril": 4,
        "mai": 5, "juin": 6, "juil": 7, "juillet": 7, "août": 8, "aout": 8, "sept": 9, "septembre": 9,
        "octobre": 10, "novembre": 11, "déc": 12, "décembre": 12, "decembre": 12, "january": 1, "february": 2,
        "march": 3, "april": 4, "june": 6, "july": 7, "august": 8, "september": 9, "october": 10,
        "november": 11, "december": 12,
    ]

    /// `Tue, 10 Jun 2003 04:00:00 GMT`, `10 Jun 03`, `mar., 10 juin 2003 …`.
    public static func rfc822Day(_ s: String) -> String? {
        var rest = Substring(s)
        if let comma = rest.firstIndex(of: ",") { rest = rest[rest.index(after: comma)...] }
        let parts = rest.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "-" }).prefix(3)
        guard parts.count == 3, let day = Int(parts[0]), day >= 1, day <= 31 else { return nil }
        let monthKey = parts[1].lowercased().trimmingCharacters(in: ["."])
        guard let month = months[monthKey] ?? months[String(monthKey.prefix(3))], var year = Int(parts[2]) else {
            return nil
        }
        if parts[2].count == 2 { year += year < 50 ? 2000 : 1900 }
        return format(year, month, day)
    }

    private static func format(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard y >= 1000, y <= 2999, m >= 1, m <= 12, d >= 1, d <= 31 else { return nil }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}

extension String {
    /// Trims XML whitespace (space, tab, CR, LF) at both ends.
    func trimmingSpaces() -> String {
        let u = Array(utf8)
        var lo = 0
        var hi = u.count
        while lo < hi, Whitespace.isXMLSpace(u[lo]) { lo += 1 }
        while hi > lo, Whitespace.isXMLSpace(u[hi - 1]) { hi -= 1 }
        if lo == 0 && hi == u.count { return self }
        return String(decoding: u[lo..<hi], as: UTF8.self)
    }
}
