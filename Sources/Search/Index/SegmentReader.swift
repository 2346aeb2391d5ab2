import Entities
import Extraction
import Foundation

/// Read access to one immutable segment file (memory-mapped).
final class SegmentReader: @unchecked Sendable {
    let name: String
    let file: MappedFile
    let docCount: Int
    let bodyLengthSum: UInt64
    let titleLengthSum: UInt64
    let terms: TermDictionaryReader
    let postings: UnsafeRawBufferPointer
    let positions: UnsafeRawBufferPointer
    private let norms: UnsafeRawBufferPointer
    private let stored: UnsafeRawBufferPointer
    private let storedIndex: UnsafeRawBufferPointer
    private let facetForward: UnsafeRawBufferPointer
    private let facetSection: UnsafeRawBufferPointer
    private let sourceSection: UnsafeRawBufferPointer
    private var facetValuesCache: [String]?

    init(name: String, path: String) throws {
        self.name = name
        file = try MappedFile(path: path)
        let buf = file.buffer
        let corrupt = { (why: String) in IndexError.corrupt(directory: path, reason: why) }
        let footerSize = SegmentFormat.footerSize
        guard buf.count >= SegmentFormat.headerMagic.count + footerSize,
            Array(buf[0..<8]) == SegmentFormat.headerMagic,
            Array(buf[(buf.count - 8)...]) == SegmentFormat.footerMagic
        else { throw corrupt("segment tronqué ou invalide") }
        var r = ByteReader(buf, offset: buf.count - footerSize)
        var sections: [UnsafeRawBufferPointer] = []
        for _ in SegmentFormat.Section.allCases {
            let o = Int(r.u64())
            let l = Int(r.u64())
            guard o >= 8, l >= 0, o + l <= buf.count - footerSize else { throw corrupt("section hors limites") }
            sections.append(UnsafeRawBufferPointer(rebasing: buf[o..<(o + l)]))
        }
        docCount = Int(r.u32())
        bodyLengthSum = r.u64()
        titleLengthSum = r.u64()
        guard Int(r.u32()) == SegmentFormat.Section.allCases.count else { throw corrupt("version de segment inconnue") }
        guard let dict = TermDictionaryReader(section: sections[0]) else { throw corrupt("dictionnaire des termes") }
        terms = dict
        postings = sections[1]
        positions = sections[2]
        norms = sections[3]
        stored = sections[4]
        storedIndex = sections[5]
        facetSection = sections[6]
        facetForward = sections[7]
        sourceSection = sections[8]
        guard norms.count >= docCount * 8, facetForward.count >= (docCount + 1) * 4 else {
            throw corrupt("normes ou facettes tronquées")
        }
    }

    func lookup(_ field: Field, _ term: UnsafeBufferPointer<UInt8>) -> TermInfo? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: term.count + 1) { key in
            key[0] = field.rawValue
            if term.count > 0 { (key.baseAddress! + 1).update(from: term.baseAddress!, count: term.count) }
            return terms.lookup(UnsafeBufferPointer(key))
        }
    }

    func lookup(_ field: Field, _ term: String) -> TermInfo? {
        terms.lookup(field.key(term))
    }

    func iterator(_ info: TermInfo, positions withPositions: Bool = false) -> PostingIterator {
        PostingIterator(postings: postings, positions: withPositions ? positions : nil, info: info)
    }

    @inline(__always) func bodyLength(_ doc: Int32) -> UInt32 {
        norms.loadUnaligned(fromByteOffset: Int(doc) * 8, as: UInt32.self).littleEndian
    }

    @inline(__always) func titleLength(_ doc: Int32) -> UInt32 {
        norms.loadUnaligned(fromByteOffset: Int(doc) * 8 + 4, as: UInt32.self).littleEndian
    }

    /// Facet values of the segment (`pays:MA`, `loi:loi:2005-95`…), indexed by facet id.
    func facetValues() -> [String] {
        if let c = facetValuesCache { return c }
        var r = ByteReader(facetSection)
        var out: [String] = []
        let n = r.int()
        out.reserveCapacity(n)
        for _ in 0..<n where !r.overrun { out.append(r.string()) }
        facetValuesCache = out
        return out
    }

    /// Calls `body` with each facet id of `doc`.
    func forEachFacet(of doc: Int32, _ body: (Int) -> Void) {
        let start = Int(facetForward.loadUnaligned(fromByteOffset: Int(doc) * 4, as: UInt32.self).littleEndian)
        let dataStart = (docCount + 1) * 4
        var r = ByteReader(facetForward, offset: dataStart + start)
        let n = r.int()
        for _ in 0..<n { body(r.int()) }
    }

    /// The source table: source path → file hash, for the sources with documents here.
    func sourceTable() -> [(source: String, fileHash: String)] {
        var r = ByteReader(sourceSection)
        var out: [(String, String)] = []
        let n = r.int()
        for _ in 0..<n where !r.overrun {
            let s = r.string()
            out.append((s, r.string()))
        }
        return out
    }

    private struct BlockEntry {
        var firstDoc: Int
        var offset: Int
        var compressed: Int
        var raw: Int
    }

    private var blockCount: Int { storedIndex.count / 20 }

    private func block(_ i: Int) -> BlockEntry {
        var r = ByteReader(storedIndex, offset: i * 20)
        return BlockEntry(firstDoc: Int(r.u32()), offset: Int(r.u64()), compressed: Int(r.u32()), raw: Int(r.u32()))
    }

    /// Recently decompressed blocks (like Tantivy's doc store cache): showing the hits of
    /// repeated or paged queries does not decompress the same blocks again.
    private var blockCache: [Int: [UInt8]] = [:]
    private var blockCacheOrder: [Int] = []
    private let blockCacheLock = NSLock()
    static let blockCacheSize = 64

    /// Decompresses stored block `i` (cached); nil when damaged.
    private func decompressBlock(_ i: Int) -> [UInt8]? {
        blockCacheLock.lock()
        if let cached = blockCache[i] {
            blockCacheLock.unlock()
            return cached
        }
        blockCacheLock.unlock()
        guard let raw = decompressUncached(i) else { return nil }
        blockCacheLock.lock()
        if blockCacheOrder.count >= SegmentReader.blockCacheSize {
            blockCache[blockCacheOrder.removeFirst()] = nil
        }
        blockCache[i] = raw
        blockCacheOrder.append(i)
        blockCacheLock.unlock()
        return raw
    }

    private func decompressUncached(_ i: Int) -> [UInt8]? {
        let b = block(i)
        guard b.offset + b.compressed <= stored.count else { return nil }
        let src = UnsafeBufferPointer(rebasing: stored.bindMemory(to: UInt8.self)[b.offset..<(b.offset + b.compressed)])
        return LZCompressor.decompress(src, expectedSize: b.raw)
    }

    /// The stored document `doc`; nil when damaged or out of range.
    func document(_ doc: Int32) -> StoredDocument? {
        let d = Int(doc)
        guard d >= 0, d < docCount, blockCount > 0 else { return nil }
        var lo = 0
        var hi = blockCount - 1
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if block(mid).firstDoc <= d { lo = mid } else { hi = mid - 1 }
        }
        let entry = block(lo)
        guard let raw = decompressBlock(lo) else { return nil }
        return raw.withUnsafeBytes { buf -> StoredDocument? in
            var r = ByteReader(buf)
            var current = entry.firstDoc
            while !r.atEnd {
                let len = r.int()
                if current == d {
                    var rr = ByteReader(UnsafeRawBufferPointer(rebasing: buf[r.offset..<min(buf.count, r.offset + len)]))
                    return StoredDocument.decode(&rr)
                }
                r.offset += len
                current += 1
            }
            return nil
        }
    }

    /// Every stored document in order (decompressing each block once).
    func forEachDocument(_ body: (Int32, StoredDocument) throws -> Void) throws {
        for i in 0..<blockCount {
            let entry = block(i)
            guard let raw = decompressUncached(i) else {
                throw IndexError.corrupt(directory: file.path, reason: "bloc de stockage \(i) endommagé")
            }
            try raw.withUnsafeBytes { buf in
                var r = ByteReader(buf)
                var current = entry.firstDoc
                while !r.atEnd {
                    let len = r.int()
                    var rr = ByteReader(UnsafeRawBufferPointer(rebasing: buf[r.offset..<min(buf.count, r.offset + len)]))
                    guard let doc = StoredDocument.decode(&rr) else {
                        throw IndexError.corrupt(directory: file.path, reason: "document \(current) endommagé")
                    }
                    try body(Int32(current), doc)
                    r.offset += len
                    current += 1
                }
            }
        }
    }

    /// Bytes per part: (postings + positions + terms, stored, other).
    var sizeBreakdown: (index: Int, store: Int, total: Int) {
        let idx = postings.count + positions.count + terms.section.count
        let st = stored.count + storedIndex.count
        return (idx, st, file.buffer.count)
    }
}
