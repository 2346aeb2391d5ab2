import Foundation
import Entities
import Extraction

/// Buffers documents of one future segment in memory: postings per term (doc ids,
/// frequencies, positions), norms, compressed stored fields, facet values and the source
/// table. Not thread-safe: each indexing thread owns one builder and one analyzer.
final class SegmentBuilder {
    private var terms = TermInterner()
    /// Per term, its doc stream and its positions stream, in `pool`.
    private var docStreams: [ByteSlicePool.Stream] = []
    private var posStreams: [ByteSlicePool.Stream] = []
    private var pool = ByteSlicePool()
    private var lastDoc: [Int32] = []
    private var docFreqs: [Int32] = []
    /// docId + 1 of the last document whose title holds the term.
    private var titleMark: [Int32] = []
    /// The last stem emitted, to skip a surface form equal to it.
    private var lastStem: [UInt8] = []
    private var lastStemPosition: Int32 = -1

    private(set) var docCount = 0
    private var norms = ByteWriter()
    private var bodyLengthSum: UInt64 = 0
    private var titleLengthSum: UInt64 = 0

    private var stored = StoredFieldsWriter()

    private var facetValueIds: [String: Int32] = [:]
    private var facetValues: [String] = []
    private var facetForward = ByteWriter()
    private var facetOffsets: [UInt32] = [0]

    private(set) var sources: [String: String] = [:]
    /// Local ids of buffered documents deleted before the flush (by `deleteSource`).
    private(set) var deletedDocs: [Int] = []
    private var docSources: [String] = []

    /// Scratch for one document: packed (termId << 32 | position).
    private var occurrences: [UInt64] = []
    /// Grouping of a document's occurrences by term (see `groupByTerm`): per term, the
    /// last document that used it (+1) and its group there; per document, the groups.
    private var groupMark: [Int32] = []
    private var groupIndex: [Int32] = []
    private var groupStarts: [Int32] = []
    private var grouped: [UInt64] = []

    /// This builder's own analyzer: its cache also keeps each word's term ids in this
    /// segment (see `FrenchAnalyzer.analyzeResolved`), so it serves no one else.
    private let analyzer = FrenchAnalyzer()

    init() {}

    deinit { pool.release() }

    /// Memory held by the buffered documents, counted as allocated: the postings pool's
    /// pages (slack included), the per-term arrays,
    /// the term table, the compressed store and the per-document arrays. What does not
    /// grow with the documents (the analysis cache, bounded by its own limit, and the
    /// store dictionary's match-finder tables) is a fixed overhead, not counted here.
    var memoryBytes: Int {
        let perTerm = MemoryLayout<Int32>.stride * 5 + 2 * MemoryLayout<ByteSlicePool.Stream>.stride
        return terms.memoryBytes + pool.memoryBytes
            + docStreams.count * perTerm + stored.memoryBytes
            + norms.bytes.capacity + facetForward.bytes.capacity + facetOffsets.capacity * 4
            + docSources.count * 16 + occurrences.capacity * 8 + grouped.capacity * 8 + groupStarts.capacity * 4
    }

    /// Gap between the title's positions and the text's, so phrases never span them.
    static let titleGap: Int32 = 16

    func add(_ document: Document, entities: [Entity], fileHash: String) {
        let docId = Int32(docCount)
        // The per-document scratch arrays as locals: no exclusivity check per token.
        var occurrences = self.occurrences
        self.occurrences = []
        occurrences.removeAll(keepingCapacity: true)
        var titleTerms = self.titleTerms
        self.titleTerms = []
        titleTerms.removeAll(keepingCapacity: true)
        defer {
            self.occurrences = occurrences
            self.titleTerms = titleTerms
        }
        lastStemPosition = -1
        var bodyLength: UInt32 = 0
        var titleLength: UInt32 = 0
        var nextPosition: Int32 = 0
        let resolve = { (term: UnsafeBufferPointer<UInt8>, kind: TermKind, position: Int32) -> Int32 in
            self.intern(term, kind, position) ?? -1
        }

        if let title = document.title, !title.isEmpty {
            var t = title
            var maxPos: Int32 = -1
            t.withUTF8 { buf in
                _ = analyzer.analyzeResolved(buf, firstPosition: 0, resolve: resolve) { id, kind, position, _ in
                    if id >= 0 {
                        occurrences.append(UInt64(UInt32(id)) << 32 | UInt64(UInt32(position)))
                        if kind == .stem {
                            titleTerms.append(id)
                            bodyLength += 1
                            titleLength += 1
                        }
                    }
                    maxPos = max(maxPos, position)
                }
            }
            nextPosition = maxPos + 1 + SegmentBuilder.titleGap
        }
        var text = document.text
        let base = nextPosition
        // Restart points for snippets: a token start every `checkpointInterval` positions.
        var checkpoints = TextCheckpoints(base: base)
        var nextCheckpoint = SegmentBuilder.checkpointInterval
        text.withUTF8 { buf in
            _ = analyzer.analyzeResolved(buf, firstPosition: 0, resolve: resolve) { id, kind, position, start in
                if position >= nextCheckpoint {
                    checkpoints.append(position: position, offset: start)
                    nextCheckpoint = position + SegmentBuilder.checkpointInterval
                }
                if id >= 0 {
                    occurrences.append(UInt64(UInt32(id)) << 32 | UInt64(UInt32(base + position)))
                    if kind == .stem { bodyLength += 1 }
                }
            }
        }
        var docFacets: [Int32] = []
        for value in EntityTerms.values(document: document, entities: entities) {
            var v = value
            let id = v.withUTF8 { terms.intern(Field.entity.rawValue, $0) }
            occurrences.append(UInt64(UInt32(id)) << 32)
            if EntityTerms.isFacet(value) {
                let fid: Int32
                if let f = facetValueIds[value] {
                    fid = f
                } else {
                    fid = Int32(facetValues.count)
                    facetValueIds[value] = fid
                    facetValues.append(value)
                }
                docFacets.append(fid)
            }
        }
        // Entity mentions count as frequencies for ranking (a law cited often ranks higher).
        for e in entities where e.type == .loi || e.type == .pays || e.type == .collectivite {
            var v = e.type.rawValue + ":" + e.normalized
            let id = v.withUTF8 { terms.intern(Field.entity.rawValue, $0) }
            occurrences.append(UInt64(UInt32(id)) << 32 | 1)
        }
        var src = document.source
        let srcId = src.withUTF8 { terms.intern(Field.source.rawValue, $0) }
        occurrences.append(UInt64(UInt32(srcId)) << 32)

        ensureTermArrays()
        for t in titleTerms { titleMark[Int(t)] = docId + 1 }
        groupByTerm(&occurrences, docId: docId)
        invert(docId, occurrences)

        norms.u32(bodyLength)
        norms.u32(titleLength)
        bodyLengthSum += UInt64(bodyLength)
        titleLengthSum += UInt64(titleLength)

        facetForward.varint(docFacets.count)
        for f in docFacets { facetForward.varint(Int(f)) }
        facetOffsets.append(UInt32(facetForward.count))

        sources[document.source] = fileHash
        docSources.append(document.source)
        store(StoredDocument(document: document, entities: entities, fileHash: fileHash), checkpoints)
        docCount += 1
    }

    private var titleTerms: [Int32] = []

    /// Interns an analyzed term: stems in the body field; surface forms in the surface
    /// field only when they differ from the stem of the same token (nil: skip).
    @inline(__always) private func intern(_ term: UnsafeBufferPointer<UInt8>, _ kind: TermKind, _ position: Int32) -> Int32? {
        if kind == .stem {
            lastStem.removeAll(keepingCapacity: true)
            lastStem.append(contentsOf: term)
            lastStemPosition = position
            return terms.intern(Field.body.rawValue, term)
        }
        if position == lastStemPosition, lastStem.count == term.count,
            lastStem.withUnsafeBufferPointer({ term.count == 0 || memcmp($0.baseAddress!, term.baseAddress!, term.count) == 0 }) {
            return nil
        }
        return terms.intern(Field.surface.rawValue, term)
    }

    private func ensureTermArrays() {
        let n = terms.count
        if docStreams.count < n {
            let extra = n - docStreams.count
            docStreams.append(contentsOf: repeatElement(ByteSlicePool.Stream(), count: extra))
            posStreams.append(contentsOf: repeatElement(ByteSlicePool.Stream(), count: extra))
            lastDoc.append(contentsOf: repeatElement(0, count: extra))
            docFreqs.append(contentsOf: repeatElement(0, count: extra))
            titleMark.append(contentsOf: repeatElement(0, count: extra))
            groupMark.append(contentsOf: repeatElement(0, count: extra))
            groupIndex.append(contentsOf: repeatElement(0, count: extra))
        }
    }

    /// Makes each term's occurrences of document `docId` contiguous, each term's positions
    /// increasing, as `invert` needs: a stable counting sort by term in two passes (the
    /// analyzer emits positions in increasing order), instead of sorting the whole array.
    /// Should a term's positions come out of order, the array is sorted instead.
    func groupByTerm(_ occurrences: inout [UInt64], docId: Int32) {
        let n = occurrences.count
        guard n > 1 else { return }
        var starts = self.groupStarts
        var out = self.grouped
        self.groupStarts = []
        self.grouped = []
        defer {
            self.groupStarts = starts
            self.grouped = out
        }
        starts.removeAll(keepingCapacity: true)
        let mark = docId + 1
        var ordered = true
        groupMark.withUnsafeMutableBufferPointer { groupMark in
            groupIndex.withUnsafeMutableBufferPointer { groupIndex in
                occurrences.withUnsafeBufferPointer { occ in
                    // Pass 1: a group per distinct term, in order of first occurrence; sizes.
                    for k in 0..<n {
                        let t = Int(occ[k] >> 32)
                        if groupMark[t] != mark {
                            groupMark[t] = mark
                            groupIndex[t] = Int32(starts.count)
                            starts.append(0)
                        }
                        starts[Int(groupIndex[t])] += 1
                    }
                    var sum: Int32 = 0
                    for g in starts.indices {
                        let size = starts[g]
                        starts[g] = sum
                        sum += size
                    }
                    // Pass 2: each occurrence to the next slot of its group.
                    out.removeAll(keepingCapacity: true)
                    out.append(contentsOf: repeatElement(0, count: n))
                    out.withUnsafeMutableBufferPointer { out in
                        starts.withUnsafeMutableBufferPointer { starts in
                            for k in 0..<n {
                                let v = occ[k]
                                let g = Int(groupIndex[Int(v >> 32)])
                                let at = Int(starts[g])
                                // Slots fill in order: the one before, if this term's, was written.
                                if at > 0, out[at - 1] >> 32 == v >> 32, out[at - 1] > v { ordered = false }
                                out[at] = v
                                starts[g] += 1
                            }
                        }
                    }
                }
            }
        }
        if ordered {
            swap(&occurrences, &out)
        } else {
            occurrences.sort()
        }
    }

    /// Appends the sorted occurrences of document `docId` to the per-term streams. The
    /// arrays are moved into locals for the loop (no exclusivity check per posting).
    private func invert(_ docId: Int32, _ occurrences: [UInt64]) {
        var docStreams = self.docStreams
        self.docStreams = []
        var posStreams = self.posStreams
        self.posStreams = []
        var lastDoc = self.lastDoc
        self.lastDoc = []
        var docFreqs = self.docFreqs
        self.docFreqs = []
        var pool = self.pool
        self.pool = ByteSlicePool()
        defer {
            self.docStreams = docStreams
            self.posStreams = posStreams
            self.lastDoc = lastDoc
            self.docFreqs = docFreqs
            self.pool = pool
        }
        let n = occurrences.count
        occurrences.withUnsafeBufferPointer { occ in
            titleMark.withUnsafeBufferPointer { titleMark in
                docStreams.withUnsafeMutableBufferPointer { docStreams in
                    posStreams.withUnsafeMutableBufferPointer { posStreams in
                        var i = 0
                        while i < n {
                            let term = Int32(truncatingIfNeeded: occ[i] >> 32)
                            var j = i
                            while j < n, Int32(truncatingIfNeeded: occ[j] >> 32) == term { j += 1 }
                            let t = Int(term)
                            let positional = terms.field(term) == Field.body.rawValue
                            let freq = UInt32(j - i)
                            let delta = UInt32(bitPattern: docId - (docFreqs[t] == 0 ? 0 : lastDoc[t]))
                            let flags: UInt32 = (titleMark[t] == docId + 1 ? 2 : 0) | (freq == 1 ? 1 : 0)
                            pool.appendVarint(delta << 2 | flags, to: &docStreams[t])
                            if freq != 1 { pool.appendVarint(freq, to: &docStreams[t]) }
                            if positional {
                                var prev: UInt32 = 0
                                for k in i..<j {
                                    let p = UInt32(truncatingIfNeeded: occ[k])
                                    pool.appendVarint(p &- prev, to: &posStreams[t])
                                    prev = p
                                }
                            }
                            lastDoc[t] = docId
                            docFreqs[t] += 1
                            i = j
                        }
                    }
                }
            }
        }
    }

    /// Tokens between two snippet restart points.
    static let checkpointInterval: Int32 = 16

    private func store(_ document: StoredDocument, _ checkpoints: TextCheckpoints) {
        var record = ByteWriter()
        document.encode(into: &record, checkpoints: checkpoints)
        stored.add(record.bytes)
    }

    /// Marks buffered documents from `source` deleted (applied when the segment is written).
    func deleteSource(_ source: String) {
        for (i, s) in docSources.enumerated() where s == source { deletedDocs.append(i) }
        if sources[source] != nil {
            // The source stays in the table only if a later add re-introduces it.
            sources[source] = nil
        }
    }

    /// Writes the segment to `path` (fsynced). The builder must not be used afterwards.
    func write(path: String) throws -> SegmentFormat.Stats {
        let (storedData, storedIndex, storedDictionary) = stored.finish()
        // Sort term ids by key bytes.
        let n = terms.count
        var order = Array(0..<Int32(n))
        terms.arena.withUnsafeBufferPointer { a in
            let starts = terms.starts
            order.sort { x, y in
                let xs = Int(starts[Int(x)]), xe = Int(starts[Int(x) + 1])
                let ys = Int(starts[Int(y)]), ye = Int(starts[Int(y) + 1])
                return compareBytes(UnsafeBufferPointer(rebasing: a[xs..<xe]), UnsafeBufferPointer(rebasing: a[ys..<ye])) < 0
            }
        }
        let stats = SegmentFormat.Stats(docCount: docCount, bodyLengthSum: bodyLengthSum, titleLengthSum: titleLengthSum)
        let file = try SegmentFormat.FileWriter(path: path)
        // Postings first, then positions, each term's buffers freed once written: what the
        // builder holds moves to the disk without a second copy in memory.
        var infos = [TermInfo](repeating: TermInfo(docFreq: 0, docsOffset: 0, positionsOffset: 0), count: n)
        var scratch = ByteWriter(capacity: 1 << 16)
        var docs: [UInt8] = []
        var positions: [UInt8] = []
        file.begin(.postings)
        let postingsStart = file.position
        var positionsOffset = 0
        for (rank, id) in order.enumerated() {
            let t = Int(id)
            let positional = terms.field(id) == Field.body.rawValue
            scratch.bytes.removeAll(keepingCapacity: true)
            docs.removeAll(keepingCapacity: true)
            pool.copy(docStreams[t], into: &docs)
            positions.removeAll(keepingCapacity: true)
            // The positions are walked only to find the skip table's offsets.
            if positional, Int(docFreqs[t]) > PostingsFormat.blockSize { pool.copy(posStreams[t], into: &positions) }
            PostingsEncoder.writeDocs(
                docs: docs, positions: positions, docFreq: Int(docFreqs[t]), hasPositions: positional,
                into: &scratch)
            infos[rank] = TermInfo(docFreq: Int(docFreqs[t]), docsOffset: file.position - postingsStart, positionsOffset: positionsOffset)
            try file.append(scratch.bytes)
            if positional { positionsOffset += Int(posStreams[t].length) }
        }
        file.end(.postings)
        file.begin(.positions)
        for id in order where terms.field(id) == Field.body.rawValue {
            try pool.forEachPiece(of: posStreams[Int(id)]) { try file.append(UnsafeRawBufferPointer($0)) }
        }
        file.end(.positions)
        var dict = TermDictionaryWriter()
        for (rank, id) in order.enumerated() {
            terms.withKey(id) { dict.add($0, infos[rank]) }
        }
        try file.section(.terms, dict.finish())
        try file.section(.norms, norms.bytes)
        try file.section(.stored, storedData)
        try file.section(.storedIndex, storedIndex)
        var facetSection = ByteWriter()
        facetSection.varint(facetValues.count)
        for v in facetValues { facetSection.string(v) }
        try file.section(.facetValues, facetSection.bytes)
        var forward = ByteWriter()
        for o in facetOffsets { forward.u32(o) }
        forward.raw(facetForward.bytes)
        try file.section(.facetForward, forward.bytes)
        var sourceSection = ByteWriter()
        let live = sources.sorted { $0.key < $1.key }
        sourceSection.varint(live.count)
        for (s, h) in live {
            sourceSection.string(s)
            sourceSection.string(h)
        }
        try file.section(.sources, sourceSection.bytes)
        try file.section(.storedDictionary, storedDictionary)
        try file.finish(stats)
        return stats
    }
}
