/// Interned folded words: each distinct byte string has a small integer id. Read-only view
/// of three flat arrays of the reference image (the word bytes one after the other, the
/// offset of each word, an open-addressing table of ids); lookups in the hot loop hash
/// the bytes in place (no `String` per token). Built by `VocabularyBuilder`.
struct Vocabulary: @unchecked Sendable {
    private let arena: FlatArray<UInt8>
    private let offsets: FlatArray<Int32>
    /// Per slot: the top 12 bits of the word's hash, then id + 1 in the low 20 bits (0 =
    /// empty); a probe compares bytes only when the hash tags agree. A power of two in
    /// size, with at least one empty slot (checked at load), so every probe ends.
    private let slots: FlatArray<UInt32>
    private let mask: Int
    /// Keeps the memory of the three arrays alive.
    private let owner: AnyObject

    init(arena: FlatArray<UInt8>, offsets: FlatArray<Int32>, slots: FlatArray<UInt32>, owner: AnyObject) {
        self.arena = arena
        self.offsets = offsets
        self.slots = slots
        self.mask = slots.count - 1
        self.owner = owner
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

    /// Ids fit in the low 20 bits of a slot.
    static let maxWords = (1 << 20) - 2
    static let idMask: UInt32 = 0xF_FFFF

    @inline(__always)
    static func tag(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 52) << 20 }

    @inline(__always)
    static func slotEntry(_ hash: UInt64, _ id: Int32) -> UInt32 {
        tag(hash) | UInt32(id + 1)
    }

    @inline(__always)
    static func slot(_ hash: UInt64, _ mask: Int) -> Int {
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
        let tag = Self.tag(hash)
        var slot = Self.slot(hash, mask)
        while true {
            let v = slots[slot]
            if v == 0 { return -1 }
            if v & ~Self.idMask == tag {
                let id = Int32(v & Self.idMask) - 1
                if equals(Int(id), bytes) { return id }
            }
            slot = (slot + 1) & mask
        }
    }

    func lookup(_ word: [UInt8]) -> Int32 {
        word.withUnsafeBufferPointer { lookup($0) }
    }

    func word(_ id: Int32) -> [UInt8] {
        Array(UnsafeBufferPointer(rebasing: arena.buffer[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])]))
    }
}

/// Builds a vocabulary while the reference data are compiled (`GazetteerCompiler`).
struct VocabularyBuilder {
    private(set) var arena: [UInt8] = []
    private(set) var offsets: [Int32] = [0]
    private var slots: [UInt32]
    private var mask: Int

    init(capacity: Int = 1 << 16) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { offsets.count - 1 }

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = Int(offsets[id]), hi = Int(offsets[id + 1])
        return hi - lo == bytes.count && arena[lo..<hi].elementsEqual(bytes)
    }

    func lookup(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let tag = Vocabulary.tag(hash)
        var slot = Vocabulary.slot(hash, mask)
        while true {
            let v = slots[slot]
            if v == 0 { return -1 }
            if v & ~Vocabulary.idMask == tag {
                let id = Int32(v & Vocabulary.idMask) - 1
                if equals(Int(id), word) { return id }
            }
            slot = (slot + 1) & mask
        }
    }

    mutating func intern(_ word: [UInt8]) -> Int32 {
        word.withUnsafeBufferPointer { intern($0, hash: Vocabulary.hash($0)) }
    }

    mutating func intern(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let existing = lookup(word, hash: hash)
        if existing >= 0 { return existing }
        precondition(count < Vocabulary.maxWords, "reference vocabulary too large for the image format")
        if count * 2 >= slots.count { grow() }
        let id = Int32(count)
        arena.append(contentsOf: word)
        offsets.append(Int32(arena.count))
        Self.place(hash, id, in: &slots, mask)
        return id
    }

    private static func place(_ hash: UInt64, _ id: Int32, in slots: inout [UInt32], _ mask: Int) {
        var slot = Vocabulary.slot(hash, mask)
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Vocabulary.slotEntry(hash, id)
    }

    /// The slot table of the finished vocabulary, sized to it (at most half full) and
    /// filled in id order, so the image does not depend on how the builder grew.
    func finalSlots() -> [UInt32] {
        var size = 16
        while size < count * 2 { size <<= 1 }
        var table = [UInt32](repeating: 0, count: size)
        for id in 0..<count {
            let hash = arena[Int(offsets[id])..<Int(offsets[id + 1])].withUnsafeBufferPointer { Vocabulary.hash($0) }
            Self.place(hash, Int32(id), in: &table, size - 1)
        }
        return table
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for id in 0..<count {
            let hash = arena[Int(offsets[id])..<Int(offsets[id + 1])].withUnsafeBufferPointer { Vocabulary.hash($0) }
            Self.place(hash, Int32(id), in: &slots, mask)
        }
    }
}
