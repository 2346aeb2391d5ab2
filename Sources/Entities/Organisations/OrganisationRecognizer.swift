/// Finds organisations (ministère, DAECT, CNCD, AFD, Cités Unies France…) from the same
/// trie walk as places: acronyms only in capitals, one-word names only capitalized,
/// longest name first, no overlap.
struct OrganisationRecognizer: Sendable {
    let gazetteer: Gazetteer

    func recognize(_ tokens: [Token], spans: TrieMatches, text: UnsafeBufferPointer<UInt8>) -> [Entity] {
        var out: [Entity] = []
        var i = 0
        while i < tokens.count {
            var next = i + 1
            search: for span in spans.starting(at: i).reversed() {
                var p = gazetteer.trie.firstPattern(span.node)
                while p >= 0 {
                    defer { p = gazetteer.trie.nextPattern(p) }
                    let pattern = gazetteer.patterns[Int(p)]
                    guard gazetteer.info[Int(pattern.entry)].kind == .organisation else { continue }
                    if pattern.acronym {
                        var caps = true
                        for t in span.start..<span.end
                        where !tokens[t].flags.contains(.allCaps) && !tokens[t].flags.contains(.numeric) {
                            caps = false
                        }
                        if !caps { continue }
                    } else {
                        // A name, not a phrase of ordinary words: some word is capitalized.
                        var capitalized = false
                        for t in span.start..<span.end where tokens[t].flags.contains(.capitalized) { capitalized = true }
                        if !capitalized || (span.end - span.start == 1 && !tokens[span.start].flags.contains(.capitalized)) {
                            continue
                        }
                    }
                    if Self.insideURL(text, tokens[span.start].start) { continue }
                    let start = tokens[span.start].start
                    let end = tokens[span.end - 1].end
                    let surface = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
                    let entry = gazetteer.entries[Int(pattern.entry)]
                    out.append(
                        Entity(type: .organisation, start: start, end: end, text: surface, normalized: entry.id,
                            attributes: ["name": entry.name]))
                    next = span.end
                    break search
                }
            }
            i = next
        }
        return out
    }

    /// True when `offset` is inside a URL or an e-mail address ("www.cites-unies-france.org").
    static func insideURL(_ text: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        var p = offset - 1
        var slashes = 0
        while p >= 0 && offset - p < 200 {
            let c = text[p]
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x28 || c == 0x3C { return false }
            if c == 0x40 { return true }  // @
            if c == 0x2F { slashes += 1; if slashes >= 2 { return true } }
            if c == 0x2E, p >= 3, text[p - 1] == 0x77, text[p - 2] == 0x77, text[p - 3] == 0x77 { return true }  // www.
            p -= 1
        }
        return false
    }
}
