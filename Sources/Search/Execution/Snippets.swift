import Foundation

/// The best window of a document's text for a query: the span of about `width` bytes that
/// holds the most distinct matched terms (then the most matches), cut at word boundaries,
/// with every matched token wrapped in `[` `]` (adjacent matches share one pair).
struct SnippetBuilder {
    let analyzer: FrenchAnalyzer
    private let terms: [[UInt8]]
    private let prefixes: [[UInt8]]
    var width = 220
    /// Which words can hold a query term, by their first byte (see
    /// `FrenchAnalyzer.TermFilter`); nil: every word is analyzed.
    private var firstBytes: FrenchAnalyzer.TermFilter.Table?

    init(analyzer: FrenchAnalyzer, terms: Set<String>, prefixes: [String]) {
        self.analyzer = analyzer
        self.terms = terms.map { Array($0.utf8) }
        self.prefixes = prefixes.map { Array($0.utf8) }
        firstBytes = FrenchAnalyzer.TermFilter.Table(firstBytesOf: self.terms + self.prefixes)
    }

    /// Whether words that cannot hold a query term are skipped unanalyzed (tests compare
    /// the snippets with and without).
    var skipsUnwantedWords: Bool {
        get { firstBytes != nil }
        set { firstBytes = newValue ? FrenchAnalyzer.TermFilter.Table(firstBytesOf: terms + prefixes) : nil }
    }

    /// Index of the query term `term` equals (stems) or starts with (prefixes), else nil.
    @inline(__always) private func match(_ term: UnsafeBufferPointer<UInt8>, _ kind: TermKind) -> Int? {
        if kind == .stem {
            for (i, t) in terms.enumerated() where t.count == term.count {
                if t.withUnsafeBufferPointer({ memcmp($0.baseAddress!, term.baseAddress!, term.count) == 0 }) { return i }
            }
        }
        for (i, p) in prefixes.enumerated() where p.count <= term.count {
            if p.isEmpty || p.withUnsafeBufferPointer({ memcmp($0.baseAddress!, term.baseAddress!, p.count) == 0 }) {
                return terms.count + i
            }
        }
        return nil
    }

    /// Once a window holding every query term is found, how many more bytes are scanned
    /// for a window with more matches: a long document is not analyzed to its end.
    static let lookahead = 220

    /// Returns the snippet and the byte offset where its best match starts.
    func snippet(of text: String) -> (text: String, offset: Int) {
        var copy = text
        return copy.withUTF8 { snippet(of: $0) }
    }

    /// The snippet of UTF-8 `text`, and the byte offset where its best match starts.
    /// Analysis starts at byte `from`, a token start (see `SnippetLocator`).
    /// `located`: the postings' positions chose the window (see `SnippetLocator`), so the
    /// first window holding every word is the one, and nothing past it is analyzed.
    /// `until`: with `located`, the token position (counted from `from`, 0 first) past which
    /// the located window has ended: analysis stops there even when the text does not hold
    /// every query word (an OR whose hit has one of them).
    func snippet(
        of b: UnsafeBufferPointer<UInt8>, from: Int = 0, located: Bool = false, until: Int32 = .max
    ) -> (text: String, offset: Int) {
        snippet(of: b, from: from, located: located, until: until, complete: true)!
    }

    /// The same from the first bytes of a text (`b`, a prefix of it, must reach past the
    /// located window: see `SnippetLocator.Start.at`); nil when the snippet would need more
    /// of the text than `b` holds (then ask again with all of it).
    func snippet(ofPrefix b: UnsafeBufferPointer<UInt8>, from: Int, until: Int32) -> (text: String, offset: Int)? {
        snippet(of: b, from: from, located: true, until: until, complete: false)
    }

    /// `complete`: `b` is the whole text; otherwise a prefix of it, and nil is returned
    /// when the result could depend on the bytes after it.
    private func snippet(
        of b: UnsafeBufferPointer<UInt8>, from: Int, located: Bool, until: Int32, complete: Bool
    ) -> (text: String, offset: Int)? {
        let wanted = terms.count + prefixes.count
        var matches: [(start: Int, end: Int, term: Int)] = []
        matches.reserveCapacity(64)
        var counts = [Int](repeating: 0, count: max(wanted, 1))
        var distinct = 0
        var lo = 0
        // Best window: most distinct terms, then most matches (the earliest on ties).
        var best = (distinct: 0, count: 0, first: 0, last: 0)
        var stopAt = Int.max
        let stop = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
        stop.initialize(to: false)
        // `stopAt` in the analyzed slice's offsets, for the words the filter skips.
        let localStopAt = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        localStopAt.initialize(to: Int.max)
        defer {
            stop.deallocate()
            localStopAt.deallocate()
        }
        let from = max(0, min(from, b.count))
        if wanted > 0 {
            let limit = located ? until : .max
            let filter = firstBytes.map {
                FrenchAnalyzer.TermFilter(accepts: UnsafePointer($0.accepts), maxPosition: limit, maxStart: localStopAt)
            }
            analyzer.analyze(UnsafeBufferPointer(rebasing: b[from...]), stop: stop, filter: filter) {
                term, kind, position, localStart, localEnd in
                let start = Int(localStart) + from
                let end = Int(localEnd) + from
                if start > stopAt || position > limit {
                    stop.pointee = true
                    return
                }
                guard term.count > 0, let id = match(term, kind) else { return }
                if let last = matches.last, last.start == start, last.end == end { return }
                matches.append((start, end, id))
                let hi = matches.count - 1
                counts[id] += 1
                if counts[id] == 1 { distinct += 1 }
                while matches[hi].end - matches[lo].start > width {
                    let t = matches[lo].term
                    counts[t] -= 1
                    if counts[t] == 0 { distinct -= 1 }
                    lo += 1
                }
                let count = hi - lo + 1
                if distinct > best.distinct || (distinct == best.distinct && count > best.count) {
                    best = (distinct, count, lo, hi)
                }
                if best.distinct == wanted && stopAt == Int.max {
                    stopAt = located ? matches[best.first].start + width : end + SnippetBuilder.lookahead
                    localStopAt.pointee = stopAt - from
                }
            }
        }
        // From a prefix, the analysis must have ended on a word past the window (every
        // word it used lies inside the prefix), and no match may touch the prefix's end
        // (a word cut short).
        if !complete {
            if !stop.pointee { return nil }
            if let m = matches.last, m.end >= b.count - 1 { return nil }
        }
        if matches.isEmpty { return opening(of: b, complete: complete) }
        let first = matches[best.first].start
        let last = matches[best.last].end
        let slack = max(0, width - (last - first))
        var start = cutStart(b, target: max(0, first - slack / 3))
        if start > first { start = first }
        // Not on white space (a line break after the space the cut found).
        while start < first, SnippetBuilder.isSpace(b[start]) { start += 1 }
        let target = max(last, start + width)
        // The cut (and the character it may finish) must lie inside a prefix.
        if !complete, target + 4 > b.count { return nil }
        let end = trimmedEnd(b, from: last, cutEnd(b, from: last, target: min(b.count, target)))
        guard let cut = SnippetBuilder.hasWords(b, after: end, complete: complete) else { return nil }
        var inside: [(Int, Int)] = []
        inside.reserveCapacity(matches.count)
        for m in matches where m.start >= start && m.end <= end { inside.append((m.start, m.end)) }
        return (render(b, start, end, inside, cut: cut), first)
    }

    /// The text's first `width` bytes, cut at a word: the snippet of a document whose
    /// text holds none of the query's words (it matched on its title or its entities).
    func opening(of b: UnsafeBufferPointer<UInt8>) -> (text: String, offset: Int) {
        opening(of: b, complete: true)!
    }

    /// The same from the first bytes of a text; nil when they are too few to tell.
    func opening(ofPrefix b: UnsafeBufferPointer<UInt8>) -> (text: String, offset: Int)? {
        opening(of: b, complete: false)
    }

    /// Bytes of a text's start that `opening(ofPrefix:)` is sure to do with.
    var openingBytes: Int { width + 64 }

    private func opening(of b: UnsafeBufferPointer<UInt8>, complete: Bool) -> (text: String, offset: Int)? {
        if !complete, width + 4 > b.count { return nil }
        let end = trimmedEnd(b, from: 0, cutEnd(b, from: 0, target: min(b.count, width)))
        guard let cut = SnippetBuilder.hasWords(b, after: end, complete: complete) else { return nil }
        return (render(b, 0, end, [], cut: cut), 0)
    }

    @inline(__always) private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09
    }

    /// Whether anything but white space follows `end` (the snippet is then marked as cut);
    /// nil when `b`, a prefix of the text (not `complete`), ends before telling.
    private static func hasWords(_ b: UnsafeBufferPointer<UInt8>, after end: Int, complete: Bool) -> Bool? {
        var k = end
        while k < b.count {
            if !isSpace(b[k]) { return true }
            k += 1
        }
        return complete ? false : nil
    }

    /// `end` moved back over white space (not before `from`): the " …" of a cut text
    /// follows a word.
    private func trimmedEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int, _ end: Int) -> Int {
        var e = end
        while e > from, SnippetBuilder.isSpace(b[e - 1]) { e -= 1 }
        return e
    }

    /// Moves back to the start of a word.
    private func cutStart(_ b: UnsafeBufferPointer<UInt8>, target: Int) -> Int {
        var i = target
        if i == 0 { return 0 }
        while i < b.count, b[i] & 0xC0 == 0x80 { i += 1 }
        // Skip forward to the next space so the snippet starts on a word.
        var j = i
        while j < b.count, j - i < 30, b[j] != 0x20, b[j] != 0x0A { j += 1 }
        return j < b.count && j - i < 30 ? j + 1 : i
    }

    private func cutEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int, target: Int) -> Int {
        var i = max(from, target)
        if i >= b.count { return b.count }
        while i > from, b[i] != 0x20, b[i] != 0x0A { i -= 1 }
        if i == from { i = max(from, target) }
        while i < b.count, b[i] & 0xC0 == 0x80 { i += 1 }
        return i
    }

    /// The text between `start` and `end` with runs of white space as one space, each mark
    /// in brackets (marks separated by spaces only share one pair), "…" where cut (before:
    /// `start` > 0; after: `cut`).
    private func render(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ marks: [(Int, Int)], cut: Bool) -> String {
        // "…" (U+2026) in UTF-8.
        let ellipsis: (UInt8, UInt8, UInt8) = (0xE2, 0x80, 0xA6)
        // At most: the bytes, a bracket pair per mark, an ellipsis and a space at each end.
        let capacity = (end - start) + 2 * marks.count + 2 * 4
        // Written straight into the string's storage (no byte array copied into it): the
        // bytes come from UTF-8 text, cut at character boundaries.
        return String(unsafeUninitializedCapacity: capacity) { out in
            var n = 0
            @inline(__always) func put(_ c: UInt8) {
                out[n] = c
                n &+= 1
            }
            if start > 0 {
                put(ellipsis.0)
                put(ellipsis.1)
                put(ellipsis.2)
                put(0x20)
            }
            @inline(__always) func plain(_ from: Int, _ to: Int) {
                var lastSpace = false
                var k = from
                while k < to {
                    let c = b[k]
                    if SnippetBuilder.isSpace(c) {
                        if !lastSpace { put(0x20) }
                        lastSpace = true
                    } else {
                        put(c)
                        lastSpace = false
                    }
                    k &+= 1
                }
            }
            var i = start
            var open = false
            for (s, e) in marks where s >= i {
                // Adjacent matches separated only by spaces share one bracket pair.
                var gapIsSpace = open
                if open {
                    var k = i
                    while k < s {
                        if b[k] != 0x20 { gapIsSpace = false; break }
                        k += 1
                    }
                }
                if open && !gapIsSpace {
                    put(UInt8(ascii: "]"))
                    open = false
                }
                plain(i, s)
                if !open {
                    put(UInt8(ascii: "["))
                    open = true
                }
                plain(s, e)
                i = e
            }
            if open { put(UInt8(ascii: "]")) }
            plain(i, end)
            if cut {
                put(0x20)
                put(ellipsis.0)
                put(ellipsis.1)
                put(ellipsis.2)
            }
            return n
        }
    }
}

/// Finds, from the postings' positions, where in a hit's text the query's words cluster,
/// so that the snippet analyzes the text from the restart point just before that place
/// instead of from the start (a long article is not analyzed up to its match).
struct SnippetLocator {
    /// Where a hit's snippet analysis starts.
    enum Start: Equatable {
        /// The postings do not tell: analyze from the start of the text.
        case unknown
        /// From this byte offset, a token start just before the words' best window, which
        /// ends by token `until` counted from there (0 the token at the offset); `through`:
        /// the byte offset of a token start past that one (every token the window may hold
        /// ends before it), `Int.max` when none is known.
        case at(Int, until: Int32, through: Int)
        /// None of the query's words is in the text (the document matched on its title
        /// or its entities): nothing to analyze.
        case absent
    }

    /// Per segment, the query's stems with their postings there.
    private let infos: [[TermInfo]]
    private let segments: [SegmentReader]
    /// Per segment, the surface forms prefixes expanded to (no positions: they only tell
    /// whether a document holds one).
    private let surfaceInfos: [[TermInfo]]
    /// The stems and surface forms are every word the snippet highlights: when none of
    /// them is in a document's text, the snippet's analysis would find nothing.
    private let exhaustive: Bool
    /// Positions of a window (about a snippet's width), and of margin kept before it.
    static let window: Int32 = 32
    static let margin: Int32 = 4

    /// `terms`: the query's stems (looked up here); `expansions`: the terms its prefixes
    /// expanded to, with their postings already found (stems and surface forms).
    /// `exhaustive`: these are all the words the snippet highlights (no prefix had its
    /// expansions cut short).
    init(segments: [SegmentReader], terms: Set<String>, expansions: [TermLeaf] = [], exhaustive: Bool) {
        self.segments = segments
        self.exhaustive = exhaustive && !(terms.isEmpty && expansions.isEmpty)
        // In a fixed order (the window's ties are broken by term order).
        let stems = terms.sorted()
        let expandedStems = expansions.filter { $0.field == .body && !terms.contains($0.text) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
        let expandedSurfaces = expansions.filter { $0.field == .surface }
        infos = segments.enumerated().map { i, s in
            stems.compactMap { s.lookup(.body, $0) } + expandedStems.compactMap { $0.infos[i] }
        }
        surfaceInfos = segments.indices.map { i in expandedSurfaces.compactMap { $0.infos[i] } }
    }

    /// When no stem of the query is at a known place of the text: none of its words is in
    /// it (`.absent`), unless a surface form might be or the words are not all known.
    private func withoutPositions(segment: Int, doc: Int32) -> Start {
        guard exhaustive else { return .unknown }
        for info in surfaceInfos[segment] {
            var it = segments[segment].iterator(info)
            if it.advance(to: doc), it.doc == doc { return .unknown }
        }
        return .absent
    }

    /// The positions of the query's stems in each of `hits` (its title's included), with
    /// the index of the stem: the hits of a segment are taken in document order, so each
    /// stem's postings are walked forward once for all of them, not once per hit.
    func positions(of hits: [(segment: Int, doc: Int32)]) -> [[(position: Int32, term: Int)]] {
        var result = [[(position: Int32, term: Int)]](repeating: [], count: hits.count)
        let order = hits.indices.sorted { (hits[$0].segment, hits[$0].doc) < (hits[$1].segment, hits[$1].doc) }
        var list = PositionList()
        defer { list.deallocate() }
        var k = 0
        while k < order.count {
            let segment = hits[order[k]].segment
            var its = infos[segment].map { segments[segment].iterator($0, positions: true) }
            while k < order.count, hits[order[k]].segment == segment {
                let doc = hits[order[k]].doc
                var found: [(position: Int32, term: Int)] = []
                for t in its.indices {
                    guard its[t].advance(to: doc), its[t].doc == doc else { continue }
                    its[t].positions(into: &list)
                    let n = list.buffer.count
                    if found.count + n > found.capacity { found.reserveCapacity(max(2 * found.capacity, found.count + n, 16)) }
                    for p in list.buffer { found.append((p, t)) }
                }
                result[order[k]] = found
                k += 1
            }
        }
        return result
    }

    /// Where the snippet's analysis of `doc` starts, from the positions of the query's
    /// stems in it (see `positions(of:)`).
    func start(segment: Int, doc: Int32, checkpoints: StoredCheckpoints, positions: [(position: Int32, term: Int)]) -> Start {
        guard !infos[segment].isEmpty else { return withoutPositions(segment: segment, doc: doc) }
        var found: [(position: Int32, term: Int)] = []
        found.reserveCapacity(positions.count)
        for (p, t) in positions where p >= checkpoints.base { found.append((p - checkpoints.base, t)) }
        guard !found.isEmpty else { return withoutPositions(segment: segment, doc: doc) }
        found.sort { $0.position < $1.position }
        // Best window: most distinct words, then most occurrences, the earliest on ties.
        var counts = [Int](repeating: 0, count: infos[segment].count)
        var distinct = 0
        var lo = 0
        var best = (distinct: 0, count: 0, first: Int32(0))
        for hi in 0..<found.count {
            counts[found[hi].term] += 1
            if counts[found[hi].term] == 1 { distinct += 1 }
            while found[hi].position - found[lo].position > SnippetLocator.window {
                counts[found[lo].term] -= 1
                if counts[found[lo].term] == 0 { distinct -= 1 }
                lo += 1
            }
            let count = hi - lo + 1
            if distinct > best.distinct || (distinct == best.distinct && count > best.count) {
                best = (distinct, count, found[lo].position)
            }
        }
        // The window's last position, plus a margin: a compound's parts and a multi-word
        // term may sit a few positions past the stem that was found.
        let last = best.first + SnippetLocator.window + SnippetLocator.margin
        let (restart, through) = checkpoints.around(best.first - SnippetLocator.margin, past: last)
        return .at(restart.offset, until: last - restart.position, through: through ?? Int.max)
    }
}
