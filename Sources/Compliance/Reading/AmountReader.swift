import Entities

/// Finds sums of money in the convention: takes the entity recognizer's `montant`
/// entities when it gives them, and reads the others itself ("150 000 euros",
/// "7,5 millions d'euros", "1,2 M€", "25 000 000 FCFA").
struct AmountReader: Sendable {
    private static let multipliers: [(String, Double)] = [
        ("milliards", 1e9), ("milliard", 1e9), ("millions", 1e6), ("million", 1e6), ("mds", 1e9), ("md", 1e9),
        ("mille", 1e3), ("m", 1e6), ("k", 1e3),
    ]
    /// Folded currency words → ISO 4217 (longest first).
    private static let currencies: [(String, String)] = [
        ("francs cfa", "XOF"), ("franc cfa", "XOF"), ("f cfa", "XOF"), ("fcfa", "XOF"), ("xof", "XOF"), ("xaf", "XAF"),
        ("euros", "EUR"), ("euro", "EUR"), ("eur", "EUR"), ("€", "EUR"), ("ht", "EUR"), ("ttc", "EUR"),
        ("dirhams", "MAD"), ("dirham", "MAD"), ("mad", "MAD"), ("dinars", "TND"), ("dinar", "TND"),
        ("dollars", "USD"), ("dollar", "USD"), ("usd", "USD"), ("$", "USD"), ("ariary", "MGA"),
        ("livres sterling", "GBP"), ("gbp", "GBP"), ("yuans", "CNY"), ("yuan", "CNY"), ("chf", "CHF"),
        ("francs suisses", "CHF"), ("gourdes", "HTG"),
    ]

    /// Every amount of the text, in order.
    func read(_ text: ConventionText, entities: [Entity]) -> [Amount] {
        var amounts: [Amount] = []
        var covered: [Range<Int>] = []
        for e in entities where e.type == .montant {
            let parts = e.normalized.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0] != "pct", let value = Double(parts[1]) else { continue }
            amounts.append(make(text, start: e.start, end: e.end, value: value, currency: String(parts[0])))
            covered.append(e.start..<e.end)
        }
        for found in scan(text).prefix(ConventionReader.maximumAmounts) where !covered.contains(where: { $0.overlaps(found.start..<found.end) }) {
            amounts.append(make(text, start: found.start, end: found.end, value: found.value, currency: found.currency))
        }
        return amounts.sorted { $0.passage.start < $1.passage.start }
    }

    private func make(_ text: ConventionText, start: Int, end: Int, value: Double, currency: String) -> Amount {
        let sentence = text.sentence(around: start)
        return Amount(
            value: value, currency: currency, period: period(text, start: start, end: end, sentence: sentence),
            passage: text.passage(start, end), sentence: sentence)
    }

    /// Annual or total from the words right after the figure ("25 000 euros par an",
    /// "75 000 euros sur la durée"), else right before it ("une contribution annuelle de").
    private func period(_ text: ConventionText, start: Int, end: Int, sentence: Passage) -> Amount.Period {
        let f = text.folded
        let annual = ["par an", "par annee", "annuel*", "chaque annee", "par exercice", "/an", "l'an", "pour l'annee", "au titre de l'annee"]
        let total = ["au total", "total*", "global*", "sur la duree", "pour la duree", "sur l'ensemble", "sur la periode", "pour la periode", "sur trois ans", "sur deux ans", "sur quatre ans", "sur cinq ans", "pluriannuel*"]
        // After: up to the next comma, semicolon or full stop, at most 60 bytes.
        let a0 = f.foldedIndex(ofOriginal: end)
        var a1 = a0
        while a1 < f.count, a1 < a0 + 60, ![0x2C, 0x3B, 0x2E].contains(f.bytes[a1]) { a1 += 1 }
        if a0 < a1 {
            if f.containsAny(annual, in: a0..<a1) { return .annual }
            if f.containsAny(total, in: a0..<a1) { return .total }
        }
        // Before: back to the previous comma or the sentence start, at most 60 bytes.
        let b1 = f.foldedIndex(ofOriginal: start)
        var b0 = b1
        let floor = f.foldedIndex(ofOriginal: sentence.start)
        while b0 > floor, b0 > b1 - 60, ![0x2C, 0x3B].contains(f.bytes[b0 - 1]) { b0 -= 1 }
        if b0 < b1 {
            if f.containsAny(annual, in: b0..<b1) { return .annual }
            if f.containsAny(total, in: b0..<b1) { return .total }
        }
        return .unspecified
    }

    struct Found {
        var start: Int
        var end: Int
        var value: Double
        var currency: String
    }

    /// Amounts in figures and in words, in order; a sum written in words in parentheses
    /// after the same sum in figures ("360 000 euros (trois cent soixante mille euros)")
    /// is read once.
    func scan(_ text: ConventionText) -> [Found] {
        let figures = scanFigures(text)
        var out = figures
        for w in scanWords(text) {
            let duplicate = figures.contains { f in
                (f.start < w.end && w.start < f.end) || (f.value == w.value && f.end <= w.start && w.start - f.end <= 8)
            }
            if !duplicate { out.append(w) }
        }
        return out.sorted { $0.start < $1.start }
    }

    private static let numberWords: [String: Double] = [
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
        "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
        "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100,
        "mille": 1000, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
    ]

    /// "dix mille euros", "trois cent soixante mille euros", "quatre-vingt mille euros",
    /// "deux millions d'euros", "cinquante mille (50 000) euros".
    func scanWords(_ text: ConventionText) -> [Found] {
        let b = text.folded.bytes
        var out: [Found] = []
        func word(at i: Int) -> (String, Int) {
            var j = i
            while j < b.count, b[j] >= 0x61, b[j] <= 0x7A { j += 1 }
            return (String(decoding: b[i..<j], as: UTF8.self), j)
        }
        var i = 0
        while i < b.count {
            guard b[i] >= 0x61, b[i] <= 0x7A, i == 0 || !FoldedText.isWordByte(b[i - 1]) else { i += 1; continue }
            let (w0, e0) = word(at: i)
            guard AmountReader.numberWords[w0] != nil, e0 == b.count || !FoldedText.isWordByte(b[e0]) else { i = max(e0, i + 1); continue }
            // The run of number words, joined by spaces, hyphens or "et" ("vingt et un").
            var total = 0.0
            var group = 0.0
            var last = 0.0
            var end = i
            var k = i
            var words = 0
            while k < b.count {
                var (w, e) = word(at: k)
                if w == "et", e + 1 < b.count, b[e] == 0x20 {
                    let (next, _) = word(at: e + 1)
                    guard words > 0, ["un", "une", "onze"].contains(next) else { break }
                    (w, e) = word(at: e + 1)
                }
                guard let v = AmountReader.numberWords[w], e == b.count || !FoldedText.isWordByte(b[e]) else { break }
                switch v {
                case 100: group = (group == 0 ? 1 : group) * 100
                case 1000: total += (group == 0 ? 1 : group) * 1000; group = 0
                case 1e6, 1e9: total += (group == 0 ? 1 : group) * v; group = 0
                case 20 where last == 4: group += 76  // quatre-vingt(s)
                default: group += v
                }
                last = v
                words += 1
                end = e
                guard e < b.count, b[e] == 0x20 || b[e] == 0x2D else { break }
                k = e + 1
            }
            let value = total + group
            var c = end
            if c < b.count, b[c] == 0x20 { c += 1 }
            // "(50 000)" repeating the sum in figures.
            if c < b.count, b[c] == UInt8(ascii: "(") {
                var d = c + 1
                while d < b.count, d - c < 20, b[d] == 0x20 || b[d] == 0x2E || (b[d] >= 0x30 && b[d] <= 0x39) { d += 1 }
                if d < b.count, b[d] == UInt8(ascii: ")") { c = d + 1; if c < b.count, b[c] == 0x20 { c += 1 } }
            }
            if matchesWord(b, at: c, "d'") { c += 2 } else if matchesWord(b, at: c, "de") { c += 3 }
            var currency: String?
            for (w, code) in AmountReader.currencies where w != "ht" && w != "ttc" && matchesWord(b, at: c, w) {
                currency = code
                c += w.utf8.count
                break
            }
            if let currency, value > 0 {
                out.append(Found(start: text.folded.originalStart(i), end: text.folded.originalEnd(c), value: value, currency: currency))
                i = c
            } else {
                i = max(end, i + 1)
            }
        }
        return out
    }

    /// Reads "<number> [multiplier] [d'|de] <currency>" in the folded text.
    func scanFigures(_ text: ConventionText) -> [Found] {
        let b = text.folded.bytes
        var out: [Found] = []
        var i = 0
        func isDigit(_ x: UInt8) -> Bool { x >= 0x30 && x <= 0x39 }
        while i < b.count {
            guard isDigit(b[i]), i == 0 || !(FoldedText.isWordByte(b[i - 1]) || b[i - 1] == 0x2C || b[i - 1] == 0x2E) else {
                i += 1
                continue
            }
            let numberStart = i
            // Integer part with thousands groups separated by a space or a dot.
            var integer = 0.0
            var j = i
            var firstGroupLength = 0
            while j < b.count, isDigit(b[j]) { integer = integer * 10 + Double(b[j] - 0x30); j += 1; firstGroupLength += 1 }
            if firstGroupLength <= 3 {
                while j + 3 < b.count, b[j] == 0x20 || b[j] == 0x2E || b[j] == 0x27,
                    isDigit(b[j + 1]), isDigit(b[j + 2]), isDigit(b[j + 3]),
                    !(j + 4 < b.count && isDigit(b[j + 4]))
                {
                    for k in 1...3 { integer = integer * 10 + Double(b[j + k] - 0x30) }
                    j += 4
                }
            }
            // Decimal part.
            var value = integer
            if j + 1 < b.count, b[j] == 0x2C || b[j] == 0x2E, isDigit(b[j + 1]) {
                var k = j + 1
                var scale = 0.1
                while k < b.count, isDigit(b[k]) { value += Double(b[k] - 0x30) * scale; scale /= 10; k += 1 }
                j = k
            }
            var k = j
            if k < b.count, b[k] == 0x20 { k += 1 }
            // Multiplier.
            for (word, factor) in AmountReader.multipliers {
                if word == "m" || word == "k" {
                    // "M€", "k€", "M EUR": the letter must be followed by a currency, not
                    // start a word ("mois", "km").
                    guard k < b.count, b[k] == UInt8(ascii: word == "m" ? "m" : "k") else { continue }
                    let after = k + 1
                    guard after < b.count, b[after] == 0xE2 || matchesWord(b, at: after, "eur") || (after + 1 < b.count && b[after] == 0x20 && (b[after + 1] == 0xE2 || matchesWord(b, at: after + 1, "eur"))) else { continue }
                } else if !matchesWord(b, at: k, word) {
                    continue
                }
                value *= factor
                k += word.utf8.count
                if k < b.count, b[k] == 0x20 { k += 1 }
                if matchesWord(b, at: k, "d'") { k += 2 } else if matchesWord(b, at: k, "de") { k += 3 }
                break
            }
            var currency: String?
            for (word, code) in AmountReader.currencies where matchesWord(b, at: k, word) {
                if word == "ht" || word == "ttc" { break }
                currency = code
                k += word.utf8.count
                break
            }
            if let currency, value > 0 {
                let start = text.folded.originalStart(numberStart)
                let end = text.folded.originalEnd(k)
                out.append(Found(start: start, end: end, value: value, currency: currency))
                i = k
            } else {
                i = max(j, i + 1)
            }
        }
        return out
    }

    private func matchesWord(_ b: [UInt8], at i: Int, _ word: String) -> Bool {
        let w = Array(word.utf8)
        guard i >= 0, i + w.count <= b.count else { return false }
        for n in 0..<w.count where b[i + n] != w[n] { return false }
        let after = i + w.count
        if let last = w.last, FoldedText.isWordByte(last), last < 0x80, after < b.count, FoldedText.isWordByte(b[after]) { return false }
        return true
    }
}
