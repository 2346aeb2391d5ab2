/// A small LZ77 compressor in the spirit of LZ4 (greedy matching through a hash of 4-byte
/// sequences; literal runs and matches encoded with variable-byte lengths). Used for the
/// stored-fields blocks: French text compresses to roughly half, and decompression is a
/// tight copy loop.
///
/// Format: a sequence of `[varint literalCount][literals][varint matchLength-4][varint offset]`;
/// the last sequence has literals only (the decoder stops at the end of the input).
enum LZCompressor {
    private static let minMatch = 4
    private static let hashBits = 16

    static func compress(_ input: [UInt8]) -> [UInt8] {
        var out = ByteWriter(capacity: input.count / 2 + 16)
        let n = input.count
        if n < 16 {
            out.varint(n)
            out.raw(input)
            return out.bytes
        }
        var table = [Int32](repeating: -1, count: 1 << hashBits)
        input.withUnsafeBufferPointer { src in
            let p = src.baseAddress!
            @inline(__always) func read32(_ i: Int) -> UInt32 {
                UInt32(p[i]) | UInt32(p[i + 1]) << 8 | UInt32(p[i + 2]) << 16 | UInt32(p[i + 3]) << 24
            }
            @inline(__always) func hash(_ v: UInt32) -> Int {
                Int((v &* 2_654_435_761) >> UInt32(32 - hashBits))
            }
            var anchor = 0
            var i = 0
            let limit = n - minMatch
            while i <= limit {
                let v = read32(i)
                let h = hash(v)
                let candidate = Int(table[h])
                table[h] = Int32(i)
                if candidate >= 0, i - candidate < 1 << 20, read32(candidate) == v {
                    var len = minMatch
                    while i + len < n, p[candidate + len] == p[i + len] { len += 1 }
                    out.varint(i - anchor)
                    out.bytes.append(contentsOf: UnsafeBufferPointer(start: p + anchor, count: i - anchor))
                    out.varint(len - minMatch)
                    out.varint(i - candidate)
                    // Index a couple of positions inside the match to keep finding repeats.
                    let stop = i + len
                    if stop - 2 <= limit { table[hash(read32(stop - 2))] = Int32(stop - 2) }
                    i = stop
                    anchor = i
                } else {
                    i += 1
                }
            }
            out.varint(n - anchor)
            out.bytes.append(contentsOf: UnsafeBufferPointer(start: p + anchor, count: n - anchor))
        }
        return out.bytes
    }

    /// Decompresses `input`; nil when the data is damaged (offsets out of range, size wrong).
    static func decompress(_ input: UnsafeBufferPointer<UInt8>, expectedSize: Int) -> [UInt8]? {
        guard expectedSize >= 0 else { return nil }
        var out = [UInt8](repeating: 0, count: expectedSize)
        let ok = out.withUnsafeMutableBufferPointer { dst -> Bool in
            var r = ByteReader(UnsafeRawBufferPointer(input))
            var w = 0
            while !r.atEnd {
                let literals = r.int()
                let lit = r.bytes(literals)
                if r.overrun || w + literals > expectedSize { return false }
                if literals > 16 {
                    (dst.baseAddress! + w).update(from: lit.baseAddress!, count: literals)
                } else {
                    for k in 0..<literals { dst[w + k] = lit[k] }
                }
                w += literals
                if r.atEnd { break }
                let len = r.int() + minMatch
                let offset = r.int()
                if r.overrun || offset <= 0 || offset > w || w + len > expectedSize { return false }
                let base = dst.baseAddress!
                if offset >= len && len > 16 {
                    (base + w).update(from: base + (w - offset), count: len)
                    w += len
                } else {
                    // Overlapping copy (a repeated pattern): byte by byte, in order.
                    var s = w - offset
                    for _ in 0..<len {
                        base[w] = base[s]
                        w += 1
                        s += 1
                    }
                }
            }
            return w == expectedSize
        }
        return ok ? out : nil
    }
}
