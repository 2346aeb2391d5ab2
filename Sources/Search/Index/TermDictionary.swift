import Foundation

/// Where a term's postings live in a segment.
struct TermInfo: Equatable {
    var docFreq: Int
    var docsOffset: Int
    var positionsOffset: Int
}

/// Sorted term dictionary: blocks of `blockSize` terms, prefix-compressed against the
/// previous term, plus a fixed-width table of block offsets for binary search on each
/// block's first (uncompressed) term.
enum TermDictionaryFormat {
    static let blockSize = 16
}

struct TermDictionaryWriter {
    private(set) var data = ByteWriter()
    private var blockOffsets: [UInt32] = []
    private var previous: [UInt8] = []
    private(set) var count = 0

    /// Terms must arrive in increasing byte order.
    mutating func add(_ term: UnsafeBufferPointer<UInt8>, _ info: TermInfo) {
        var shared = 0
        if count % TermDictionaryFormat.blockSize == 0 {
            blockOffsets.append(UInt32(data.count))
        } else {
            let n = min(previous.count, term.count)
            while shared < n, previous[shared] == term[shared] { shared += 1 }
        }
        data.varint(shared)
        data.varint(term.count - shared)
        data.raw(UnsafeBufferPointer(rebasing: term[shared...]))
        data.varint(info.docFreq)
        data.varint(info.docsOffset)
        data.varint(info.positionsOffset)
        previous.removeAll(keepingCapacity: true)
        previous.append(contentsOf: term)
        count += 1
    }

    /// The section: [u32 termCount][u32 blockCount][blockCount × u32 offset][blocks].
    func finish() -> [UInt8] {
        var out = ByteWriter(capacity: data.count + blockOffsets.count * 4 + 8)
        out.u32(UInt32(count))
        out.u32(UInt32(blockOffsets.count))
        for o in blockOffsets { out.u32(o) }
        out.raw(data.bytes)
        return out.bytes
    }
}

struct TermDictionaryReader {
    let section: UnsafeRawBufferPointer
    let termCount: Int
    private let blockCount: Int
    private let blocksStart: Int

    init?(section: UnsafeRawBufferPointer) {
        guard section.count >= 8 else { return nil }
        var r = ByteReader(section)
        termCount = Int(r.u32())
        blockCount = Int(r.u32())
        blocksStart = 8 + blockCount * 4
        guard blocksStart <= section.count else { return nil }
        self.section = section
    }

    private func blockOffset(_ i: Int) -> Int {
        blocksStart + Int(section.loadUnaligned(fromByteOffset: 8 + i * 4, as: UInt32.self).littleEndian)
    }

    /// The first term of block `i` (uncompressed by construction).
    private func firstTerm(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        var r = ByteReader(section, offset: blockOffset(i))
        _ = r.int()
        let n = r.int()
        return r.bytes(n)
    }

    /// Index of the last block whose first term is ≤ `term` (nil when `term` sorts first).
    private func block(for term: UnsafeBufferPointer<UInt8>) -> Int? {
        var lo = 0
        var hi = blockCount - 1
        var found: Int? = nil
        while lo <= hi {
            let mid = (lo + hi) >> 1
            if compareBytes(firstTerm(mid), term) <= 0 {
                found = mid
                lo = mid + 1
            } else {
                hi = mid - 1
            }
        }
        return found
    }

    func lookup(_ term: UnsafeBufferPointer<UInt8>) -> TermInfo? {
        guard let b = block(for: term) else { return nil }
        var result: TermInfo? = nil
        scan(fromBlock: b) { t, info in
            let c = compareBytes(t, term)
            if c == 0 { result = info }
            return c < 0
        }
        return result
    }

    func lookup(_ term: [UInt8]) -> TermInfo? {
        term.withUnsafeBufferPointer { lookup($0) }
    }

    /// Calls `body` for every term starting with `prefix`, in order, until it returns false.
    func forEach(prefix: [UInt8], _ body: (UnsafeBufferPointer<UInt8>, TermInfo) -> Bool) {
        prefix.withUnsafeBufferPointer { p in
            let start = block(for: p) ?? 0
            guard blockCount > 0 else { return }
            scan(fromBlock: start) { t, info in
                if t.count >= p.count, memcmp(t.baseAddress!, p.baseAddress!, p.count) == 0 {
                    return body(t, info)
                }
                return compareBytes(t, p) < 0
            }
        }
    }

    /// Every term in order (for merges and statistics).
    func forEachTerm(_ body: (UnsafeBufferPointer<UInt8>, TermInfo) -> Bool) {
        guard blockCount > 0 else { return }
        scan(fromBlock: 0, body)
    }

    /// Decodes terms from the start of block `b` onwards while `body` returns true. The
    /// current term is rebuilt in one buffer (prefix kept, suffix copied): no allocation
    /// per term.
    private func scan(fromBlock b: Int, _ body: (UnsafeBufferPointer<UInt8>, TermInfo) -> Bool) {
        var r = ByteReader(section, offset: blockOffset(b))
        var capacity = 256
        var term = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { term.deallocate() }
        var length = 0
        var index = b * TermDictionaryFormat.blockSize
        while index < termCount, !r.atEnd {
            let shared = r.int()
            let suffixLen = r.int()
            let suffix = r.bytes(suffixLen)
            if r.overrun || shared > length { return }
            if shared + suffixLen > capacity {
                capacity = max(capacity * 2, shared + suffixLen)
                let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
                grown.update(from: term, count: shared)
                term.deallocate()
                term = grown
            }
            if suffixLen > 0 { (term + shared).update(from: suffix.baseAddress!, count: suffixLen) }
            length = shared + suffixLen
            let info = TermInfo(docFreq: r.int(), docsOffset: r.int(), positionsOffset: r.int())
            if !body(UnsafeBufferPointer(start: term, count: length), info) { return }
            index += 1
        }
    }
}
