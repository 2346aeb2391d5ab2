/// Open-addressing hash map from a trie edge (node, word) packed in 64 bits to the child
/// node, used while the trie is built (`PhraseTrieBuilder`). A multiplicative hash
/// instead of the standard library's seeded SipHash: the trie does hundreds of thousands
/// of inserts. Key and value share a slot (one cache line per probe).
struct EdgeTable: Sendable {
    private struct Slot {
        var key: UInt64
        var value: Int32
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    private static let empty = UInt64.max

    init(minimumCapacity: Int) {
        var size = 16
        while size < minimumCapacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(key: Self.empty, value: -1), count: size)
        mask = size - 1
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The value of `key`, inserting `value` first when the key is absent (one probe).
    mutating func findOrInsert(_ key: UInt64, _ value: Int32) -> (value: Int32, inserted: Bool) {
        if (count + 1) * 2 > slots.count { grow() }
        var s = Self.slot(key, mask)
        while true {
            let k = slots[s].key
            if k == key { return (slots[s].value, false) }
            if k == Self.empty { break }
            s = (s + 1) & mask
        }
        slots[s] = Slot(key: key, value: value)
        count += 1
        return (value, true)
    }

    /// Every (key, value), in slot order.
    func forEach(_ body: (UInt64, Int32) -> Void) {
        for slot in slots where slot.key != Self.empty { body(slot.key, slot.value) }
    }

    private mutating func grow() {
        let old = slots
        let size = slots.count * 2
        slots = Array(repeating: Slot(key: Self.empty, value: -1), count: size)
        mask = size - 1
        count = 0
        for slot in old where slot.key != Self.empty { _ = findOrInsert(slot.key, slot.value) }
    }
}
