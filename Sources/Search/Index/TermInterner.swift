import Foundation

/// Maps byte strings (field byte + term) to dense ids with an open-addressing hash table
/// over one byte arena: no `String` or `Array` per term on the indexing hot path.
struct TermInterner {
    private(set) var arena: [UInt8] = []
    private(set) var starts: [Int32] = [0]
    private var table: [Int32]
    private var hashes: [UInt32] = []
    private var mask: Int

    init(capacity: Int = 1 << 12) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        table = [Int32](repeating: -1, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
    }

    var count: Int { starts.count - 1 }

    /// Approximate bytes held.
    var memoryBytes: Int { arena.capacity + starts.capacity * 4 + hashes.capacity * 4 + table.count * 4 }

    @inline(__always) private static func hash(_ field: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261 ^ UInt32(field)
        h = h &* 16_777_619
        for b in bytes {
            h = (h ^ UInt32(b)) &* 16_777_619
        }
        return h
    }

    mutating func intern(_ field: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = TermInterner.hash(field, bytes)
        var slot = Int(h) & mask
        let n = bytes.count + 1
        while true {
            let id = table[slot]
            if id < 0 { break }
            if hashes[Int(id)] == h {
                let s = Int(starts[Int(id)])
                let e = Int(starts[Int(id) + 1])
                if e - s == n, arena[s] == field {
                    let equal = arena.withUnsafeBufferPointer { a in
                        n == 1 || memcmp(a.baseAddress! + s + 1, bytes.baseAddress!, n - 1) == 0
                    }
                    if equal { return id }
                }
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(count)
        arena.append(field)
        arena.append(contentsOf: bytes)
        starts.append(Int32(arena.count))
        hashes.append(h)
        table[slot] = id
        if count * 2 > table.count { grow() }
        return id
    }

    private mutating func grow() {
        let size = table.count * 2
        table = [Int32](repeating: -1, count: size)
        mask = size - 1
        for id in 0..<count {
            var slot = Int(hashes[id]) & mask
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(id)
        }
    }

    func field(_ id: Int32) -> UInt8 { arena[Int(starts[Int(id)])] }

    /// The key bytes (field byte included) of `id`.
    func withKey<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let s = Int(starts[Int(id)])
        let e = Int(starts[Int(id) + 1])
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[s..<e])) }
    }
}
