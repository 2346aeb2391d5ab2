/// Interned folded words: each distinct byte string gets a small integer id. Built once
/// at load; lookups in the hot loop hash the bytes in place (no `String` per token).
struct Vocabulary: Sendable {
    private var arena: [UInt8] = []
    private var offsets: [Int32] = [0]
    /// Per slot: the high 32 bits of the word's hash, then id + 1 in the low 32 bits (0 =
    /// empty); a probe compares bytes only when the hash tags agree.
    private var slots: [UInt64]
    private var mask: Int

    init(capacity: Int = 1 << 16) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { offsets.count - 1 }

    /// FNV-1a over the folded bytes; the tokenizer computes it while folding.
    static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x100_0000_01b3

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = fnvBasis
        for b in bytes {
            h = (h ^ UInt64(b)) &* fnvPrime
        }
        return h
    }

    @inline(__always)
    private static func entry(_ hash: UInt64, _ id: Int32) -> UInt64 {
        hash & 0xFFFF_FFFF_0000_0000 | UInt64(UInt32(bitPattern: id + 1))
    }

    @inline(__always)
    private static func slot(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    }

    @inline(__always)
    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = Int(offsets[id]), hi = Int(offsets[id + 1])
        if hi - lo != bytes.count { return false }
        var i = 0
        while i < bytes.count {
            if arena[lo + i] != bytes[i] { return false }
            i += 1
        }
        return true
    }

    /// The id of `bytes`, or -1 when the word is not in the vocabulary.
    @inline(__always)
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        lookup(bytes, hash: Self.hash(bytes))
    }

    /// The id of `bytes` whose `Vocabulary.hash` is `hash`, or -1.
    @inline(__always)
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        return slots.withUnsafeBufferPointer { slots in
            var slot = Self.slot(hash, mask)
            while true {
                let v = slots[slot]
                if v == 0 { return -1 }
                if v & 0xFFFF_FFFF_0000_0000 == tag {
                    let id = Int32(truncatingIfNeeded: v & 0xFFFF_FFFF) - 1
                    if equals(Int(id), bytes) { return id }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    func lookup(_ word: [UInt8]) -> Int32 {
        word.withUnsafeBufferPointer { lookup($0) }
    }

    mutating func intern(_ word: [UInt8]) -> Int32 {
        word.withUnsafeBufferPointer { intern($0) }
    }

    mutating func intern(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        intern(word, hash: Self.hash(word))
    }

    mutating func intern(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let existing = lookup(word, hash: hash)
        if existing >= 0 { return existing }
        if count * 2 >= slots.count { grow() }
        let id = Int32(count)
        arena.append(contentsOf: word)
        offsets.append(Int32(arena.count))
        var slot = Self.slot(hash, mask)
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Self.entry(hash, id)
        return id
    }

    func word(_ id: Int32) -> [UInt8] {
        Array(arena[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])])
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for id in 0..<count {
            let w = word(Int32(id))
            let hash = w.withUnsafeBufferPointer { Self.hash($0) }
            var slot = Self.slot(hash, mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Self.entry(hash, Int32(id))
        }
    }
}
