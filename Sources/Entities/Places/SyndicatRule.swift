import Foundation

/// Syndicats mixtes and intercommunaux have no national registry in our reference data:
/// a capitalized name after "Syndicat mixte"/"Syndicat intercommunal" ("Syndicat Mixte
/// de Traitement des Déchets") is one, with its acronym when the text defines it next to
/// the name ("le SMTD (Syndicat Mixte …)" or "Syndicat Mixte … (SMTD)"); the acronym then
/// stands for it everywhere in the document. Id: `syndicat:<ACRONYM>`, else
/// `syndicat:<name-slug>`.
struct SyndicatRule: Sendable {
    let words: ContextWords

    func recognize(_ tokens: [Token], text: UnsafeBufferPointer<UInt8>) -> [Entity] {
        var found: [(start: Int, end: Int, acronym: Int?)] = []
        var i = 0
        while i + 2 < tokens.count {
            guard tokens[i].id == words.syndicat, words.syndicatKind.contains(tokens[i + 1].id) else { i += 1; continue }
            // The name: capitalized words and the small words between them, on one phrase.
            var j = i + 2
            var lastCapital = -1
            while j < tokens.count {
                if !onlySpaces(text, tokens[j - 1].end, tokens[j].start) { break }
                let t = tokens[j]
                if t.flags.contains(.capitalized) || t.flags.contains(.allCaps) {
                    lastCapital = j
                } else if !words.nameJoiners.contains(t.id) {
                    break
                }
                j += 1
            }
            guard lastCapital >= i + 2 else { i += 2; continue }
            let end = lastCapital + 1
            var acronym: Int?
            // "Syndicat … (SMTD)"
            if end < tokens.count, tokens[end].flags.contains(.allCaps), gapIs(text, tokens[end - 1].end, tokens[end].start, "("),
                end + 1 > tokens.count - 1 || gapStarts(text, tokens[end].end, ")")
            {
                acronym = end
            }
            // "le SMTD (Syndicat …"
            if acronym == nil, i >= 1, tokens[i - 1].flags.contains(.allCaps), gapIs(text, tokens[i - 1].end, tokens[i].start, "(") {
                acronym = i - 1
            }
            found.append((i, end, acronym))
            i = end
        }
        guard !found.isEmpty else { return [] }
        var out: [Entity] = []
        var acronyms: [[UInt8]: (String, String)] = [:]
        for f in found {
            let start = tokens[f.start].start
            let end = tokens[f.end - 1].end
            let name = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            var id = "syndicat:" + Self.slug(name)
            if let a = f.acronym {
                let bytes = Array(UnsafeBufferPointer(rebasing: text[tokens[a].start..<tokens[a].end]))
                id = "syndicat:" + String(decoding: bytes, as: UTF8.self)
                acronyms[bytes] = (id, name)
            }
            out.append(Entity(type: .collectivite, start: start, end: end, text: String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self),
                normalized: id, attributes: ["kind": "syndicat", "name": name]))
        }
        if !acronyms.isEmpty {
            for t in tokens where t.flags.contains(.allCaps) {
                let bytes = Array(UnsafeBufferPointer(rebasing: text[t.start..<t.end]))
                if let (id, name) = acronyms[bytes] {
                    out.append(Entity(type: .collectivite, start: t.start, end: t.end, text: String(decoding: bytes, as: UTF8.self),
                        normalized: id, attributes: ["kind": "syndicat", "name": name]))
                }
            }
        }
        return out.sorted { $0.start < $1.start }
    }

    private func onlySpaces(_ text: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
        var p = a
        while p < b {
            let c = text[p]
            // spaces, line breaks, apostrophes (d’), no-break spaces
            if c == 0x20 || c == 0x0A || c == 0x27 || c == 0x2D { p += 1; continue }
            if c == 0xC2, p + 1 < b, text[p + 1] == 0xA0 { p += 2; continue }
            if c == 0xE2, p + 2 < b, text[p + 1] == 0x80, text[p + 2] == 0x99 || text[p + 2] == 0xAF { p += 3; continue }
            return false
        }
        return true
    }

    private func gapIs(_ text: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ s: String) -> Bool {
        let g = String(decoding: UnsafeBufferPointer(rebasing: text[a..<b]), as: UTF8.self)
        return g.trimmingCharacters(in: .whitespacesAndNewlines) == s
    }

    private func gapStarts(_ text: UnsafeBufferPointer<UInt8>, _ a: Int, _ s: String) -> Bool {
        let stop = min(text.count, a + 4)
        let g = String(decoding: UnsafeBufferPointer(rebasing: text[a..<stop]), as: UTF8.self)
        return g.trimmingCharacters(in: .whitespaces).hasPrefix(s)
    }

    static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "fr_FR"))
        var out = ""
        var dash = false
        for s in folded.unicodeScalars {
            if s.properties.isAlphabetic || ("0"..."9").contains(s) {
                if dash && !out.isEmpty { out.append("-") }
                out.unicodeScalars.append(s)
                dash = false
            } else {
                dash = true
            }
        }
        return out
    }
}
