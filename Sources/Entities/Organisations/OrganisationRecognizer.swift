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
                    let entry = gazetteer.entries[Int(pattern.entry)]
                    guard entry.kind == .organisation else { continue }
                    if pattern.acronym {
                        var caps = true
                        for t in span.start..<span.end
                        where !tokens[t].flags.contains(.allCaps) && !tokens[t].flags.contains(.numeric) {
                            caps = false
                        }
                        if !caps { continue }
                    } else if span.end - span.start == 1 && !tokens[span.start].flags.contains(.capitalized) {
                        continue
                    }
                    let start = tokens[span.start].start
                    let end = tokens[span.end - 1].end
                    let surface = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
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
}
