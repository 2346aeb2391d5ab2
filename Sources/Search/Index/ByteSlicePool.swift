/// Many growable byte streams (a segment builder's postings: one doc stream and one
/// positions stream per term) in the pages of one pool, as Lucene's ByteBlockPool and
/// Tantivy's memory arena keep them: a stream is a chain of slices that grow from 8 to
/// 4096 bytes, each ending with the address of the next. Appending costs a bounds check
/// and a store, with no allocation per term, no reference counting and no copy when a
/// stream grows; the pages are freed together.
///
/// An address is `page << pageBits | offset`. A slice of level k holds `sizes[k]` bytes:
/// its data, then 8 bytes for the address of the next slice.
struct ByteSlicePool {
    /// Where a stream is: the address of its first slice (-1: empty), the next byte to
    /// write, the end of the current slice's data, the current slice's level, and the
    /// bytes written.
    struct Stream {
        var head = -1
        var write = 0
        var end = 0
        var level: Int32 = -1
        var length = 0
    }

    static let pageBits = 16
    static let pageSize = 1 << pageBits
    static let sizes: [Int] = [16, 32, 64, 128, 256, 512, 1024, 2048, 4096]
    static let linkSize = 8

    private var pages: [UnsafeMutablePointer<UInt8>] = []
    /// Address of the first free byte of the last page.
    private var free = 0
    private var freeEnd = 0

    /// Bytes allocated (the pages).
    var memoryBytes: Int { pages.count * Self.pageSize }

    func release() {
        for p in pages { p.deallocate() }
    }

    @inline(__always) private func pointer(_ address: Int) -> UnsafeMutablePointer<UInt8> {
        pages[address >> Self.pageBits] + (address & (Self.pageSize - 1))
    }

    /// A slice of `size` bytes; its address.
    private mutating func allocate(_ size: Int) -> Int {
        if free + size > freeEnd {
            let page = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.pageSize)
            pages.append(page)
            free = (pages.count - 1) << Self.pageBits
            freeEnd = free + Self.pageSize
        }
        let address = free
        free += size
        return address
    }

    /// Moves `s` to a new slice (the next level up), linked from the current one.
    private mutating func grow(_ s: inout Stream) {
        let level = min(Int(s.level) + 1, Self.sizes.count - 1)
        let size = Self.sizes[level]
        let address = allocate(size)
        if s.head < 0 {
            s.head = address
        } else {
            UnsafeMutableRawPointer(pointer(s.end)).storeBytes(of: UInt64(address), as: UInt64.self)
        }
        s.write = address
        s.end = address + size - Self.linkSize
        s.level = Int32(level)
    }

    /// Appends the variable-byte form of `value` (7 bits per byte, low first) to `s`.
    @inline(__always) mutating func appendVarint(_ value: UInt32, to s: inout Stream) {
        if s.end - s.write >= 5 {
            // The common case: room for the longest varint in this slice.
            let p = pointer(s.write)
            var v = value
            var k = 0
            while v >= 0x80 {
                p[k] = UInt8(truncatingIfNeeded: v) | 0x80
                v >>= 7
                k += 1
            }
            p[k] = UInt8(v)
            s.write += k + 1
            s.length += k + 1
            return
        }
        var v = value
        while true {
            if s.write == s.end || s.head < 0 { grow(&s) }
            let b = v >= 0x80 ? UInt8(truncatingIfNeeded: v) | 0x80 : UInt8(v)
            pointer(s.write).pointee = b
            s.write += 1
            s.length += 1
            if v < 0x80 { return }
            v >>= 7
        }
    }

    /// Calls `body` with the stream's bytes, slice by slice, in order.
    func forEachPiece(of s: Stream, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        guard s.head >= 0 else { return }
        var address = s.head
        var level = 0
        var remaining = Int(s.length)
        while remaining > 0 {
            let capacity = Self.sizes[level] - Self.linkSize
            let n = min(capacity, remaining)
            try body(UnsafeBufferPointer(start: pointer(address), count: n))
            remaining -= n
            if remaining == 0 { break }
            address = Int(UnsafeRawPointer(pointer(address + capacity)).load(as: UInt64.self))
            level = min(level + 1, Self.sizes.count - 1)
        }
    }

    /// The stream's bytes, appended to `out`.
    func copy(_ s: Stream, into out: inout [UInt8]) {
        forEachPiece(of: s) { out.append(contentsOf: $0) }
    }
}
