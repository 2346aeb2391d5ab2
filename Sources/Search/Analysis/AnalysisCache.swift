/// A hash map from the bytes of a raw token to its analysis, laid out for the hot loop: a
/// slot table of 64-bit words (32-bit hash fingerprint | record offset) and one byte arena
/// where each record holds its header, key and cached terms contiguously, so a hit costs
/// one slot read and one record read, through plain pointers (a `View`), with no
/// allocation, reference counting or exclusivity check. Open addressing, linear probing,
/// load factor at most 1/2.
///
/// Record layout (8-byte aligned): hash UInt64 | key length UInt16 | term count UInt16 |
/// width Int32 | key bytes padded to 8 | `CachedTerm` × count | term bytes.
///
/// Bounded: when `limit` distinct tokens are cached, the cache is cleared and refills (a
/// corpus has tens of thousands of distinct words, so this only bounds pathological input).
final class AnalysisCache {
    struct CachedTerm {
        /// Offset of the term's bytes from the record's start.
        var offset: Int32
        var length: Int16
        var relativePosition: Int16
        var start: Int16
        var end: Int16
        var kind: TermKind
        var isCompoundWhole: Bool
        /// Free for the analyzer's owner: the index writer keeps the term's id in its
        /// segment here (`unresolved` until then), so a known word costs no hash look-up.
        var id: Int32

        static let unresolved = Int32.min
    }

    /// A record, read through the arena.
    struct Record {
        let base: UnsafeRawPointer
        @inline(__always) var termCount: Int { Int(base.load(fromByteOffset: 10, as: UInt16.self)) }
        @inline(__always) var width: Int32 { base.load(fromByteOffset: 12, as: Int32.self) }
        @inline(__always) var keyLength: Int { Int(base.load(fromByteOffset: 8, as: UInt16.self)) }
        @inline(__always) var terms: UnsafePointer<CachedTerm> {
            (base + 16 + AnalysisCache.padded(keyLength)).assumingMemoryBound(to: CachedTerm.self)
        }
    }

    /// Pointers into the cache, valid until the next `insert` or `clear`.
    struct View {
        let slots: UnsafeMutablePointer<UInt64>
        let mask: Int
        let arena: UnsafeMutableRawPointer

        /// The record for `key`, or nil.
        @inline(__always)
        func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64) -> Record? {
            var i = Int(truncatingIfNeeded: h) & mask
            let fingerprint = h >> 32
            while true {
                let slot = slots[i]
                if slot == 0 { return nil }
                if slot >> 32 == fingerprint {
                    let record = UnsafeRawPointer(arena + Int(slot & 0xFFFF_FFFF) - 1)
                    if Int(record.load(fromByteOffset: 8, as: UInt16.self)) == n
                        && memoryEqual((record + 16).assumingMemoryBound(to: UInt8.self), p, n)
                    {
                        return Record(base: record)
                    }
                }
                i = (i + 1) & mask
            }
        }
    }

    let limit: Int
    private(set) var count = 0
    private var arena: UnsafeMutableRawPointer
    private var arenaUsed = 0
    private var arenaCapacity = 1 << 16
    private var slots: UnsafeMutablePointer<UInt64>
    private var slotCount = 2048

    init(limit: Int) {
        self.limit = max(0, limit)
        arena = .allocate(byteCount: arenaCapacity, alignment: 16)
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
    }

    deinit {
        arena.deallocate()
        slots.deallocate()
    }

    var view: View { View(slots: slots, mask: slotCount - 1, arena: arena) }

    /// Bytes allocated by the cache.
    var memoryBytes: Int { arenaCapacity + slotCount * MemoryLayout<UInt64>.stride }

    @inline(__always)
    static func padded(_ n: Int) -> Int { (n + 7) & ~7 }

    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        // FNV-1a, then a final mix so the low bits (the slot index) depend on every byte.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in 0..<n { h = (h ^ UInt64(p[i])) &* 0x100_0000_01b3 }
        h ^= h >> 29
        h = h &* 0xbf58_476d_1ce4_e5b9
        return h ^ (h >> 32)
    }

    /// Adds the analysis of `key` (not present) and returns its record. Invalidates every
    /// `View`.
    func insert(_ key: UnsafeBufferPointer<UInt8>, hash h: UInt64, _ analysis: TokenAnalysis) -> Record {
        if count >= limit { clear() }
        if (count + 1) * 2 > slotCount { grow() }
        let termsOffset = 16 + Self.padded(key.count)
        let bytesOffset = termsOffset + analysis.terms.count * MemoryLayout<CachedTerm>.stride
        let size = Self.padded(bytesOffset + analysis.terms.reduce(0) { $0 + $1.bytes.count })
        reserve(size)
        let record = arena + arenaUsed
        record.storeBytes(of: h, toByteOffset: 0, as: UInt64.self)
        record.storeBytes(of: UInt16(key.count), toByteOffset: 8, as: UInt16.self)
        record.storeBytes(of: UInt16(analysis.terms.count), toByteOffset: 10, as: UInt16.self)
        record.storeBytes(of: analysis.width, toByteOffset: 12, as: Int32.self)
        if let k = key.baseAddress { (record + 16).copyMemory(from: k, byteCount: key.count) }
        let terms = (record + termsOffset).bindMemory(to: CachedTerm.self, capacity: analysis.terms.count)
        var offset = bytesOffset
        for (i, t) in analysis.terms.enumerated() {
            (terms + i).initialize(
                to: CachedTerm(
                    offset: Int32(offset), length: Int16(t.bytes.count), relativePosition: Int16(t.relativePosition),
                    start: Int16(t.start), end: Int16(t.end), kind: t.kind, isCompoundWhole: t.isCompoundWhole,
                    id: CachedTerm.unresolved))
            t.bytes.withUnsafeBytes { bytes in
                if let source = bytes.baseAddress { (record + offset).copyMemory(from: source, byteCount: bytes.count) }
            }
            offset += t.bytes.count
        }
        place(UInt64(arenaUsed + 1) | (h >> 32) << 32, hash: h)
        arenaUsed += size
        count += 1
        return Record(base: UnsafeRawPointer(record))
    }

    func clear() {
        count = 0
        arenaUsed = 0
        slots.update(repeating: 0, count: slotCount)
    }

    private func reserve(_ size: Int) {
        guard arenaUsed + size > arenaCapacity else { return }
        var capacity = arenaCapacity * 2
        while capacity < arenaUsed + size { capacity *= 2 }
        let newArena = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        newArena.copyMemory(from: arena, byteCount: arenaUsed)
        arena.deallocate()
        arena = newArena
        arenaCapacity = capacity
    }

    private func place(_ slot: UInt64, hash h: UInt64) {
        let mask = slotCount - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = slot
    }

    private func grow() {
        let old = slots, oldCount = slotCount
        slotCount *= 2
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
        for i in 0..<oldCount where old[i] != 0 {
            let h = arena.load(fromByteOffset: Int(old[i] & 0xFFFF_FFFF) - 1, as: UInt64.self)
            place(old[i], hash: h)
        }
        old.deallocate()
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
