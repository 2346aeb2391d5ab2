import Entities
import Extraction
import Foundation
import HeapModule

/// Read access to an index at one commit point: opens the manifest it finds and maps the
/// segment files, so it never sees a half-written commit; needs no lock. Searches run on
/// one thread at a time per reader (the analyzer caches per word).
public final class IndexReader: @unchecked Sendable {
    public let directory: String
    let manifest: Manifest
    let segments: [SegmentReader]
    let deletions: [DeletionSet?]
    /// Documents per segment including deleted ones (the BM25 statistics base).
    let docCount: Int
    private let bodyBM25: BM25
    private let titleBM25: BM25
    private let analyzer = FrenchAnalyzer()
    /// Per-segment accumulators reused by the queries of this reader.
    private let scratch: [DenseScratch]
    private let resolver: EntityNameResolver

    /// Opens the index at `directory`. Throws `IndexError.missing` when there is none.
    public static func open(directory: String) throws -> IndexReader {
        // A writer may replace the manifest and delete old segments between our reads:
        // retry on the new manifest.
        var lastError: Error = IndexError.missing(directory: directory)
        for _ in 0..<5 {
            guard let manifest = try Manifest.read(directory: directory) else {
                throw IndexError.missing(directory: directory)
            }
            do {
                return try IndexReader(directory: directory, manifest: manifest, resolver: EntityNameResolver())
            } catch {
                lastError = error
                if let again = try? Manifest.read(directory: directory), again != manifest { continue }
                throw error
            }
        }
        throw lastError
    }

    /// Opens with a given entity resolver (tests inject one without reference data).
    static func open(directory: String, resolver: EntityNameResolver) throws -> IndexReader {
        guard let manifest = try Manifest.read(directory: directory) else { throw IndexError.missing(directory: directory) }
        return try IndexReader(directory: directory, manifest: manifest, resolver: resolver)
    }

    private init(directory: String, manifest: Manifest, resolver: EntityNameResolver) throws {
        self.directory = directory
        self.manifest = manifest
        self.resolver = resolver
        var segs: [SegmentReader] = []
        var dels: [DeletionSet?] = []
        var n = 0
        var bodySum: UInt64 = 0
        var titleSum: UInt64 = 0
        for e in manifest.segments {
            let s = try SegmentReader(name: e.name, path: IndexFiles.segmentPath(directory, e.name))
            guard s.docCount == e.docCount else {
                throw IndexError.corrupt(directory: directory, reason: "segment \(e.name) incohérent avec le manifeste")
            }
            segs.append(s)
            dels.append(try e.deletions.map { try DeletionSet.read(path: directory + "/" + $0, docCount: e.docCount, directory: directory) })
            n += s.docCount
            bodySum += s.bodyLengthSum
            titleSum += s.titleLengthSum
        }
        segments = segs
        deletions = dels
        scratch = segs.map { _ in DenseScratch() }
        docCount = n
        bodyBM25 = BM25(averageLength: n > 0 ? Float(Double(bodySum) / Double(n)) : 1)
        titleBM25 = BM25(averageLength: n > 0 ? Float(Double(titleSum) / Double(n)) : 1)
    }

    /// Live documents.
    public var documentCount: Int {
        zip(segments, deletions).reduce(0) { $0 + $1.0.docCount - ($1.1?.count ?? 0) }
    }

    /// Parses `text` with the query language of the contract and searches.
    public func search(_ text: String, limit: Int = 10, offset: Int = 0, facets: Bool = false) throws -> SearchResults {
        let query = try QueryParser.parse(text)
        return search(query, text: text, limit: limit, offset: offset, facets: facets)
    }

    private struct Candidate: Comparable {
        /// Full matches first, then partial ones by number of words matched.
        var tier: Int
        var score: Float
        var segment: Int
        var doc: Int32
        var partial: Bool

        static func < (a: Candidate, b: Candidate) -> Bool {
            if a.tier != b.tier { return a.tier < b.tier }
            if a.score != b.score { return a.score < b.score }
            // Lower segment/doc ranks higher on ties: they are "greater".
            if a.segment != b.segment { return a.segment > b.segment }
            return a.doc > b.doc
        }
    }

    /// Keeps `c` if it is among the `k` best seen so far.
    @inline(__always)
    private static func offer(_ c: Candidate, to heap: inout Heap<Candidate>, k: Int) {
        if heap.count < k {
            heap.insert(c)
        } else if let min = heap.min, min < c {
            _ = heap.popMin()
            heap.insert(c)
        }
    }

    /// Searches with a parsed query. `text` is echoed in the results.
    public func search(_ query: Query, text: String, limit: Int = 10, offset: Int = 0, facets wantFacets: Bool = false) -> SearchResults {
        let started = DispatchTime.now().uptimeNanoseconds
        var compiler = QueryCompiler(segments: segments, docCount: docCount, analyzer: analyzer, resolver: resolver)
        var plan = compiler.compile(query)
        // Only stop words ("la", "de"): nothing to look for.
        if case .all = plan { plan = .nothing }
        let k = max(0, offset) + max(0, limit)

        var total = 0
        var heap = Heap<Candidate>()
        var fullMatches: [Matches] = []
        // A disjunction of terms without facets goes straight from the score accumulators to
        // the top k: no match list is built.
        let disjunction = wantFacets ? nil : SegmentSearcher.disjunctionLeaves(plan)
        for (i, segment) in segments.enumerated() {
            let searcher = SegmentSearcher(segment: segment, index: i, deletions: deletions[i], body: bodyBM25, title: titleBM25, scratch: scratch[i])
            if let leaves = disjunction {
                var floor = heap.count < k ? -Float.infinity : heap.min?.score ?? .infinity
                let dels = deletions[i].flatMap { $0.count > 0 ? $0 : nil }
                var deleted = 0
                let visited = searcher.forEachAnyTerm(leaves) { doc, score in
                    if let dels, dels.contains(doc) {
                        deleted += 1
                        return
                    }
                    guard k > 0, heap.count < k || score >= floor else { return }
                    IndexReader.offer(Candidate(tier: Int.max, score: score, segment: i, doc: doc, partial: false), to: &heap, k: k)
                    if heap.count == k { floor = heap.min!.score }
                }
                total += visited - deleted
                continue
            }
            var live = searcher.evaluate(plan)
            if let dels = deletions[i], dels.count > 0 {
                var kept = Matches()
                kept.docs.reserveCapacity(live.count)
                kept.scores.reserveCapacity(live.count)
                for j in 0..<live.count where !dels.contains(live.docs[j]) { kept.append(live.docs[j], live.scores[j]) }
                live = kept
            }
            total += live.count
            if k > 0 {
                // Most documents lose against the k-th best score: compare the float first.
                var floor = heap.count < k ? -Float.infinity : heap.min?.score ?? .infinity
                live.docs.withUnsafeBufferPointer { docs in
                    live.scores.withUnsafeBufferPointer { scores in
                        for j in 0..<docs.count where heap.count < k || scores[j] >= floor {
                            IndexReader.offer(
                                Candidate(tier: Int.max, score: scores[j], segment: i, doc: docs[j], partial: false), to: &heap, k: k)
                            if heap.count == k { floor = heap.min!.score }
                        }
                    }
                }
            }
            if wantFacets { fullMatches.append(live) }
        }

        // Partial fill: documents holding most (not all) of the words.
        if total < k, case .and(let clauses) = plan {
            let words = clauses.filter(\.isWordClause)
            let required = clauses.filter { !$0.isWordClause }
            if words.count >= 2 {
                for (i, segment) in segments.enumerated() {
                    let searcher = SegmentSearcher(segment: segment, index: i, deletions: deletions[i], body: bodyBM25, title: titleBM25, scratch: scratch[i])
                    var counts = [UInt8](repeating: 0, count: segment.docCount)
                    var scores = [Float](repeating: 0, count: segment.docCount)
                    for w in words {
                        let m = searcher.evaluate(w)
                        for j in 0..<m.count {
                            let d = Int(m.docs[j])
                            counts[d] &+= 1
                            scores[d] += m.scores[j]
                        }
                    }
                    var cand = Matches()
                    for d in 0..<counts.count where counts[d] > 0 && Int(counts[d]) < words.count && searcher.isLive(Int32(d)) {
                        cand.append(Int32(d), scores[d])
                    }
                    if !required.isEmpty, cand.count > 0 {
                        cand = searcher.and([.all] + required).intersect(cand)
                    }
                    for j in 0..<cand.count {
                        let d = Int(cand.docs[j])
                        IndexReader.offer(
                            Candidate(tier: Int(counts[d]), score: cand.scores[j], segment: i, doc: cand.docs[j], partial: true),
                            to: &heap, k: k)
                    }
                }
            }
        }

        var ranked: [Candidate] = []
        ranked.reserveCapacity(heap.count)
        while let c = heap.popMax() { ranked.append(c) }
        let page = ranked.dropFirst(max(0, offset)).prefix(max(0, limit))

        let snippets = SnippetBuilder(analyzer: analyzer, terms: compiler.highlightTerms, prefixes: compiler.highlightPrefixes)
        let locator = page.isEmpty ? nil : SnippetLocator(
            segments: segments, terms: compiler.highlightTerms, expansions: compiler.expansionLeaves,
            exhaustive: !compiler.prefixTruncated)
        let located = locator?.positions(of: page.map { ($0.segment, $0.doc) })
        var hits: [SearchHit] = []
        for (k, c) in page.enumerated() {
            let h = segments[c.segment].withHit(c.doc) { fields, text in
                let start =
                    locator?.start(segment: c.segment, doc: c.doc, checkpoints: fields.checkpoints, positions: located?[k] ?? [])
                    ?? .unknown
                return hit(fields, text, start: start, candidate: c, snippets: snippets)
            }
            if let h { hits.append(h) }
        }

        var facetResult: [String: [(value: String, count: Int)]]? = nil
        if wantFacets { facetResult = facets(fullMatches) }
        let took = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        return SearchResults(query: text, total: total, tookMilliseconds: took, hits: hits, facets: facetResult)
    }

    /// The hit of `c`, its snippet from as little of its text as it needs; nil when its
    /// record is damaged.
    private func hit(
        _ d: StoredHitFields, _ text: HitText, start: SnippetLocator.Start, candidate c: Candidate, snippets: SnippetBuilder
    ) -> SearchHit? {
        let made: (text: String, offset: Int)?
        switch start {
        case .unknown:
            made = text.whole.map { snippets.snippet(of: $0) }
        case .at(let from, let until, let through):
            // A little past the located window (the snippet nearly always lies before it),
            // then more, then all of the text if that was too little.
            let past = { (margin: Int) in through >= Int.max - margin ? Int.max : through + margin }
            made = text.read(first: past(64), then: past(snippets.width + 256)) { b, whole in
                whole
                    ? snippets.snippet(of: b, from: from, located: true, until: until)
                    : snippets.snippet(ofPrefix: b, from: from, until: until)
            }
        case .absent:
            made = text.read(first: snippets.openingBytes) { b, whole in
                whole ? snippets.opening(of: b) : snippets.opening(ofPrefix: b)
            }
        }
        guard let (snippet, offset) = made else { return nil }
        var page: Int? = nil
        for b in d.pages where b.start <= offset && offset < max(b.end, b.start + 1) {
            page = b.page
            break
        }
        return SearchHit(
            id: d.id, source: d.source, item: d.item, title: d.title, date: d.date, format: d.format,
            page: page, score: Double(c.score), partial: c.partial, snippet: snippet, entities: d.entities)
    }

    private func facets(_ matches: [Matches]) -> [String: [(value: String, count: Int)]] {
        var counts: [String: [String: Int]] = [:]
        for f in EntityTerms.facetFamilies { counts[f] = [:] }
        for (i, m) in matches.enumerated() {
            let segment = segments[i]
            let values = segment.facetValues()
            var local = [Int](repeating: 0, count: values.count)
            for d in m.docs {
                segment.forEachFacet(of: d) { f in if f < local.count { local[f] += 1 } }
            }
            for (f, n) in local.enumerated() where n > 0 {
                let v = values[f]
                guard let colon = v.firstIndex(of: ":") else { continue }
                let family = String(v[..<colon])
                counts[family, default: [:]][String(v[v.index(after: colon)...]), default: 0] += n
            }
        }
        return counts.mapValues { dict in
            dict.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
        }
    }

    /// Figures for `cooplex stats`.
    public func statistics() -> IndexStatistics {
        var terms = 0
        var indexBytes = 0
        var storeBytes = 0
        var total = 0
        var sources = Set<String>()
        for s in segments {
            terms += s.terms.termCount
            let b = s.sizeBreakdown
            indexBytes += b.index
            storeBytes += b.store
            total += b.total
            for (src, _) in s.sourceTable() { sources.insert(src) }
        }
        for e in manifest.segments {
            if let d = e.deletions {
                var st = stat()
                if stat(directory + "/" + d, &st) == 0 { total += Int(st.st_size) }
            }
        }
        var st = stat()
        if stat(directory + "/" + Manifest.fileName, &st) == 0 { total += Int(st.st_size) }
        let deleted = deletions.reduce(0) { $0 + ($1?.count ?? 0) }
        return IndexStatistics(
            documents: documentCount, deletedDocuments: deleted, segments: segments.count, terms: terms,
            sources: sources.count, bytesOnDisk: total, indexBytes: indexBytes, storeBytes: storeBytes,
            generation: manifest.generation)
    }

    /// Every live stored document with its entities, segment by segment (for exports).
    public func forEachStoredDocument(_ body: (StoredDocument) throws -> Void) throws {
        for (i, s) in segments.enumerated() {
            try s.forEachDocument { doc, stored in
                if let d = deletions[i], d.contains(doc) { return }
                try body(stored)
            }
        }
    }
}
