/// Open-addressing hash map from a trie edge (node, word) packed in 64 bits to the child
/// node. A multiplicative hash instead of the standard library's seeded SipHash: the trie
/// does hundreds of thousands of inserts at load and one probe per word in the text.
struct EdgeTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    private static let empty = UInt64.max

    init(minimumCapacity: Int) {
        var size = 16
        while size < minimumCapacity * 2 { size <<= 1 }
        keys = Array(repeating: Self.empty, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always)
    subscript(key: UInt64) -> Int32? {
        var s = Self.slot(key, mask)
        while true {
            let k = keys[s]
            if k == key { return values[s] }
            if k == Self.empty { return nil }
            s = (s + 1) & mask
        }
    }

    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        var s = Self.slot(key, mask)
        while keys[s] != Self.empty && keys[s] != key { s = (s + 1) & mask }
        if keys[s] == Self.empty { count += 1 }
        keys[s] = key
        values[s] = value
    }

    /// The value of `key`, inserting `value` first when the key is absent (one probe).
    mutating func findOrInsert(_ key: UInt64, _ value: Int32) -> (value: Int32, inserted: Bool) {
        if (count + 1) * 2 > keys.count { grow() }
        var s = Self.slot(key, mask)
        while true {
            let k = keys[s]
            if k == key { return (values[s], false) }
            if k == Self.empty { break }
            s = (s + 1) & mask
        }
        keys[s] = key
        values[s] = value
        count += 1
        return (value, true)
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        let size = keys.count * 2
        keys = Array(repeating: Self.empty, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
        count = 0
        for (i, k) in oldKeys.enumerated() where k != Self.empty { insert(k, oldValues[i]) }
    }
}
