/// A fast 64-bit hash of byte strings for the reference image: the checksum of the TSV
/// files stored in the image header (is the image stale?) and of the image itself (is it
/// damaged?). Not a cryptographic hash: it detects edits and corruption, not forgery.
///
/// Four independent lanes over 32-byte blocks of little-endian words (one multiply per
/// word: gigabytes per second); each step is a bijection of the lane state for a given
/// word, so a change confined to one word always changes the result. A string is fed as
/// whole blocks (`absorb`, any number of calls) then its tail (`finish`), so a file read
/// in chunks hashes like the same file read at once.
struct ReferenceHash {
    private var a: UInt64 = 0x243F_6A88_85A3_08D3
    private var b: UInt64 = 0x1319_8A2E_0370_7344
    private var c: UInt64 = 0xA409_3822_299F_31D0
    private var d: UInt64 = 0x082E_FA98_EC4E_6C89
    /// Bytes of the current string absorbed so far.
    private var pending: UInt64 = 0

    static let block = 32

    private static let k1: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let k2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    @inline(__always)
    private static func step(_ h: UInt64, _ w: UInt64) -> UInt64 {
        let x = h ^ (w &* k1)
        return ((x << 31) | (x >> 33)) &* k2
    }

    /// Feeds whole blocks: `bytes.count` must be a multiple of `ReferenceHash.block`.
    mutating func absorb(_ bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count % Self.block == 0)
        guard let base = bytes.baseAddress else { return }
        var (a, b, c, d) = (self.a, self.b, self.c, self.d)
        var p = base
        let end = base + bytes.count
        while p < end {
            a = Self.step(a, UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)))
            b = Self.step(b, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
            c = Self.step(c, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 16, as: UInt64.self)))
            d = Self.step(d, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
            p += Self.block
        }
        (self.a, self.b, self.c, self.d) = (a, b, c, d)
        pending &+= UInt64(bytes.count)
    }

    /// Ends the current string with its last `tail` bytes (fewer than a block).
    mutating func finish(_ tail: UnsafeRawBufferPointer) {
        var words = [UInt64](repeating: 0, count: 4)
        words.withUnsafeMutableBytes { $0.copyMemory(from: tail) }
        a = Self.step(a, UInt64(littleEndian: words[0]))
        b = Self.step(b, UInt64(littleEndian: words[1]))
        c = Self.step(c, UInt64(littleEndian: words[2]))
        d = Self.step(d, UInt64(littleEndian: words[3]) ^ (pending &+ UInt64(tail.count)))
        pending = 0
    }

    /// Feeds one whole string.
    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        let whole = bytes.count - bytes.count % Self.block
        absorb(UnsafeRawBufferPointer(rebasing: bytes[0..<whole]))
        finish(UnsafeRawBufferPointer(rebasing: bytes[whole...]))
    }

    mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine($0) }
    }

    mutating func combine(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { combine($0) }
    }

    var value: UInt64 {
        var h = Self.step(a, b)
        h = Self.step(h, c)
        h = Self.step(h, d)
        return h ^ (h >> 29)
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = ReferenceHash()
        h.combine(bytes)
        return h.value
    }
}
