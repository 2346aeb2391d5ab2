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
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var chars = [UInt8]()
        chars.reserveCapacity(64)
        for byte in finalize() {
            chars.append(digits[Int(byte >> 4)])
            chars.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: chars, as: UTF8.self)
    }

    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    private mutating func compress(_ base: UnsafePointer<UInt8>, blocks: Int) {
        if hardware {
            withUnsafeMutableBytes(of: &state) { raw in
                cpx_sha256_compress_hardware(raw.baseAddress!.assumingMemoryBound(to: UInt32.self), base, blocks)
            }
            return
        }
        var w = [UInt32](repeating: 0, count: 64)
        let k = SHA256.k
        var (h0, h1, h2, h3, h4, h5, h6, h7) = state
        w.withUnsafeMutableBufferPointer { w in
            k.withUnsafeBufferPointer { k in
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
        }
        state = (h0, h1, h2, h3, h4, h5, h6, h7)
    }
}

extension UInt32 {
    @inline(__always) fileprivate func rotr(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
}
