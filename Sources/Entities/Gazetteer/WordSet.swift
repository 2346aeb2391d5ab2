/// A small set of word ids tested in the hot loops of the rules: a bitmap indexed by id
/// (one shift and one mask, no hashing). Unknown words (id -1) are never members.
struct WordSet: Sendable {
    private var bits: [UInt64] = []

    init() {}

    init<S: Sequence>(_ ids: S) where S.Element == Int32 {
        for id in ids { insert(id) }
    }

    mutating func insert(_ id: Int32) {
        guard id >= 0 else { return }
        let word = Int(id) >> 6
        if word >= bits.count { bits += Array(repeating: 0, count: word + 1 - bits.count) }
        bits[word] |= 1 << UInt64(id & 63)
    }

    @inline(__always)
    func contains(_ id: Int32) -> Bool {
        let word = Int(id) >> 6
        guard id >= 0, word < bits.count else { return false }
        return bits[word] & (1 << UInt64(id & 63)) != 0
    }
}
