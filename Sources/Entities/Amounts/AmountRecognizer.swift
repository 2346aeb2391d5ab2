/// Finds amounts of money and percentages: "7,5 millions d’euros" → `EUR:7500000`,
/// "150 000 €" → `EUR:150000`, "2 M€", "1 %" → `pct:1`, "3 pour cent" → `pct:3`.
/// Works on the tokens (numbers, thousands groups, decimal comma) and the bytes between them.
struct AmountRecognizer: Sendable {
    let words: ContextWords

    func recognize(_ tokens: [Token], text: UnsafeBufferPointer<UInt8>) -> [Entity] {
        var out: [Entity] = []
        var i = 0
        let n = tokens.count
        func gap(_ a: Int, _ b: Int) -> ArraySlice<UInt8> {
            Array(UnsafeBufferPointer(rebasing: text[tokens[a].end..<tokens[b].start]))[...]
        }
        func isSpace(_ g: ArraySlice<UInt8>) -> Bool {
            // One ordinary, no-break (C2 A0) or narrow no-break (E2 80 AF) space.
            g == [0x20] || g == [0xC2, 0xA0] || g == [0xE2, 0x80, 0xAF]
        }
        func digits(_ t: Token) -> Substring {
            Substring(String(decoding: UnsafeBufferPointer(rebasing: text[t.start..<t.end]), as: UTF8.self))
        }
        while i < n {
            let t = tokens[i]
            guard t.flags.contains(.numeric), !t.flags.contains(.hyphenBefore) else { i += 1; continue }
            // Not part of a longer number or code ("n° 2005-95", "L. 1115-1", "12/03").
            if i > 0 {
                let g = gap(i - 1, i)
                if tokens[i - 1].flags.contains(.numeric) && (g == [0x2F] || g == [0x2C] || g == [0x2E]) { i += 1; continue }
            }
            var integer = String(digits(t))
            var j = i + 1
            while j < n, tokens[j].flags.contains(.numeric), tokens[j].end - tokens[j].start == 3, isSpace(gap(j - 1, j)) {
                integer += digits(tokens[j])
                j += 1
            }
            var fraction = ""
            if j < n, tokens[j].flags.contains(.numeric), gap(j - 1, j) == [0x2C] {
                fraction = String(digits(tokens[j]))
                j += 1
            }
            guard var value = Double(integer + (fraction.isEmpty ? "" : "." + fraction)) else { i = j; continue }
            var end = tokens[j - 1].end
            var k = j
            if k < n, let m = words.multipliers[tokens[k].id], k == j, isSpace(gap(k - 1, k)) || gap(k - 1, k).isEmpty {
                // "millions", or "M" of "M€" (only right before the euro sign)
                let word = tokens[k]
                let isLetterUnit = word.end - word.start == 1
                if !isLetterUnit || (word.end < text.count && followsEuroSign(text, word.end)) {
                    value *= m
                    end = word.end
                    k += 1
                }
            }
            // Unit: euro word ("d’euros"), € sign, % sign, "pour cent".
            var unit: String?
            var p = end
            while p < text.count && (text[p] == 0x20 || (text[p] == 0xC2 && p + 1 < text.count && text[p + 1] == 0xA0)
                || (text[p] == 0xE2 && p + 2 < text.count && text[p + 1] == 0x80 && text[p + 2] == 0xAF))
            {
                p += text[p] == 0x20 ? 1 : (text[p] == 0xC2 ? 2 : 3)
            }
            if followsEuroSign(text, p) {
                unit = "EUR"; end = p + 3
            } else if p < text.count && text[p] == 0x25 {
                unit = "pct"; end = p + 1
            } else {
                var q = k
                if q < n, tokens[q].flags.contains(.elided), tokens[q].id >= 0, words.function.contains(tokens[q].id) { q += 1 }
                if q < n, words.euro.contains(tokens[q].id) {
                    unit = "EUR"; end = tokens[q].end
                } else if q < n, words.percentWords.contains(tokens[q].id) {
                    unit = "pct"; end = tokens[q].end
                } else if q + 1 < n, tokens[q].id == words.pour, tokens[q + 1].id == words.cent {
                    unit = "pct"; end = tokens[q + 1].end
                }
            }
            if let unit {
                let start = t.start
                let surface = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
                out.append(Entity(type: .montant, start: start, end: end, text: surface, normalized: "\(unit):\(Self.format(value))",
                    attributes: ["unit": unit == "EUR" ? "euro" : "pourcent", "value": Self.format(value)]))
                while j < n && tokens[j].start < end { j += 1 }
            }
            i = max(j, i + 1)
        }
        return out
    }

    private func followsEuroSign(_ text: UnsafeBufferPointer<UInt8>, _ p: Int) -> Bool {
        p + 2 < text.count && text[p] == 0xE2 && text[p + 1] == 0x82 && text[p + 2] == 0xAC
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
