/// The LZ77 codec of the stored fields, in the spirit of LZ4's block format (byte-aligned
/// sequences, no entropy coding, so that showing a hit decodes at memory speed; matches
/// found through short hash chains, greedily), with a
/// **preset dictionary**: every document of a segment is compressed on its own, its
/// matches reaching back into its own bytes or into a dictionary of up to 64 KiB sampled
/// from the segment's documents (as zstd and LZ4 do with dictionaries). Reading one
/// document decodes that document only, yet small documents compress as well as large
/// blocks would, since the phrases they share with their neighbours ("Code général des
/// collectivités territoriales", "dans les conditions prévues") are in the dictionary.
///
/// A compressed document is a series of sequences:
///   token (literal count << 4 | (match length − 4)), each nibble 15 meaning "extended by
///   the following bytes, 255 meaning more follow";
///   the literals;
///   unless the input ends here: the match offset (UInt16, little endian, 1…65535), then
///   the match length's extension bytes.
/// An offset larger than the number of bytes decoded so far reaches into the dictionary,
/// counted back from its end; such a match never runs past the dictionary's end. The last
/// sequence holds literals only: the decoder stops when the input is exhausted after a
/// sequence's literals.
enum LZCompressor {
    static let minMatch = 4
    static let maxOffset = 65_535
    /// Bytes of writable slack the decoder needs past the decoded size (wild copies).
    static let outputSlack = 32
    /// Candidates examined per position: compression ratio against indexing time.
    static let chainDepth = 4
    /// The same in the dictionary, where most of the time goes.
    static let dictionaryDepth = 4

    /// A dictionary with its match-finder tables (built once, shared by every document).
    struct Dictionary: Sendable {
        let bytes: [UInt8]
        fileprivate let head: [Int32]
        fileprivate let chain: [Int32]
        fileprivate static let hashBits = 15

        init(_ bytes: [UInt8]) {
            let b = Array(bytes.prefix(LZCompressor.maxOffset))
            self.bytes = b
            var head = [Int32](repeating: -1, count: 1 << Dictionary.hashBits)
            var chain = [Int32](repeating: -1, count: b.count)
            if b.count >= minMatch {
                b.withUnsafeBufferPointer { p in
                    for i in 0...(b.count - minMatch) {
                        let h = LZCompressor.hash(p.baseAddress! + i, bits: Dictionary.hashBits)
                        chain[i] = head[h]
                        head[h] = Int32(i)
                    }
                }
            }
            self.head = head
            self.chain = chain
        }

        static let empty = Dictionary([])
    }

    @inline(__always) fileprivate static func hash(_ p: UnsafePointer<UInt8>, bits: Int) -> Int {
        Int((UnsafeRawPointer(p).loadUnaligned(as: UInt32.self) &* 2_654_435_761) >> UInt32(32 - bits))
    }

    /// The compressed form of `input`.
    static func compress(_ input: [UInt8], dictionary: Dictionary = .empty) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count / 2 + 16)
        input.withUnsafeBufferPointer { compress($0, dictionary: dictionary, into: &out) }
        return out
    }

    /// Appends the compressed form of `src` to `out`.
    static func compress(_ src: UnsafeBufferPointer<UInt8>, dictionary: Dictionary = .empty, into out: inout [UInt8]) {
        let n = src.count
        guard n > 0, let p = src.baseAddress else {
            out.append(0)
            return
        }
        // Worst case: every byte a literal, plus the length bytes and a token.
        let bound = n + n / 255 + 16
        let dst = UnsafeMutablePointer<UInt8>.allocate(capacity: bound + 16)
        defer { dst.deallocate() }
        let written = dictionary.bytes.withUnsafeBufferPointer { d in
            dictionary.head.withUnsafeBufferPointer { dh in
                dictionary.chain.withUnsafeBufferPointer { dc in
                    encode(p, n, dictionary: d, dictHead: dh, dictChain: dc, into: dst)
                }
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(start: dst, count: written))
    }

    /// The encoder proper, on raw pointers (no closure, no array in the loop). Returns the
    /// bytes written to `dst`.
    private static func encode(
        _ p: UnsafePointer<UInt8>, _ n: Int, dictionary: UnsafeBufferPointer<UInt8>,
        dictHead: UnsafeBufferPointer<Int32>, dictChain: UnsafeBufferPointer<Int32>,
        into dst: UnsafeMutablePointer<UInt8>
    ) -> Int {
        var o = 0
        @inline(__always) func put(_ b: UInt8) {
            dst[o] = b
            o &+= 1
        }
        @inline(__always) func putLength(_ value: Int) {
            var v = value
            while v >= 255 {
                put(255)
                v -= 255
            }
            put(UInt8(v))
        }
        @inline(__always) func sequence(_ start: Int, _ end: Int, _ matchLength: Int, _ offset: Int) {
            let literals = end - start
            let ml = matchLength - minMatch
            put(UInt8(min(literals, 15) << 4) | (matchLength > 0 ? UInt8(min(ml, 15)) : 0))
            if literals >= 15 { putLength(literals - 15) }
            if literals > 0 {
                if literals <= 16 && n - start >= 16 {
                    // One 16-byte move (the output has slack; the input has 16 bytes here).
                    UnsafeMutableRawPointer(dst + o).storeBytes(
                        of: UnsafeRawPointer(p + start).loadUnaligned(as: UInt64.self), as: UInt64.self)
                    UnsafeMutableRawPointer(dst + o + 8).storeBytes(
                        of: UnsafeRawPointer(p + start + 8).loadUnaligned(as: UInt64.self), as: UInt64.self)
                } else {
                    (dst + o).update(from: p + start, count: literals)
                }
                o &+= literals
            }
            guard matchLength > 0 else { return }
            put(UInt8(truncatingIfNeeded: offset))
            put(UInt8(truncatingIfNeeded: offset >> 8))
            if ml >= 15 { putLength(ml - 15) }
        }
        if n < minMatch + 1 {
            sequence(0, n, 0, 0)
            return o
        }
        // The document's own match finder, sized to it.
        var bits = 8
        while bits < 15 && (1 << bits) < n { bits += 1 }
        let shift = UInt32(32 - bits)
        let localHead = UnsafeMutablePointer<Int32>.allocate(capacity: 1 << bits)
        localHead.initialize(repeating: -1, count: 1 << bits)
        let localChain = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        defer {
            localHead.deallocate()
            localChain.deallocate()
        }
        let dict = dictionary.baseAddress
        let dictCount = dict == nil ? 0 : dictionary.count
        let dictShift = UInt32(32 - Dictionary.hashBits)
        let useDictionary = dictCount >= minMatch
        @inline(__always) func load32(_ q: UnsafePointer<UInt8>) -> UInt32 {
            UnsafeRawPointer(q).loadUnaligned(as: UInt32.self)
        }
        @inline(__always) func common(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ limit: Int) -> Int {
            var k = 4  // the first four bytes are known equal
            while k + 8 <= limit {
                let x = UnsafeRawPointer(a + k).loadUnaligned(as: UInt64.self)
                let y = UnsafeRawPointer(b + k).loadUnaligned(as: UInt64.self)
                if x != y { return k + (x ^ y).trailingZeroBitCount >> 3 }
                k += 8
            }
            while k < limit, a[k] == b[k] { k += 1 }
            return k
        }

        let last = n - minMatch
        var inserted = 0
        var anchor = 0
        var i = 0
        while i <= last {
            // Index the positions before i (those inside the last match were skipped).
            while inserted < i {
                let h = Int((load32(p + inserted) &* 2_654_435_761) >> shift)
                localChain[inserted] = localHead[h]
                localHead[h] = Int32(inserted)
                inserted += 1
            }
            let here = p + i
            let first = load32(here)
            let limit = n - i
            var best = 0
            var bestOffset = 0
            var candidate = Int(localHead[Int((first &* 2_654_435_761) >> shift)])
            var depth = chainDepth
            while candidate >= 0, depth > 0, i - candidate <= maxOffset {
                let c = p + candidate
                if load32(c) == first && (best < minMatch || c[best] == here[best]) {
                    let length = common(c, here, limit)
                    if length > best {
                        best = length
                        bestOffset = i - candidate
                        if length == limit { break }
                    }
                }
                candidate = Int(localChain[candidate])
                depth -= 1
            }
            if useDictionary && best < limit, let dict {
                // Dictionary positions within reach of a 16-bit offset.
                let lowest = dictCount + i - maxOffset
                var d = Int(dictHead[Int((first &* 2_654_435_761) >> dictShift)])
                depth = dictionaryDepth
                while d >= 0, d >= lowest, depth > 0 {
                    let c = dict + d
                    let room = min(limit, dictCount - d)
                    if load32(c) == first && room > best && room >= minMatch && (best < minMatch || c[best] == here[best]) {
                        let length = common(c, here, room)
                        if length > best {
                            best = length
                            bestOffset = i + dictCount - d
                        }
                    }
                    d = Int(dictChain[d])
                    depth -= 1
                }
            }
            if best < minMatch {
                i += 1
                continue
            }
            sequence(anchor, i, best, bestOffset)
            i += best
            anchor = i
            // Greedy parsing; the positions inside a match are not indexed (but its last
            // two): half the time for a few percent of ratio.
            if i - 2 > inserted { inserted = i - 2 }
        }
        sequence(anchor, n, 0, 0)
        return o
    }

    /// Decodes `src` into `dst`, which holds `capacity` bytes plus `outputSlack` writable
    /// bytes after them, with `dictionary` as the preset window. Returns the number of
    /// bytes decoded, or nil when the data is damaged (an offset or a length out of range):
    /// never reads or writes out of bounds.
    static func decode(
        _ src: UnsafeBufferPointer<UInt8>, dictionary: UnsafeBufferPointer<UInt8>,
        into dst: UnsafeMutablePointer<UInt8>, capacity: Int
    ) -> Int? {
        var decoder = Decoder(src, dictionary: dictionary, into: dst, capacity: capacity)
        guard decoder.run(until: .max), decoder.finished else { return nil }
        return decoder.decoded
    }

    /// A decoding that can stop and resume between sequences: a hit's record is decoded
    /// only as far as its fields and the part of its text its snippet shows.
    struct Decoder {
        private let s: UnsafePointer<UInt8>?
        private let iend: Int
        private let dictionary: UnsafeBufferPointer<UInt8>
        private let dst: UnsafeMutablePointer<UInt8>
        private let capacity: Int
        private var ip = 0
        private var op = 0

        /// `dst` holds `capacity` bytes plus `outputSlack` writable bytes after them.
        init(
            _ src: UnsafeBufferPointer<UInt8>, dictionary: UnsafeBufferPointer<UInt8>,
            into dst: UnsafeMutablePointer<UInt8>, capacity: Int
        ) {
            s = src.baseAddress
            iend = src.baseAddress == nil ? 0 : src.count
            self.dictionary = dictionary
            self.dst = dst
            self.capacity = capacity
        }

        /// Bytes decoded so far.
        var decoded: Int { op }
        /// Whether the whole input has been decoded.
        var finished: Bool { ip >= iend || s == nil }

        /// Decodes sequences until at least `target` bytes are out or the input ends
        /// (`Int.max`: to its end, which checks that nothing follows the last byte); false
        /// when the data is damaged.
        mutating func run(until target: Int) -> Bool {
            guard let s else { return capacity == 0 }
            let iend = self.iend
            let capacity = self.capacity
            let dst = self.dst
            let dictionary = self.dictionary
            let dictCount = dictionary.count
            var ip = self.ip
            var op = self.op
            defer {
                self.ip = ip
                self.op = op
            }
            @inline(__always) func copy8(_ to: UnsafeMutablePointer<UInt8>, _ from: UnsafePointer<UInt8>) {
                UnsafeMutableRawPointer(to).storeBytes(of: UnsafeRawPointer(from).loadUnaligned(as: UInt64.self), as: UInt64.self)
            }
            /// A match reaching into the dictionary (`offset` > bytes decoded).
            @inline(__always) func dictionaryMatch(_ offset: Int, _ length: Int) -> Bool {
                let back = offset - op
                guard back <= dictCount, length <= back, let d = dictionary.baseAddress else { return false }
                let from = d + (dictCount - back)
                if back - length >= 8 {
                    // Chunks of 8 stay inside the dictionary; the output has slack.
                    var k = 0
                    while k < length {
                        copy8(dst + op + k, from + k)
                        k += 8
                    }
                } else {
                    (dst + op).update(from: from, count: length)
                }
                return true
            }
            while ip < iend && op < target {
                // Fast path: short literals and a short match, far from both ends: fixed-size
                // copies, no loops.
                if iend &- ip >= 32 && capacity &- op >= 48 {
                    let token = Int(s[ip])
                    let literals = token >> 4
                    let matchNibble = token & 15
                    if literals < 15 && matchNibble < 15 {
                        copy8(dst + op, s + ip + 1)
                        copy8(dst + op + 8, s + ip + 9)
                        ip &+= 1 &+ literals
                        op &+= literals
                        let offset = Int(s[ip]) | Int(s[ip + 1]) << 8
                        ip &+= 2
                        let length = matchNibble &+ minMatch
                        if offset >= 8 && offset <= op {
                            let to = dst + op
                            let from = UnsafePointer(dst + (op &- offset))
                            copy8(to, from)
                            copy8(to + 8, from + 8)
                            copy8(to + 16, from + 16)
                        } else if offset > op {
                            guard dictionaryMatch(offset, length) else { return false }
                        } else {
                            guard offset > 0 else { return false }
                            let to = dst + op
                            let from = dst + (op &- offset)
                            for k in 0..<length { to[k] = from[k] }
                        }
                        op &+= length
                        continue
                    }
                }
                let token = s[ip]
                ip += 1
                var literals = Int(token >> 4)
                if literals == 15 {
                    while true {
                        guard ip < iend else { return false }
                        let b = s[ip]
                        ip += 1
                        literals += Int(b)
                        if b != 255 { break }
                    }
                }
                guard literals <= iend - ip, literals <= capacity - op else { return false }
                if literals <= 16 && iend - ip >= 16 {
                    copy8(dst + op, s + ip)
                    copy8(dst + op + 8, s + ip + 8)
                } else if literals > 0 {
                    (dst + op).update(from: s + ip, count: literals)
                }
                ip += literals
                op += literals
                if ip == iend { break }
                guard iend - ip >= 2 else { return false }
                let offset = Int(s[ip]) | Int(s[ip + 1]) << 8
                ip += 2
                var length = Int(token & 15)
                if length == 15 {
                    while true {
                        guard ip < iend else { return false }
                        let b = s[ip]
                        ip += 1
                        length += Int(b)
                        if b != 255 { break }
                    }
                }
                length += minMatch
                guard offset > 0, length <= capacity - op else { return false }
                if offset > op {
                    guard dictionaryMatch(offset, length) else { return false }
                } else if offset >= 8 {
                    // 8 bytes at a time: each chunk reads bytes already written.
                    let from = dst + (op - offset)
                    let to = dst + op
                    var k = 0
                    while k < length {
                        copy8(to + k, from + k)
                        k += 8
                    }
                } else {
                    let from = dst + (op - offset)
                    let to = dst + op
                    for k in 0..<length { to[k] = from[k] }
                }
                op += length
            }
            return true
        }
    }

    /// Decompresses a whole document of `expectedSize` bytes; nil when damaged.
    static func decompress(
        _ input: UnsafeBufferPointer<UInt8>, dictionary: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0),
        expectedSize: Int
    ) -> [UInt8]? {
        guard expectedSize >= 0 else { return nil }
        var ok = false
        let out = [UInt8](unsafeUninitializedCapacity: expectedSize + outputSlack) { buffer, count in
            let produced = decode(input, dictionary: dictionary, into: buffer.baseAddress!, capacity: expectedSize)
            ok = produced == expectedSize
            count = ok ? expectedSize : 0
        }
        return ok ? out : nil
    }
}
