/// A hash map from the bytes of a raw token to its analysis, stored in flat buffers so the
/// hot loop looks a token up without allocating: open addressing with linear probing over
/// a power-of-two slot table, keys and term bytes in byte arenas.
///
/// Bounded: when `limit` distinct tokens are cached, the cache is cleared and refills (a
/// corpus has tens of thousands of distinct words, so this only bounds pathological input).
final class AnalysisCache {
    struct Entry {
        var hash: UInt64
        var keyOffset: Int32
        var keyLength: Int32
        var firstTerm: Int32
        var termCount: Int32
        var width: Int32
    }

    struct CachedTerm {
        var offset: Int32
        var length: Int32
        var relativePosition: Int32
        var start: Int16
        var end: Int16
        var kind: TermKind
        var isCompoundWhole: Bool
    }

    let limit: Int
    private(set) var entries: [Entry] = []
    private(set) var terms: [CachedTerm] = []
    private(set) var termBytes: [UInt8] = []
    private var keyBytes: [UInt8] = []
    private var slots: [Int32]
    private var mask: Int

    init(limit: Int) {
        self.limit = max(0, limit)
        slots = Array(repeating: -1, count: 1024)
        mask = 1023
        entries.reserveCapacity(1024)
    }

    var count: Int { entries.count }

    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        // FNV-1a, then a final mix so the low bits (the slot index) depend on every byte.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in 0..<n { h = (h ^ UInt64(p[i])) &* 0x100_0000_01b3 }
        h ^= h >> 29
        h = h &* 0xbf58_476d_1ce4_e5b9
        return h ^ (h >> 32)
    }

    /// The index of the entry for `key`, or -1.
    @inline(__always)
    func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64) -> Int32 {
        slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                keyBytes.withUnsafeBufferPointer { keys in
                    var i = Int(truncatingIfNeeded: h) & mask
                    while true {
                        let e = slots[i]
                        if e < 0 { return -1 }
                        let entry = entries[Int(e)]
                        if entry.hash == h && Int(entry.keyLength) == n
                            && memoryEqual(keys.baseAddress! + Int(entry.keyOffset), p, n)
                        {
                            return e
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
    }

    /// Adds the analysis of `key` (not present) and returns its entry index.
    func insert(_ key: UnsafeBufferPointer<UInt8>, hash h: UInt64, _ analysis: TokenAnalysis) -> Int32 {
        if entries.count >= limit { clear() }
        if (entries.count + 1) * 2 > slots.count { grow() }
        let first = Int32(terms.count)
        for t in analysis.terms {
            terms.append(
                CachedTerm(
                    offset: Int32(termBytes.count), length: Int32(t.bytes.count),
                    relativePosition: t.relativePosition, start: Int16(t.start), end: Int16(t.end),
                    kind: t.kind, isCompoundWhole: t.isCompoundWhole))
            termBytes += t.bytes
        }
        let entry = Entry(
            hash: h, keyOffset: Int32(keyBytes.count), keyLength: Int32(key.count), firstTerm: first,
            termCount: Int32(analysis.terms.count), width: analysis.width)
        keyBytes.append(contentsOf: key)
        let index = Int32(entries.count)
        entries.append(entry)
        place(index, hash: h)
        return index
    }

    func clear() {
        entries.removeAll(keepingCapacity: true)
        terms.removeAll(keepingCapacity: true)
        termBytes.removeAll(keepingCapacity: true)
        keyBytes.removeAll(keepingCapacity: true)
        for i in slots.indices { slots[i] = -1 }
    }

    private func place(_ index: Int32, hash h: UInt64) {
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = index
    }

    private func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for (i, e) in entries.enumerated() { place(Int32(i), hash: e.hash) }
    }
}

@inline(__always)
func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var i = 0
    while i + 8 <= n {
        if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self)
            != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self)
        {
            return false
        }
        i += 8
    }
    while i < n {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
