/// A date found in text: byte span and ISO 8601 value (`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or a
/// `start/end` range).
struct FoundDate: Equatable {
    var start: Int
    var end: Int
    var iso: String
}

/// Parses French date expressions directly on UTF-8 bytes.
///
/// Rules (documented in DateRecognizer):
/// - full dates "2 mars 1982", "1er février 2013", "mardi 5 mars 2013", "5 janv. 2013";
/// - day ranges "5-7 mars 2013", "5 au 7 mars 2013", "30 janvier-1er février 2013";
/// - numeric dates "12/03/2013", "12.03.2013", "12-03-2013", ISO "2013-03-12";
/// - month and year "juin 2012", month ranges "janvier-mars 2013";
/// - decades "années 1980", "années 80";
/// - year ranges "2011-2012", "de 2007 à 2011", "entre 2007 et 2011";
/// - a bare year 1900–2099 only in a date context: after "en", "depuis", "dès", "de",
///   "d'ici", "avant", "après", "vers", "fin", "début", "mi-", "courant", "année", "an",
///   "pour", "jusqu'en", "exercice", "printemps/été/automne/hiver", or alone in parentheses
///   "(2013)" — and never before a unit or a counted noun ("de 2000 habitants").
/// Never dates: numbers after "n°", "loi", "décret", "article", "art.", "L.", "R.", "D.",
/// numbers glued to other numbers ("2005-95", "7,5"), numbers inside URLs.
struct FrenchDateParser {
    typealias Buffer = FrenchBytes.Buffer
    typealias B = FrenchBytes

    // MARK: Lexicon

    static let months: [([UInt8], Int)] = [
        ("janvier", 1), ("janv", 1), ("jan", 1), ("fevrier", 2), ("fevr", 2), ("fev", 2),
        ("mars", 3), ("avril", 4), ("avr", 4), ("mai", 5), ("juin", 6), ("juillet", 7),
        ("juil", 7), ("aout", 8), ("septembre", 9), ("sept", 9), ("sep", 9), ("octobre", 10),
        ("oct", 10), ("novembre", 11), ("nov", 11), ("decembre", 12), ("dec", 12),
    ].map { (Array($0.0.utf8), $0.1) }

    static let weekdays: Set<[UInt8]> = Set(
        ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"].map { Array($0.utf8) })

    /// Words after which a bare year is a date.
    static let yearContext: Set<[UInt8]> = Set(
        [
            "en", "depuis", "des", "de", "d", "ici", "avant", "apres", "vers", "fin", "debut", "mi", "courant",
            "annee", "an", "pour", "jusqu", "exercice", "printemps", "ete", "automne", "hiver",
            "partir", "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
            "septembre", "octobre", "novembre", "decembre", "millesime", "promotion", "session",
            "campagne", "rentree", "saison", "edition", "cru", "milieu", "printemps",
        ].map { Array($0.utf8) })

    /// Words before a number that make it a reference, never a date.
    static let referenceWords: Set<[UInt8]> = Set(
        [
            "n", "no", "numero", "loi", "lois", "decret", "decrets", "ordonnance", "arrete",
            "article", "articles", "art", "l", "r", "d", "lo", "ro", "alinea", "page", "p",
            "pages", "tel", "telephone", "fax", "code", "bp", "cs", "cedex", "rapport", "texte",
            "deliberation", "dossier", "requete", "affaire", "amendement", "annexe", "version",
        ].map { Array($0.utf8) })

    /// Nouns (and units) after which a 4-digit number is a quantity, not a year.
    static let quantityWords: Set<[UInt8]> = Set(
        [
            "habitants", "habitant", "euros", "euro", "eur", "dollars", "francs", "fcfa", "personnes",
            "km", "metres", "hectares", "ha", "tonnes", "kg", "litres", "elus",
            "eleves", "enfants", "emplois", "salaries", "agents", "membres", "participants",
            "visiteurs", "beneficiaires", "familles", "menages", "logements", "lits", "places",
            "exemplaires", "projets", "communes", "collectivites", "pays", "villes", "jeunes",
            "heures", "jours", "mois", "ans", "annees", "signatures", "etudiants", "femmes",
            "hommes", "foyers", "puits", "ecoles", "classes", "km2", "mw", "kw", "kwh", "mwh",
            "points", "voix", "votes", "metres", "pages", "mots", "actions", "associations",
            "entreprises", "partenaires", "volontaires", "stagiaires", "latrines", "arbres",
        ].map { Array($0.utf8) })

    static func month(_ key: [UInt8]) -> Int? {
        for (k, m) in months where k == key { return m }
        return nil
    }

    // MARK: Entry points

    /// Every date of the buffer, in order, non-overlapping.
    static func scan(_ t: Buffer) -> [FoundDate] {
        var out: [FoundDate] = []
        var i = 0
        let n = t.count
        while i < n {
            let b = t[i]
            if B.isDigit(b), !B.wordCharBefore(t, i) {
                if let d = dateAt(t, i) {
                    out.append(d)
                    i = d.end
                    continue
                }
                // Skip the rest of this digit run.
                var j = i
                while j < n, B.isDigit(t[j]) { j += 1 }
                i = j
                continue
            }
            i += 1
        }
        return out
    }

    /// A date whose first digit run starts at `i` (preceding words such as a weekday, a
    /// month or "années" are included in the span).
    static func dateAt(_ t: Buffer, _ i: Int) -> FoundDate? {
        guard let first = B.number(t, i) else { return nil }
        if isGuarded(t, i) { return nil }
        if let d = numericDate(t, i, first) { return d }
        if first.digits <= 2, let d = dayDate(t, i, first) { return d }
        if first.digits == 4 || first.digits == 2 { return yearDate(t, i, first) }
        return nil
    }

    /// A full day date ("2 février 2007", "1er juillet 1901") starting exactly at `i`,
    /// for the law scanner. Returns (end, ISO date).
    static func fullDate(_ t: Buffer, _ i: Int) -> (end: Int, iso: String)? {
        guard i < t.count, B.isDigit(t[i]), let first = B.number(t, i), first.digits <= 2,
            let d = dayDate(t, i, first), !d.iso.contains("/"), d.iso.count == 10
        else { return nil }
        return (d.end, d.iso)
    }

    // MARK: Guards

    /// True when the number at `i` is glued to another number or follows a reference word.
    static func isGuarded(_ t: Buffer, _ i: Int) -> Bool {
        if i > 0 {
            let p = t[i - 1]
            // "2005-95", "7,5", "1.5", "12/3" — the number continues another one.
            if (p == 0x2D || p == 0x2C || p == 0x2E || p == 0x2F), i >= 2, B.isDigit(t[i - 2]) { return true }
            if p == 0xB0 || p == 0xBA, i >= 2, t[i - 2] == 0xC2 { return true }  // "n°12" (° is C2 B0, º C2 BA)
        }
        // Inside a URL or an e-mail address.
        var j = i
        var steps = 0
        while j > 0, steps < 200, B.spaceLength(t, j - 1) == 0, t[j - 1] != 0x0A {
            if t[j - 1] == 0x2F, j >= 2, t[j - 2] == 0x2F { return true }  // "//"
            if t[j - 1] == 0x40 { return true }  // "@"
            j -= 1
            steps += 1
        }
        if j + 4 <= t.count, B.match(t, j, "www.") != nil { return true }
        // Reference words right before: "n° 2005-95", "loi 2007-147", "L. 1115-1", "art. 3".
        var e = B.skipSpacesBackward(t, i)
        if e > 0, t[e - 1] == 0x2E { e = B.skipSpacesBackward(t, e - 1) }  // "art." "L."
        if e >= 2, t[e - 2] == 0xC2, t[e - 1] == 0xB0 || t[e - 1] == 0xBA { return true }  // "n°" / "nº"
        if e > 0, t[e - 1] == 0x23 { return true }  // "#12"
        if let s = B.wordStart(t, endingAt: e), let w = B.word(t, s), referenceWords.contains(w.key) {
            // "de la loi du 2 mars" never reaches here (the number follows "du"), but a
            // month word must not be mistaken: "L" only when upper-case or followed by ".".
            return true
        }
        return false
    }

    // MARK: Patterns

    /// "12/03/2013", "12.03.2013", "12-03-2013", "12/03/13", ISO "2013-03-12".
    static func numericDate(_ t: Buffer, _ i: Int, _ first: (value: Int, digits: Int, end: Int)) -> FoundDate? {
        let s1 = first.end
        guard s1 < t.count else { return nil }
        let sep = t[s1]
        guard sep == 0x2F || sep == 0x2E || sep == 0x2D,
            let second = B.number(t, s1 + 1), second.end < t.count, t[second.end] == sep,
            let third = B.number(t, second.end + 1)
        else { return nil }
        // Not part of a longer dotted/hyphenated number ("1.2.3.4", "L. 1115-1-1-2").
        if third.end < t.count, (t[third.end] == sep || t[third.end] == 0x2C), third.end + 1 < t.count, B.isDigit(t[third.end + 1]) {
            return nil
        }
        if first.digits == 4, second.digits == 2, third.digits == 2, sep == 0x2D {
            let (y, m, d) = (first.value, second.value, third.value)
            guard validDay(y, m, d), (1800...2199).contains(y) else { return nil }
            return FoundDate(start: i, end: third.end, iso: iso(y, m, d))
        }
        guard first.digits <= 2, second.digits <= 2 else { return nil }
        var y = third.value
        if third.digits == 2 {
            guard sep == 0x2F else { return nil }
            y += y >= 50 ? 1900 : 2000
        } else if third.digits != 4 {
            return nil
        }
        let (d, m) = (first.value, second.value)
        guard validDay(y, m, d), (1800...2199).contains(y) else { return nil }
        return FoundDate(start: i, end: third.end, iso: iso(y, m, d))
    }

    /// Day-based dates and day ranges.
    static func dayDate(_ t: Buffer, _ i: Int, _ first: (value: Int, digits: Int, end: Int)) -> FoundDate? {
        guard (1...31).contains(first.value) else { return nil }
        var start = i
        // Optional weekday before: "mardi 5 mars 2013", "le mardi 5".
        if let w = B.previousWord(t, before: i), weekdays.contains(w.key) { start = w.start }
        var j = afterOrdinal(t, first.end)
        let d1 = first.value
        // Range marker then a second day: "5-7 mars", "5 au 7 mars", "5 et 6 mars".
        var d2: Int?
        var m1: Int?
        var afterD2 = j
        if let k = rangeMarker(t, j), let second = B.number(t, k), second.digits <= 2, (1...31).contains(second.value) {
            let e = afterOrdinal(t, second.end)
            if monthAt(t, B.skipSpaces(t, e)) != nil {
                d2 = second.value
                afterD2 = e
            }
        }
        if d2 != nil { j = afterD2 }
        let k = B.skipSpaces(t, j)
        guard let (m, mEnd) = monthAt(t, k) else { return nil }
        var endMonth = m
        var yPos = B.skipSpaces(t, mEnd)
        // "30 janvier-1er février 2013", "30 janvier au 1er février 2013".
        if d2 == nil, let r = rangeMarker(t, mEnd), let second = B.number(t, r), second.digits <= 2,
            (1...31).contains(second.value)
        {
            let e = B.skipSpaces(t, afterOrdinal(t, second.end))
            if let (m2, m2End) = monthAt(t, e) {
                m1 = m
                endMonth = m2
                d2 = second.value
                yPos = B.skipSpaces(t, m2End)
            }
        }
        guard let year = B.number(t, yPos), year.digits == 4, (1000...2199).contains(year.value) else { return nil }
        // "2 mars 1982-1983" is not a date range we model; "2 mars 1982," is fine.
        let y = year.value
        if let d2 {
            let startMonth = m1 ?? endMonth
            guard validDay(y, startMonth, d1), validDay(y, endMonth, d2) else { return nil }
            let a = iso(y, startMonth, d1)
            let b = iso(y, endMonth, d2)
            guard a < b else { return nil }
            return FoundDate(start: start, end: year.end, iso: a + "/" + b)
        }
        guard validDay(y, m, d1) else { return nil }
        // "du 28 décembre 2012 au 3 janvier 2013": two full dates joined by a range marker.
        if let r = rangeMarker(t, year.end), let second = B.number(t, r), second.digits <= 2,
            let other = dayDate(t, r, second), !other.iso.contains("/"), other.iso > iso(y, m, d1)
        {
            return FoundDate(start: start, end: other.end, iso: iso(y, m, d1) + "/" + other.iso)
        }
        return FoundDate(start: start, end: year.end, iso: iso(y, m, d1))
    }

    /// Dates anchored on a 4-digit (or decade 2-digit) number: "juin 2012", "janvier-mars
    /// 2013", "années 1980", "2011-2012", "de 2007 à 2011", context years.
    static func yearDate(_ t: Buffer, _ i: Int, _ first: (value: Int, digits: Int, end: Int)) -> FoundDate? {
        let y = first.value
        let prev = B.previousWord(t, before: i)
        // Decades: "années 1980", "années 80".
        if let p = prev, p.key == Array("annees".utf8) || p.key == Array("annee".utf8) && first.digits == 2 {
            var decade: Int?
            if first.digits == 4, y % 10 == 0, (1800...2190).contains(y) { decade = y }
            if first.digits == 2, y % 10 == 0 { decade = (y >= 20 ? 1900 : 2000) + y }
            if let decade, !followedByUnit(t, first.end) {
                return FoundDate(start: p.start, end: first.end, iso: "\(decade)/\(decade + 9)")
            }
        }
        guard first.digits == 4, (1800...2199).contains(y) else { return nil }
        // Month before: "juin 2012", "janvier-mars 2013", "de janvier à mars 2013".
        if let p = prev, let m = month(p.key), isMonthWord(t, p.start) {
            // "30 février 2013" failed as a day date: do not fall back to the month.
            let gap = B.skipSpacesBackward(t, p.start)
            if gap < p.start, gap > 0, B.isDigit(t[gap - 1]) { return nil }
            var start = p.start
            var iso = String(format4(y)) + "-" + two(m)
            let before = B.skipSpacesBackward(t, p.start)
            if let m0 = monthBeforeRange(t, before), m0.month < m {
                start = m0.start
                iso = format4(y) + "-" + two(m0.month) + "/" + format4(y) + "-" + two(m)
            }
            return FoundDate(start: start, end: first.end, iso: iso)
        }
        if y < 1900 || y > 2099 { return nil }
        // Year ranges: "2011-2012", "2011/2012", "2012-13".
        let s = first.end
        if s < t.count {
            let dl = B.dashLength(t, s)
            let sepLen = dl > 0 ? dl : (t[s] == 0x2F ? 1 : 0)
            if sepLen > 0, let second = B.number(t, s + sepLen) {
                var y2 = second.value
                if second.digits == 2 { y2 += (y / 100) * 100 }
                if (second.digits == 4 || second.digits == 2), y2 > y, y2 - y <= 100,
                    !(second.end < t.count && (t[second.end] == 0x2D || t[second.end] == 0x2F) && second.end + 1 < t.count && B.isDigit(t[second.end + 1]))
                {
                    return FoundDate(start: i, end: second.end, iso: "\(y)/\(y2)")
                }
                // A year glued to another number ("2007-147") is not a date.
                return nil
            }
        }
        // "de 2007 à 2011", "entre 2007 et 2011".
        if let p = prev, p.key == Array("de".utf8) || p.key == Array("entre".utf8) || p.key == Array("du".utf8) {
            let k = B.skipSpaces(t, first.end)
            let connector: StaticString = p.key == Array("entre".utf8) ? "et" : "a"
            if let c = B.match(t, k, connector) ?? (p.key != Array("entre".utf8) ? B.match(t, k, "au") : nil) {
                let k2 = B.skipSpaces(t, c)
                if let second = B.number(t, k2), second.digits == 4, second.value > y, second.value - y <= 100,
                    !followedByUnit(t, second.end)
                {
                    return FoundDate(start: i, end: second.end, iso: "\(y)/\(second.value)")
                }
            }
        }
        // Bare year in a date context.
        if followedByUnit(t, first.end) { return nil }
        if let p = prev, yearContext.contains(p.key) {
            return FoundDate(start: i, end: first.end, iso: String(y))
        }
        // "mi-2012": hyphen glued.
        if i >= 3, t[i - 1] == 0x2D, B.match(t, i - 3, "mi-") != nil {
            return FoundDate(start: i, end: first.end, iso: String(y))
        }
        // "(2013)".
        if i > 0, t[i - 1] == 0x28, first.end < t.count, t[first.end] == 0x29 {
            return FoundDate(start: i, end: first.end, iso: String(y))
        }
        return nil
    }

    // MARK: Pieces

    /// Skips the ordinal suffix of "1er" / "1re" / "1ᵉʳ".
    static func afterOrdinal(_ t: Buffer, _ j: Int) -> Int {
        if j + 1 < t.count, (t[j] | 0x20) == 0x65, (t[j + 1] | 0x20) == 0x72, !(j + 2 < t.count && B.isLetter(t, j + 2)) {
            return j + 2
        }
        if j + 1 < t.count, (t[j] | 0x20) == 0x72, (t[j + 1] | 0x20) == 0x65, !(j + 2 < t.count && B.isLetter(t, j + 2)) {
            return j + 2
        }
        return j
    }

    /// A range marker at `j` ("-", "–", " au ", " à ", " et "): index after it and spaces.
    static func rangeMarker(_ t: Buffer, _ j: Int) -> Int? {
        let d = B.dashLength(t, j)
        if d > 0 { return B.skipSpaces(t, j + d) }
        let k = B.skipSpaces(t, j)
        let dk = B.dashLength(t, k)
        if dk > 0, k > j { return B.skipSpaces(t, k + dk) }
        guard k > j else { return nil }
        for w: StaticString in ["au", "a", "et"] {
            if let e = B.match(t, k, w), B.spaceLength(t, e) > 0 { return B.skipSpaces(t, e) }
        }
        return nil
    }

    /// A month name (or abbreviation, with its optional dot) at `k`.
    static func monthAt(_ t: Buffer, _ k: Int) -> (Int, Int)? {
        guard let w = B.word(t, k), let m = month(w.key) else { return nil }
        var e = w.end
        let isAbbrev = w.key.count <= 4 && w.key != Array("mars".utf8) && w.key != Array("mai".utf8)
            && w.key != Array("juin".utf8)
        if e < t.count, t[e] == 0x2E, isAbbrev { e += 1 }
        // A bare 3-letter abbreviation must carry its dot or be capitalised ("Jan 2013").
        if w.key.count == 3, w.key != Array("mai".utf8), e == w.end, !B.isUpperASCII(t[k]) { return nil }
        return (m, e)
    }

    /// A month word used as such (not "Mars" the planet in "Mars Society"): for month-year
    /// we accept any case; abbreviations need a dot or a capital.
    static func isMonthWord(_ t: Buffer, _ s: Int) -> Bool { monthAt(t, s) != nil }

    /// "janvier-" / "de janvier à" before a month word: the first month and its start.
    static func monthBeforeRange(_ t: Buffer, _ end: Int) -> (month: Int, start: Int)? {
        var e = end
        if e > 0 {
            // dash right before
            var k = e
            if k >= 1, t[k - 1] == 0x2D { k -= 1 } else if k >= 3, t[k - 3] == 0xE2, t[k - 2] == 0x80 { k -= 3 } else { k = -1 }
            if k >= 0 {
                let kk = B.skipSpacesBackward(t, k)
                if let s = B.wordStart(t, endingAt: kk), let w = B.word(t, s), let m = month(w.key) { return (m, s) }
            }
        }
        // "de janvier à mars"
        if let p = B.previousWord(t, before: e), p.key == Array("a".utf8) || p.key == Array("au".utf8) {
            e = p.start
            if let q = B.previousWord(t, before: e), let m = month(q.key) { return (m, q.start) }
        }
        return nil
    }

    /// The number ending at `end` is followed by a unit or counted noun ("2000 habitants").
    static func followedByUnit(_ t: Buffer, _ end: Int) -> Bool {
        if end < t.count {
            let b = t[end]
            if (b == 0x2C || b == 0x2E), end + 1 < t.count, B.isDigit(t[end + 1]) { return true }
            if b == 0x25 { return true }
        }
        let k = B.skipSpaces(t, end)
        if k < t.count {
            if t[k] == 0x25 { return true }  // %
            if t[k] == 0xE2, k + 2 < t.count, t[k + 1] == 0x82, t[k + 2] == 0xAC { return true }  // €
            if k > end, B.isDigit(t[k]) { return true }  // "2 013 000"
        }
        if let w = B.word(t, k), quantityWords.contains(w.key) { return true }
        return false
    }

    static func validDay(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        guard (1...12).contains(m), d >= 1 else { return false }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1]
    }

    static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    static func format4(_ y: Int) -> String { String(y) }
    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String { "\(y)-\(two(m))-\(two(d))" }
}
