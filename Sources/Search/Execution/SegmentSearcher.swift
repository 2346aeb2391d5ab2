/// Evaluates a compiled query in one segment: term postings decoded into `Matches`,
/// AND clauses filtered through skip-aware iterators (cheapest clause first), phrases
/// checked on positions, BM25 scores accumulated.
struct SegmentSearcher {
    let segment: SegmentReader
    let index: Int
    let deletions: DeletionSet?
    let body: BM25
    let title: BM25
    /// Scratch space of the reader, reused from query to query.
    let scratch: DenseScratch

    func isLive(_ doc: Int32) -> Bool { !(deletions?.contains(doc) ?? false) }

    /// Score of the current posting of `it` for `leaf`; nil when a title-only leaf's word
    /// is not in this document's title.
    @inline(__always) func score(_ leaf: TermLeaf, _ it: PostingIterator) -> Float? {
        let doc = it.doc
        switch leaf.scoring {
        case .body:
            var s = body.score(idf: leaf.idf, tf: Float(it.freq), length: segment.bodyLength(doc))
            if it.inTitle {
                s += BM25.titleBoost * title.score(idf: leaf.idf, tf: 1, length: segment.titleLength(doc))
            }
            return s
        case .entity:
            return body.score(idf: leaf.idf, tf: Float(it.freq), length: segment.bodyLength(doc))
        case .title:
            guard it.inTitle else { return nil }
            return title.score(idf: leaf.idf, tf: 1, length: segment.titleLength(doc))
        case .none:
            return 0
        }
    }

    func evaluate(_ plan: QueryPlan) -> Matches {
        switch plan {
        case .leaf(let l): return termMatches(l)
        case .phrase(let ls, let offsets): return phrase(ls, offsets)
        case .anyTerm(let ls): return anyTerm(ls)
        case .and(let ps): return and(ps)
        case .or(let ps):
            // Words and expansions only: one dense accumulation, no list merging.
            if let leaves = SegmentSearcher.disjunctionLeaves(plan) { return anyTerm(leaves) }
            var acc = Matches()
            for p in ps {
                let m = evaluate(p)
                acc = acc.count == 0 ? m : acc.union(m)
            }
            return acc
        case .not(let p): return allDocs().subtract(evaluate(p))
        case .all: return allDocs()
        case .nothing: return Matches()
        }
    }

    func allDocs() -> Matches {
        var m = Matches()
        m.docs = Array(0..<Int32(segment.docCount))
        m.scores = [Float](repeating: 0, count: segment.docCount)
        return m
    }

    func termMatches(_ l: TermLeaf) -> Matches {
        var m = Matches()
        guard let info = l.infos[index] else { return m }
        m.docs.reserveCapacity(info.docFreq)
        m.scores.reserveCapacity(info.docFreq)
        var it = segment.iterator(info)
        if l.scoring == .body {
            let bodyWeight = body.weight(idf: l.idf)
            let titleWeight = title.weight(idf: l.idf, boost: BM25.titleBoost)
            PostingBatch.forEach(&it) { doc, freq, inTitle in
                var s = bodyWeight.score(tf: Float(freq), length: segment.bodyLength(doc))
                if inTitle { s += titleWeight.score(tf: 1, length: segment.titleLength(doc)) }
                m.append(doc, s)
            }
            return m
        }
        while it.next() {
            if let s = score(l, it) { m.append(it.doc, s) }
        }
        return m
    }

    /// Keeps the documents of `m` that contain `l`, adding its score (skips through blocks);
    /// with `exclude`, keeps those that do not.
    func filter(_ m: Matches, by l: TermLeaf, exclude: Bool = false) -> Matches {
        guard let info = l.infos[index] else { return exclude ? m : Matches() }
        var out = Matches()
        var it = segment.iterator(info)
        var exhausted = false
        for i in 0..<m.count {
            let d = m.docs[i]
            var s: Float? = nil
            if !exhausted {
                if it.advance(to: d) {
                    if it.doc == d { s = score(l, it) }
                } else {
                    exhausted = true
                }
            }
            if exclude {
                if s == nil { out.append(d, m.scores[i]) }
            } else if let s {
                out.append(d, m.scores[i] + s)
            }
        }
        return out
    }

    func and(_ plans: [QueryPlan]) -> Matches {
        var positives = plans.filter {
            if case .not = $0 { return false }
            if case .all = $0 { return false }
            return true
        }
        let negatives = plans.compactMap { p -> QueryPlan? in
            if case .not(let q) = p { return q }
            return nil
        }
        positives.sort { $0.cost < $1.cost }
        // The words themselves first: leapfrog their postings, score only common documents.
        var leaves: [TermLeaf] = []
        var others: [QueryPlan] = []
        for p in positives {
            if case .leaf(let l) = p { leaves.append(l) } else { others.append(p) }
        }
        var acc: Matches
        if leaves.count >= 2 {
            acc = conjunction(leaves)
            for p in others {
                if acc.count == 0 { break }
                acc = acc.intersect(evaluate(p))
            }
        } else if let first = positives.first {
            acc = evaluate(first)
            for p in positives.dropFirst() {
                if acc.count == 0 { break }
                if case .leaf(let l) = p {
                    acc = filter(acc, by: l)
                } else {
                    acc = acc.intersect(evaluate(p))
                }
            }
        } else {
            acc = allDocs()
        }
        for n in negatives {
            if acc.count == 0 { break }
            if case .leaf(let l) = n {
                acc = filter(acc, by: l, exclude: true)
            } else {
                acc = acc.subtract(evaluate(n))
            }
        }
        return acc
    }

    /// Documents holding every term (rarest first, each iterator jumping to the others'
    /// candidates through its skip table), with their scores summed.
    func conjunction(_ leaves: [TermLeaf]) -> Matches {
        var its: [PostingIterator] = []
        for l in leaves.sorted(by: { $0.docFreq < $1.docFreq }) {
            guard let info = l.infos[index] else { return Matches() }
            its.append(segment.iterator(info))
        }
        let ordered = leaves.sorted(by: { $0.docFreq < $1.docFreq })
        let weights = ordered.map { l -> (body: BM25.Weight, title: BM25.Weight)? in
            l.scoring == .body ? (body.weight(idf: l.idf), title.weight(idf: l.idf, boost: BM25.titleBoost)) : nil
        }
        var out = Matches()
        out.docs.reserveCapacity(its[0].docFreq)
        out.scores.reserveCapacity(its[0].docFreq)
        let n = its.count
        its.withUnsafeMutableBufferPointer { its in
            guard its[0].next() else { return }
            var target = its[0].doc
            outer: while true {
                var k = 1
                while k < n {
                    guard its[k].advance(to: target) else { break outer }
                    if its[k].doc != target {
                        // Behind: the lead catches up and every iterator is checked again.
                        guard its[0].advance(to: its[k].doc) else { break outer }
                        target = its[0].doc
                        k = 1
                        continue
                    }
                    k += 1
                }
                var total: Float = 0
                var all = true
                for j in 0..<n {
                    if let w = weights[j] {
                        let doc = its[j].doc
                        total += w.body.score(tf: Float(its[j].freq), length: segment.bodyLength(doc))
                        if its[j].inTitle { total += w.title.score(tf: 1, length: segment.titleLength(doc)) }
                        continue
                    }
                    guard let s = score(ordered[j], its[j]) else {
                        all = false
                        break
                    }
                    total += s
                }
                if all { out.append(target, total) }
                guard its[0].next() else { break }
                target = its[0].doc
            }
        }
        return out
    }

    /// The terms of a plan that is a disjunction of terms only (words, prefix expansions),
    /// nil for any other plan.
    static func disjunctionLeaves(_ plan: QueryPlan) -> [TermLeaf]? {
        switch plan {
        case .anyTerm(let ls): return ls
        case .or(let ps):
            var leaves: [TermLeaf] = []
            for p in ps {
                switch p {
                case .leaf(let l): leaves.append(l)
                case .anyTerm(let ls): leaves.append(contentsOf: ls)
                default: return nil
                }
            }
            return leaves
        default: return nil
        }
    }

    func anyTerm(_ leaves: [TermLeaf]) -> Matches {
        let present = leaves.filter { $0.infos[index] != nil }
        if present.isEmpty { return Matches() }
        if present.count == 1 { return termMatches(present[0]) }
        let touched = accumulate(present)
        return scratch.collect(docCount: segment.docCount, touched: touched)
    }

    /// Visits every document matching any of `leaves` with its summed score, in increasing
    /// order, without building a match list (top-k of a disjunction); returns how many.
    func forEachAnyTerm(_ leaves: [TermLeaf], _ body: (Int32, Float) -> Void) -> Int {
        let present = leaves.filter { $0.infos[index] != nil }
        if present.isEmpty { return 0 }
        let touched = accumulate(present)
        scratch.drain(docCount: segment.docCount, body)
        return touched
    }

    /// Adds the scores of every posting of `present` (terms of this segment) into the
    /// scratch accumulators; returns the number of documents touched.
    private func accumulate(_ present: [TermLeaf]) -> Int {
        // Dense accumulation: one pass per term, no merging, in the reader's reusable
        // scratch (no allocation or clearing of a segment-sized array per query).
        let docCount = segment.docCount
        let (scores, seen) = scratch.buffers(docCount: docCount)
        var touched = 0
        for l in present {
            var it = segment.iterator(l.infos[index]!)
            if l.scoring == .body {
                // The common case on its own loop: constants hoisted, one division per posting.
                let bodyWeight = body.weight(idf: l.idf)
                let titleWeight = title.weight(idf: l.idf, boost: BM25.titleBoost)
                PostingBatch.forEach(&it) { doc, freq, inTitle in
                    let d = Int(doc)
                    guard d >= 0, d < docCount else { return }
                    var s = bodyWeight.score(tf: Float(freq), length: segment.bodyLength(doc))
                    if inTitle { s += titleWeight.score(tf: 1, length: segment.titleLength(doc)) }
                    let bit: UInt64 = 1 << UInt64(d & 63)
                    if seen[d >> 6] & bit == 0 {
                        seen[d >> 6] |= bit
                        scores[d] = s
                        touched += 1
                    } else {
                        scores[d] += s
                    }
                }
            } else {
                while it.next() {
                    let d = Int(it.doc)
                    guard d < docCount else { break }
                    guard let s = score(l, it) else { continue }
                    let bit: UInt64 = 1 << UInt64(d & 63)
                    if seen[d >> 6] & bit == 0 {
                        seen[d >> 6] |= bit
                        scores[d] = s
                        touched += 1
                    } else {
                        scores[d] += s
                    }
                }
            }
        }
        return touched
    }

    /// Documents containing the terms at the given relative positions. Scored like one
    /// term whose frequency is the number of phrase occurrences, with the terms' idf summed.
    func phrase(_ leaves: [TermLeaf], _ offsets: [Int32]) -> Matches {
        var out = Matches()
        var its: [PostingIterator] = []
        for l in leaves {
            guard let info = l.infos[index] else { return out }
            its.append(segment.iterator(info, positions: true))
        }
        let idf = leaves.reduce(Float(0)) { $0 + $1.idf }
        let n = its.count
        // Drive with the rarest term.
        let order = (0..<n).sorted { leaves[$0].docFreq < leaves[$1].docFreq }
        let lead = order[0]
        if n == 2 { return twoTermPhrase(its[lead], its[order[1]], leadFirst: lead == 0, offsets, idf: idf) }
        var positions = [PositionList](repeating: PositionList(), count: n)
        defer { for k in 0..<n { positions[k].deallocate() } }
        var cursors = [Int](repeating: 0, count: n)
        outer: while its[lead].next() {
            var target = its[lead].doc
            // Leapfrog until every iterator agrees on one document.
            var agreed = false
            while !agreed {
                agreed = true
                for k in order {
                    if !its[k].advance(to: target) { break outer }
                    if its[k].doc > target {
                        target = its[k].doc
                        agreed = false
                        break
                    }
                }
                if !agreed {
                    if !its[lead].advance(to: target) { break outer }
                    target = its[lead].doc
                }
            }
            let doc = target
            for k in 0..<n { its[k].positions(into: &positions[k]) }
            let count = positions.withUnsafeBufferPointer { PhraseCounter.occurrences($0, offsets, cursors: &cursors) }
            if count > 0 {
                out.append(doc, body.score(idf: idf, tf: Float(count), length: segment.bodyLength(doc)))
            }
        }
        return out
    }
}

extension SegmentSearcher {
    /// The common phrase of two words, on two local iterators (no array of iterators to
    /// re-check on every step): intersect, then merge the two position lists.
    func twoTermPhrase(
        _ leadIterator: PostingIterator, _ otherIterator: PostingIterator, leadFirst: Bool, _ offsets: [Int32], idf: Float
    ) -> Matches {
        var a = leadIterator
        var b = otherIterator
        var out = Matches()
        out.docs.reserveCapacity(min(a.docFreq, b.docFreq))
        out.scores.reserveCapacity(min(a.docFreq, b.docFreq))
        var pa = PositionList()
        var pb = PositionList()
        defer {
            pa.deallocate()
            pb.deallocate()
        }
        let weight = body.weight(idf: idf)
        // Position of the second word relative to the first, seen from the lead's list.
        let shift = leadFirst ? offsets[1] - offsets[0] : offsets[0] - offsets[1]
        guard a.next() else { return out }
        while true {
            let target = a.doc
            guard b.advance(to: target) else { break }
            if b.doc != target {
                guard a.advance(to: b.doc) else { break }
                continue
            }
            a.positions(into: &pa)
            b.positions(into: &pb)
            let la = pa.buffer
            let lb = pb.buffer
            var i = 0
            var j = 0
            var count: Int32 = 0
            while i < la.count, j < lb.count {
                let want = la[i] &+ shift
                let have = lb[j]
                if have < want {
                    j += 1
                } else {
                    if have == want { count += 1 }
                    i += 1
                }
            }
            if count > 0 {
                out.append(target, weight.score(tf: Float(count), length: segment.bodyLength(target)))
            }
            guard a.next() else { break }
        }
        return out
    }
}

/// Counts the starts p such that term k occurs at p + offsets[k] for every k.
enum PhraseCounter {
    static func occurrences(_ positions: UnsafeBufferPointer<PositionList>, _ offsets: [Int32], cursors: inout [Int]) -> Int32 {
        let n = positions.count
        if n == 2 {
            // The common case, two words: one merge of two sorted lists.
            let a = positions[0].buffer
            let b = positions[1].buffer
            let shift = offsets[1] - offsets[0]
            var i = 0
            var j = 0
            var count: Int32 = 0
            while i < a.count, j < b.count {
                let want = a[i] + shift
                let have = b[j]
                if have < want {
                    j += 1
                } else {
                    if have == want { count += 1 }
                    i += 1
                }
            }
            return count
        }
        for k in 0..<n { cursors[k] = 0 }
        var count: Int32 = 0
        for p0 in positions[0].buffer {
            let start = p0 - offsets[0]
            var ok = true
            for k in 1..<n {
                let want = start + offsets[k]
                let list = positions[k].buffer
                var c = cursors[k]
                while c < list.count, list[c] < want { c += 1 }
                cursors[k] = c
                if c >= list.count || list[c] != want {
                    ok = false
                    break
                }
            }
            if ok { count += 1 }
        }
        return count
    }
}

/// Per-document score accumulators for one segment, reused across queries: only the
/// documents touched by a query are cleared afterwards. One reader, one thread at a time.
final class DenseScratch {
    private var scores: UnsafeMutablePointer<Float>
    private var seen: UnsafeMutablePointer<UInt64>
    private var capacity = 0

    init() {
        scores = .allocate(capacity: 1)
        seen = .allocate(capacity: 1)
    }

    deinit {
        scores.deallocate()
        seen.deallocate()
    }

    private func ensure(_ docCount: Int) {
        guard docCount > capacity else { return }
        scores.deallocate()
        seen.deallocate()
        let words = (docCount + 63) / 64
        scores = .allocate(capacity: docCount)
        scores.initialize(repeating: 0, count: docCount)
        seen = .allocate(capacity: words)
        seen.initialize(repeating: 0, count: words)
        capacity = docCount
    }

    /// The score accumulators and the bitmap of documents seen, for `docCount` documents
    /// (all bits clear). Fill them, then call `collect`.
    func buffers(docCount: Int) -> (scores: UnsafeMutablePointer<Float>, seen: UnsafeMutablePointer<UInt64>) {
        ensure(docCount)
        return (scores, seen)
    }

    /// Visits the documents whose bit is set, in increasing order with their scores, and
    /// clears the bitmap for the next query.
    @inline(__always)
    func drain(docCount: Int, _ body: (Int32, Float) -> Void) {
        let scores = self.scores
        let seen = self.seen
        let words = (docCount + 63) / 64
        for w in 0..<words {
            var bits = seen[w]
            guard bits != 0 else { continue }
            seen[w] = 0
            while bits != 0 {
                let d = w << 6 | bits.trailingZeroBitCount
                body(Int32(d), scores[d])
                bits &= bits &- 1
            }
        }
    }

    /// The documents whose bit is set, in increasing order with their scores (`touched`
    /// of them); clears the bitmap for the next query.
    func collect(docCount: Int, touched: Int) -> Matches {
        var m = Matches()
        m.docs.reserveCapacity(touched)
        m.scores.reserveCapacity(touched)
        drain(docCount: docCount) { d, s in m.append(d, s) }
        return m
    }
}

/// Full scans of a term's postings by batches of `PostingsFormat.blockSize` decoded at once.
enum PostingBatch {
    @inline(__always)
    static func forEach(_ it: inout PostingIterator, _ body: (Int32, Int32, Bool) -> Void) {
        let capacity = PostingsFormat.blockSize
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: capacity * 2) { ints in
            withUnsafeTemporaryAllocation(of: Bool.self, capacity: capacity) { titles in
                let docs = ints.baseAddress!
                let freqs = docs + capacity
                let t = titles.baseAddress!
                while true {
                    let n = it.nextBatch(docs: docs, freqs: freqs, titles: t, capacity: capacity)
                    if n == 0 { return }
                    for k in 0..<n { body(docs[k], freqs[k], t[k]) }
                }
            }
        }
    }
}
