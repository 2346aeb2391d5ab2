import Foundation

/// Growable byte buffer with the little-endian and variable-byte encodings the segment
/// format uses.
struct ByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    @inline(__always) mutating func byte(_ b: UInt8) { bytes.append(b) }

    @inline(__always) mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    @inline(__always) mutating func varint(_ value: Int) { varint(UInt64(value)) }

    mutating func u32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func u64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ s: String) {
        let utf8 = s.utf8
        varint(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    mutating func optionalString(_ s: String?) {
        if let s {
            byte(1)
            string(s)
        } else {
            byte(0)
        }
    }

    mutating func raw(_ b: some Sequence<UInt8>) { bytes.append(contentsOf: b) }
}

/// Cursor over bytes owned elsewhere (a memory-mapped segment or an array kept alive by the
/// caller). Reads past the end return zeros and set `overrun` rather than trapping, so a
/// damaged file yields an error, never a crash.
struct ByteReader {
    let base: UnsafePointer<UInt8>
    let end: Int
    var offset: Int
    private(set) var overrun = false

    init(_ buffer: UnsafeRawBufferPointer, offset: Int = 0) {
        self.base = buffer.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) } ?? UnsafePointer(bitPattern: 1)!
        self.end = buffer.count
        self.offset = offset
    }

    var atEnd: Bool { offset >= end }

    @inline(__always) mutating func byte() -> UInt8 {
        guard offset < end else { overrun = true; return 0 }
        let b = base[offset]
        offset += 1
        return b
    }

    @inline(__always) mutating func varint() -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < end {
            let b = base[offset]
            offset += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
            if shift > 63 { break }
        }
        overrun = true
        return result
    }

    @inline(__always) mutating func int() -> Int { Int(truncatingIfNeeded: varint()) }

    mutating func u32() -> UInt32 {
        guard offset + 4 <= end else { overrun = true; offset = end; return 0 }
        var v: UInt32 = 0
        withUnsafeMutableBytes(of: &v) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base + offset, count: 4)) }
        offset += 4
        return UInt32(littleEndian: v)
    }

    mutating func u64() -> UInt64 {
        guard offset + 8 <= end else { overrun = true; offset = end; return 0 }
        var v: UInt64 = 0
        withUnsafeMutableBytes(of: &v) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base + offset, count: 8)) }
        offset += 8
        return UInt64(littleEndian: v)
    }

    mutating func bytes(_ n: Int) -> UnsafeBufferPointer<UInt8> {
        guard n >= 0, offset + n <= end else { overrun = true; offset = end; return UnsafeBufferPointer(start: base, count: 0) }
        let out = UnsafeBufferPointer(start: base + offset, count: n)
        offset += n
        return out
    }

    mutating func string() -> String {
        let n = int()
        return String(decoding: bytes(n), as: UTF8.self)
    }

    mutating func optionalString() -> String? {
        byte() == 1 ? string() : nil
    }
}

/// Lexicographic comparison of byte strings (the term dictionary order).
@inline(__always)
func compareBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
    let n = min(a.count, b.count)
    if n > 0 {
        let c = memcmp(a.baseAddress!, b.baseAddress!, n)
        if c != 0 { return c < 0 ? -1 : 1 }
    }
    return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
}
