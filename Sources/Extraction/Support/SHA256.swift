import CSHA256
import Foundation

/// SHA-256 (FIPS 180-4), streaming. A value type: copying it forks the hash state, which
/// is how feed items get `sha256(bytes + "#" + key)` without rehashing the bytes.
public struct SHA256: Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
        0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0
    private let hardware: Bool

    /// Whether this processor's SHA instructions are used (x86-64 with the SHA extensions:
    /// about ten times the portable code's speed on a large file).
    public static let hardwareAvailable = cpx_sha256_hardware_available() == 1

    /// `portable`: use the portable code even where the SHA instructions exist (tests
    /// check that both paths agree).
    public init(portable: Bool = false) {
        hardware = !portable && SHA256.hardwareAvailable
        buffer.reserveCapacity(64)
    }

    public static func hex(of data: some Collection<UInt8>) -> String {
        var h = SHA256()
        h.update(data)
        return h.finalizeHex()
    }

    public mutating func update(_ data: some Collection<UInt8>) {
        length &+= UInt64(data.count)
        var remaining = data[...]
        if !buffer.isEmpty {
            let take = min(64 - buffer.count, remaining.count)
            buffer.append(contentsOf: remaining.prefix(take))
            remaining = remaining.dropFirst(take)
            if buffer.count == 64 {
                let block = buffer
                block.withUnsafeBufferPointer { compress($0.baseAddress!, blocks: 1) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        let fullBlocks = remaining.count / 64
        if fullBlocks > 0 {
            let n = fullBlocks * 64
            let done = remaining.withContiguousStorageIfAvailable { ptr -> Bool in
                compress(ptr.baseAddress!, blocks: fullBlocks)
                return true
            }
            if done == nil {
                let copy = Array(remaining.prefix(n))
                copy.withUnsafeBufferPointer { compress($0.baseAddress!, blocks: fullBlocks) }
            }
            remaining = remaining.dropFirst(n)
        }
        buffer.append(contentsOf: remaining)
    }

    public mutating func update(_ data: Data) {
        data.withUnsafeBytes { raw in
            update(UnsafeBufferPointer(start: raw.bindMemory(to: UInt8.self).baseAddress, count: raw.count))
        }
    }

    public mutating func finalize() -> [UInt8] {
        let bitLength = length &* 8
        var tail = buffer
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
        tail.withUnsafeBufferPointer { compress($0.baseAddress!, blocks: tail.count / 64) }
        buffer.removeAll()
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        var out = [UInt8]()
        out.reserveCapacity(32)
        for w in words {
            out.append(UInt8(w >> 24)); out.append(UInt8((w >> 16) & 0xff))
            out.append(UInt8((w >> 8) & 0xff)); out.append(UInt8(w & 0xff))
        }
        return out
    }

    public mutating func finalizeHex() -> String {
        finalize().withUnsafeBufferPointer { SHA256.hexString($0) }
    }

    /// Lower-case hex of `bytes` (a digest's usual spelling).
    public static func hexString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            let d = digits.utf8Start
            var k = 0
            for b in bytes {
                out[k] = d[Int(b >> 4)]
                out[k + 1] = d[Int(b & 15)]
                k += 2
            }
            return k
        }
    }


    private mutating func compress(_ base: UnsafePointer<UInt8>, blocks: Int) {
        if hardware {
            withUnsafeMutableBytes(of: &state) { raw in
                cpx_sha256_compress_hardware(raw.baseAddress!.assumingMemoryBound(to: UInt32.self), base, blocks)
            }
            return
        }
        var w = [UInt32](repeating: 0, count: 64)
        // The round constants: one table, in the C target the hardware path shares it with.
        let k = cpx_sha256_round_constants()!
        var (h0, h1, h2, h3, h4, h5, h6, h7) = state
        w.withUnsafeMutableBufferPointer { w in
            for blockIndex in 0..<blocks {
                let p = base + blockIndex * 64
                for i in 0..<16 {
                    w[i] = UInt32(p[i * 4]) << 24 | UInt32(p[i * 4 + 1]) << 16
                        | UInt32(p[i * 4 + 2]) << 8 | UInt32(p[i * 4 + 3])
                }
                for i in 16..<64 {
                    let s0 = w[i - 15].rotr(7) ^ w[i - 15].rotr(18) ^ (w[i - 15] >> 3)
                    let s1 = w[i - 2].rotr(17) ^ w[i - 2].rotr(19) ^ (w[i - 2] >> 10)
                    w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                }
                var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
                for i in 0..<64 {
                    let s1 = e.rotr(6) ^ e.rotr(11) ^ e.rotr(25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = h &+ s1 &+ ch &+ k[i] &+ w[i]
                    let s0 = a.rotr(2) ^ a.rotr(13) ^ a.rotr(22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ maj
                    h = g; g = f; f = e; e = d &+ t1
                    d = c; c = b; b = a; a = t1 &+ t2
                }
                h0 = h0 &+ a; h1 = h1 &+ b; h2 = h2 &+ c; h3 = h3 &+ d
                h4 = h4 &+ e; h5 = h5 &+ f; h6 = h6 &+ g; h7 = h7 &+ h
            }
        }
        state = (h0, h1, h2, h3, h4, h5, h6, h7)
    }
}

extension UInt32 {
    @inline(__always) fileprivate func rotr(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
}
