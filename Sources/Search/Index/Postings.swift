/// Posting lists: for each term, its documents (delta-coded ids with frequencies, variable
/// bytes) with a skip table every `blockSize` documents, and in a separate stream the
/// positions of each occurrence (delta-coded per document).
///
/// Layout of one term in the postings section:
///   varint skipCount
///   skipCount × (varint lastDocDelta, varint docsByteDelta, varint positionsByteDelta)
///   doc stream: per document varint (delta << 2 | inTitle << 1 | freq == 1), then varint freq
///   if > 1; `inTitle` says the word is also in the document's title (title boost, `titre:`)
/// Skip entry k describes where block k+1 starts: the last document of block k, and the
/// byte offsets of block k+1 in the doc stream and in the positions stream.
enum PostingsFormat {
    static let blockSize = 128
}

@inline(__always)
func appendVarint(_ buffer: inout [UInt8], _ value: UInt32) {
    var v = value
    while v >= 0x80 {
        buffer.append(UInt8(truncatingIfNeeded: v) | 0x80)
        v >>= 7
    }
    buffer.append(UInt8(v))
}

enum PostingsEncoder {
    /// Writes one term's postings (`docs`: doc stream as buffered, `positions`: positions
    /// stream as buffered, `hasPositions` false for fields without positions) and returns the
    /// offsets where they start.
    static func write(
        docs: [UInt8], positions: [UInt8], docFreq: Int, hasPositions: Bool,
        postings: inout ByteWriter, positionsOut: inout ByteWriter
    ) -> (docsOffset: Int, positionsOffset: Int) {
        let docsOffset = postings.count
        let positionsOffset = positionsOut.count
        writeDocs(docs: docs, positions: positions, docFreq: docFreq, hasPositions: hasPositions, into: &postings)
        if hasPositions { positionsOut.raw(positions) }
        return (docsOffset, positionsOffset)
    }

    /// Writes the skip table and the doc stream of one term; its positions stream goes,
    /// unchanged, to the positions section (the caller writes it).
    static func writeDocs(
        docs: [UInt8], positions: [UInt8], docFreq: Int, hasPositions: Bool, into postings: inout ByteWriter
    ) {
        if docFreq <= PostingsFormat.blockSize {
            postings.varint(0)
            postings.raw(docs)
            return
        }
        // Find block boundaries by decoding the doc stream (and walking the positions).
        var skips = ByteWriter()
        var skipCount = 0
        docs.withUnsafeBufferPointer { d in
            positions.withUnsafeBufferPointer { p in
                var dr = ByteReader(UnsafeRawBufferPointer(d))
                var pr = ByteReader(UnsafeRawBufferPointer(p))
                var doc: UInt64 = 0
                var lastSkipDoc: UInt64 = 0
                var lastDocsOffset = 0
                var lastPosOffset = 0
                var index = 0
                while !dr.atEnd {
                    if index > 0, index % PostingsFormat.blockSize == 0 {
                        skips.varint(doc - lastSkipDoc)
                        skips.varint(dr.offset - lastDocsOffset)
                        skips.varint(pr.offset - lastPosOffset)
                        lastSkipDoc = doc
                        lastDocsOffset = dr.offset
                        lastPosOffset = pr.offset
                        skipCount += 1
                    }
                    let v = dr.varint()
                    doc += v >> 2
                    let freq = v & 1 == 1 ? 1 : dr.varint()
                    if hasPositions { for _ in 0..<freq { _ = pr.varint() } }
                    index += 1
                }
            }
        }
        postings.varint(skipCount)
        postings.raw(skips.bytes)
        postings.raw(docs)
    }
}

/// One skip entry, accumulated: the last document of a block and where the next block
/// starts in the doc and positions streams.
struct SkipEntry {
    var doc: Int32 = 0
    var docsOffset = 0
    var positionsOffset = 0
}

/// Iterates one term's postings in a segment, with `advance(to:)` jumping through the skip
/// table so that intersections do not decode every posting.
struct PostingIterator {
    private let docsBase: UnsafePointer<UInt8>
    private let docsEnd: Int
    private let posBase: UnsafePointer<UInt8>?
    private let posEnd: Int
    private var docsOffset: Int
    private var posOffset: Int
    private var pendingPositionVarints = 0
    /// The skip table, decoded lazily and forward only (no allocation per iterator: a full
    /// scan never reads it, an intersection reads only the entries it passes).
    private let skipBase: UnsafePointer<UInt8>
    private let skipCount: Int
    private let skipLength: Int
    /// Offset, from `skipBase`, of the first entry not yet decoded; how many are decoded.
    private var skipOffset = 0
    private var skipsDecoded = 0
    /// The last two decoded entries (cumulative values): index `skipsDecoded - 1` and the one before.
    private var lastSkip = SkipEntry()
    private var previousSkip = SkipEntry()
    private var nextSkip = 0
    let docFreq: Int
    private var consumed = 0

    /// Current document (valid after `next()`/`advance(to:)` returned true).
    private(set) var doc: Int32 = -1
    private(set) var freq: Int32 = 0
    /// The word of the current document is also in its title.
    private(set) var inTitle = false

    init(postings: UnsafeRawBufferPointer, positions: UnsafeRawBufferPointer?, info: TermInfo) {
        let base = postings.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var r = ByteReader(postings, offset: info.docsOffset)
        skipCount = r.int()
        skipBase = base + r.offset
        // Skip over the table to the doc stream (three varints per entry): eight bytes at a
        // time while at least eight varints remain (each ends with a byte below 0x80).
        var varints = skipCount * 3
        var at = r.offset
        while varints >= 8, postings.count - at >= 8 {
            let word = UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self)
            varints -= (~word & 0x8080_8080_8080_8080).nonzeroBitCount
            at += 8
        }
        while varints > 0, at < postings.count {
            if base[at] < 0x80 { varints -= 1 }
            at += 1
        }
        r = ByteReader(postings, offset: at)
        let streamStart = r.offset
        skipLength = streamStart - (skipBase - base)
        docsBase = base + streamStart
        docsEnd = postings.count - streamStart
        docsOffset = 0
        if let positions, let pb = positions.baseAddress {
            posBase = pb.assumingMemoryBound(to: UInt8.self) + info.positionsOffset
            posEnd = positions.count - info.positionsOffset
        } else {
            posBase = nil
            posEnd = 0
        }
        posOffset = 0
        docFreq = info.docFreq
    }

    @inline(__always) private mutating func readDocVarint() -> UInt32 {
        // Far from the end: no bounds check per byte (one or two bytes is the usual case).
        if docsEnd &- docsOffset >= 5 {
            let p = docsBase + docsOffset
            let b0 = UInt32(p[0])
            if b0 < 0x80 {
                docsOffset &+= 1
                return b0
            }
            let b1 = UInt32(p[1])
            if b1 < 0x80 {
                docsOffset &+= 2
                return (b0 & 0x7F) | b1 << 7
            }
            var result = (b0 & 0x7F) | (b1 & 0x7F) << 7
            var k = 2
            while k < 5 {
                let b = UInt32(p[k])
                result |= (b & 0x7F) << (7 * UInt32(k))
                k += 1
                if b < 0x80 { break }
            }
            docsOffset &+= k
            return result
        }
        var result: UInt32 = 0
        var shift: UInt32 = 0
        while docsOffset < docsEnd {
            let b = docsBase[docsOffset]
            docsOffset += 1
            result |= UInt32(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
            if shift > 28 { break }
        }
        return result
    }

    /// Moves to the next document; false at the end.
    @inline(__always) mutating func next() -> Bool {
        guard consumed < docFreq else { doc = Int32.max; return false }
        if !positionsRead { pendingPositionVarints += Int(freq) }
        positionsRead = false
        let v = readDocVarint()
        let delta = Int32(truncatingIfNeeded: v >> 2)
        inTitle = v & 2 != 0
        doc = (consumed == 0 ? 0 : doc) &+ delta
        freq = v & 1 == 1 ? 1 : Int32(truncatingIfNeeded: readDocVarint())
        consumed += 1
        if consumed % PostingsFormat.blockSize == 0 { nextSkip = consumed / PostingsFormat.blockSize }
        return true
    }

    /// Decodes up to `capacity` next postings at once into the buffers (documents,
    /// frequencies, in-title flags) and returns how many: a full scan of a term without
    /// one call per posting, the cursor kept in registers.
    mutating func nextBatch(
        docs: UnsafeMutablePointer<Int32>, freqs: UnsafeMutablePointer<Int32>, titles: UnsafeMutablePointer<Bool>,
        capacity: Int
    ) -> Int {
        if !positionsRead && consumed > 0 { pendingPositionVarints += Int(freq) }
        positionsRead = false
        let base = docsBase
        let end = docsEnd
        var offset = docsOffset
        var current = consumed == 0 ? 0 : doc
        let count = min(capacity, docFreq - consumed)
        guard count > 0 else {
            doc = Int32.max
            return 0
        }
        @inline(__always) func varint() -> UInt32 {
            if end &- offset >= 5 {
                let b0 = UInt32(base[offset])
                if b0 < 0x80 {
                    offset &+= 1
                    return b0
                }
                let b1 = UInt32(base[offset + 1])
                if b1 < 0x80 {
                    offset &+= 2
                    return (b0 & 0x7F) | b1 << 7
                }
            }
            var result: UInt32 = 0
            var shift: UInt32 = 0
            while offset < end {
                let b = base[offset]
                offset += 1
                result |= UInt32(b & 0x7F) << (shift & 31)
                if b < 0x80 { break }
                shift += 7
                if shift > 28 { break }
            }
            return result
        }
        var pending = 0
        for k in 0..<count {
            let v = varint()
            current &+= Int32(truncatingIfNeeded: v >> 2)
            let f = v & 1 == 1 ? 1 : Int32(truncatingIfNeeded: varint())
            docs[k] = current
            freqs[k] = f
            titles[k] = v & 2 != 0
            pending += Int(f)
        }
        // The cursor rests on the batch's last posting, as after `next()`.
        docsOffset = offset
        doc = current
        freq = freqs[count - 1]
        inTitle = titles[count - 1]
        pendingPositionVarints += pending - Int(freq)
        consumed += count
        nextSkip = consumed / PostingsFormat.blockSize
        return count
    }

    /// Skip entry `i` (cumulative values), decoding forward as needed; `i` is never below
    /// the one before the last decoded entry.
    @inline(__always) private mutating func skipEntry(_ i: Int) -> SkipEntry {
        if i == skipsDecoded - 1 { return lastSkip }
        if i == skipsDecoded - 2 { return previousSkip }
        while skipsDecoded <= i {
            var next = lastSkip
            next.doc &+= Int32(truncatingIfNeeded: skipVarint())
            next.docsOffset &+= Int(skipVarint())
            next.positionsOffset &+= Int(skipVarint())
            previousSkip = lastSkip
            lastSkip = next
            skipsDecoded += 1
        }
        return lastSkip
    }

    @inline(__always) private mutating func skipVarint() -> UInt32 {
        var result: UInt32 = 0
        var shift: UInt32 = 0
        while skipOffset < skipLength {
            let b = skipBase[skipOffset]
            skipOffset &+= 1
            result |= UInt32(b & 0x7F) << (shift & 31)
            if b < 0x80 || shift >= 28 { return result }
            shift += 7
        }
        return result
    }

    /// Moves to the first document ≥ `target`; false when none.
    mutating func advance(to target: Int32) -> Bool {
        if doc >= target && consumed > 0 { return doc != Int32.max }
        // Jump over whole blocks whose last document is below the target.
        var k = nextSkip
        while k < skipCount, skipEntry(k).doc < target { k += 1 }
        if k > nextSkip {
            // We land at the start of block `k` (0-based), described by skip entry k-1.
            let entry = skipEntry(k - 1)
            doc = entry.doc
            docsOffset = entry.docsOffset
            posOffset = entry.positionsOffset
            pendingPositionVarints = 0
            freq = 0
            positionsRead = false
            consumed = k * PostingsFormat.blockSize
            nextSkip = k
        }
        // Scan forward decoding only what `next()` would leave behind at the document
        // found: the documents passed over cost a delta, a frequency and a sum.
        var pending = pendingPositionVarints
        if !positionsRead { pending += Int(freq) }
        positionsRead = false
        var d = doc
        var c = consumed
        while c < docFreq {
            let v = readDocVarint()
            d = (c == 0 ? 0 : d) &+ Int32(truncatingIfNeeded: v >> 2)
            let f = v & 1 == 1 ? 1 : Int32(truncatingIfNeeded: readDocVarint())
            c += 1
            if d >= target {
                doc = d
                freq = f
                inTitle = v & 2 != 0
                consumed = c
                nextSkip = c / PostingsFormat.blockSize
                pendingPositionVarints = pending
                return true
            }
            pending += Int(f)
        }
        consumed = c
        nextSkip = c / PostingsFormat.blockSize
        pendingPositionVarints = pending
        freq = 0
        doc = Int32.max
        return false
    }

    /// Positions of the current document (increasing).
    mutating func positions(into out: inout [Int32]) {
        var list = PositionList()
        defer { list.deallocate() }
        positions(into: &list)
        out = Array(UnsafeBufferPointer(start: list.base, count: list.count))
    }

    /// Positions of the current document (increasing), into a reusable buffer.
    @inline(__always) mutating func positions(into out: inout PositionList) {
        out.count = 0
        guard let posBase else { return }
        if positionsRead {
            // Read again: start over from this document's first position.
            posOffset = currentPositionsStart
        } else {
            // Skip the positions of documents passed over: count varint ends (bytes with
            // the high bit clear) eight bytes at a time.
            var skip = pendingPositionVarints
            while skip > 0, posOffset < posEnd {
                if posEnd - posOffset >= 8 {
                    let word = UnsafeRawPointer(posBase + posOffset).loadUnaligned(as: UInt64.self)
                    let ends = (~word & 0x8080_8080_8080_8080).nonzeroBitCount
                    if ends < skip {
                        skip -= ends
                        posOffset += 8
                        continue
                    }
                }
                if posBase[posOffset] < 0x80 { skip -= 1 }
                posOffset += 1
            }
            pendingPositionVarints = 0
            currentPositionsStart = posOffset
        }
        let n = Int(freq)
        out.reserve(n)
        let dst = out.base!
        var p: Int32 = 0
        var k = 0
        // Far from the end: one- and two-byte deltas without bounds checks.
        while k < n, posEnd &- posOffset >= 5 {
            let q = posBase + posOffset
            let b0 = UInt32(q[0])
            var delta: UInt32
            if b0 < 0x80 {
                delta = b0
                posOffset &+= 1
            } else {
                let b1 = UInt32(q[1])
                if b1 < 0x80 {
                    delta = (b0 & 0x7F) | b1 << 7
                    posOffset &+= 2
                } else {
                    delta = (b0 & 0x7F) | (b1 & 0x7F) << 7
                    var j = 2
                    while j < 5 {
                        let b = UInt32(q[j])
                        delta |= (b & 0x7F) << (7 * UInt32(j))
                        j += 1
                        if b < 0x80 { break }
                    }
                    posOffset &+= j
                }
            }
            p &+= Int32(truncatingIfNeeded: delta)
            dst[k] = p
            k += 1
        }
        while k < n {
            var result: UInt32 = 0
            var shift: UInt32 = 0
            while posOffset < posEnd {
                let b = posBase[posOffset]
                posOffset += 1
                result |= UInt32(b & 0x7F) << (shift & 31)
                if b < 0x80 { break }
                shift += 7
            }
            p &+= Int32(truncatingIfNeeded: result)
            dst[k] = p
            k += 1
        }
        out.count = n
        // The current document's positions are consumed: next() must not skip them again.
        positionsRead = true
    }

    private var positionsRead = false
    private var currentPositionsStart = 0
}

/// A growable buffer of positions owned by its user (who calls `deallocate`), so that
/// reading the positions of thousands of documents allocates nothing per document.
struct PositionList {
    private(set) var base: UnsafeMutablePointer<Int32>? = nil
    var count = 0
    private var capacity = 0

    @inline(__always) mutating func reserve(_ n: Int) {
        if n > capacity { grow(n) }
    }

    private mutating func grow(_ n: Int) {
        let size = max(n, capacity * 2, 16)
        let grown = UnsafeMutablePointer<Int32>.allocate(capacity: size)
        if let base {
            grown.update(from: base, count: count)
            base.deallocate()
        }
        base = grown
        capacity = size
    }

    func deallocate() { base?.deallocate() }

    var buffer: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: base, count: count) }
}
