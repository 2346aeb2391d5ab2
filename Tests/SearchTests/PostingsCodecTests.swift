import Foundation
import Testing
@testable import Search

@Suite("Postings codec")
struct PostingsCodecTests {
    /// Random posting lists encoded with skip tables, read back with next(), advance(to:)
    /// and positions().
    @Test(arguments: [1, 5, 127, 128, 129, 1000, 20_000])
    func roundTrip(docFreq: Int) {
        var rng = SystemRandomNumberGenerator()
        var docs: [Int32] = []
        var d: Int32 = -1
        for _ in 0..<docFreq {
            d += Int32.random(in: 1...(Bool.random(using: &rng) ? 3 : 400), using: &rng)
            docs.append(d)
        }
        var positions: [[Int32]] = []
        var docBuf: [UInt8] = []
        var posBuf: [UInt8] = []
        var last: Int32 = 0
        for (i, doc) in docs.enumerated() {
            let freq = Int.random(in: 1...(i % 7 == 0 ? 40 : 3), using: &rng)
            var ps: [Int32] = []
            var p: Int32 = 0
            for _ in 0..<freq {
                p += Int32.random(in: (ps.isEmpty ? 0 : 1)...5000, using: &rng)
                ps.append(p)
            }
            positions.append(ps)
            let delta = UInt32(doc - (i == 0 ? 0 : last))
            let flags: UInt32 = (i % 5 == 0 ? 2 : 0) | (freq == 1 ? 1 : 0)
            appendVarint(&docBuf, delta << 2 | flags)
            if freq != 1 { appendVarint(&docBuf, UInt32(freq)) }
            var prev: Int32 = 0
            for x in ps {
                appendVarint(&posBuf, UInt32(x - prev))
                prev = x
            }
            last = doc
        }
        var postings = ByteWriter()
        var positionsOut = ByteWriter()
        postings.raw([0xAA, 0xBB])  // the term does not start at offset 0
        positionsOut.raw([0xCC])
        let (o, po) = PostingsEncoder.write(
            docs: docBuf, positions: posBuf, docFreq: docFreq, hasPositions: true,
            postings: &postings, positionsOut: &positionsOut)
        let info = TermInfo(docFreq: docFreq, docsOffset: o, positionsOffset: po)
        postings.bytes.withUnsafeBytes { pb in
            positionsOut.bytes.withUnsafeBytes { qb in
                // Sequential: every doc, frequency and position.
                var it = PostingIterator(postings: pb, positions: qb, info: info)
                var got: [Int32] = []
                var scratch: [Int32] = []
                var i = 0
                while it.next() {
                    got.append(it.doc)
                    #expect(Int(it.freq) == positions[i].count)
                    #expect(it.inTitle == (i % 5 == 0))
                    if i % 3 == 0 {
                        it.positions(into: &scratch)
                        #expect(scratch == positions[i])
                    }
                    i += 1
                }
                #expect(got == docs)
                // Skipping: advance to random targets, positions still right.
                var it2 = PostingIterator(postings: pb, positions: qb, info: info)
                var target: Int32 = 0
                while true {
                    target += Int32.random(in: 1...2000, using: &rng)
                    let expected = docs.firstIndex { $0 >= target }
                    let found = it2.advance(to: target)
                    #expect(found == (expected != nil))
                    guard let e = expected, found else { break }
                    #expect(it2.doc == docs[e])
                    it2.positions(into: &scratch)
                    #expect(scratch == positions[e])
                }
                // Batches then skips: the skip table, read lazily, catches up with the cursor.
                var it3 = PostingIterator(postings: pb, positions: qb, info: info)
                var batch = [Int32](repeating: 0, count: 300)
                var freqs = [Int32](repeating: 0, count: 300)
                var titles = [Bool](repeating: false, count: 300)
                let n = batch.withUnsafeMutableBufferPointer { b in
                    freqs.withUnsafeMutableBufferPointer { f in
                        titles.withUnsafeMutableBufferPointer { t in
                            it3.nextBatch(docs: b.baseAddress!, freqs: f.baseAddress!, titles: t.baseAddress!, capacity: 300)
                        }
                    }
                }
                #expect(Array(batch.prefix(n)) == Array(docs.prefix(n)))
                var target3 = n > 0 ? batch[n - 1] : 0
                while true {
                    target3 += Int32.random(in: 1...3000, using: &rng)
                    let expected = docs.firstIndex { $0 >= target3 }
                    let found = it3.advance(to: target3)
                    #expect(found == (expected != nil))
                    guard let e = expected, found else { break }
                    #expect(it3.doc == docs[e])
                    it3.positions(into: &scratch)
                    #expect(scratch == positions[e])
                }
            }
        }
    }

    @Test func compressorRoundTrip() {
        var rng = SystemRandomNumberGenerator()
        let french = Array(String(repeating: "La coopération décentralisée des collectivités territoriales. ", count: 300).utf8)
        var random = [UInt8](repeating: 0, count: 5000)
        for i in random.indices { random[i] = UInt8.random(in: 0...255, using: &rng) }
        let dictionaryBytes = Array("Code général des collectivités territoriales — Article L1115-1 : la coopération décentralisée".utf8)
        let dictionary = LZCompressor.Dictionary(dictionaryBytes)
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        for input in [[], Array("abc".utf8), french, random, french + random + french, Array(repeating: 7, count: 70_000)] {
            let c = LZCompressor.compress(input)
            let back = c.withUnsafeBufferPointer { LZCompressor.decompress($0, dictionary: empty, expectedSize: input.count) }
            #expect(back == input)
            let withDictionary = LZCompressor.compress(input, dictionary: dictionary)
            let back2 = dictionaryBytes.withUnsafeBufferPointer { d in
                withDictionary.withUnsafeBufferPointer { LZCompressor.decompress($0, dictionary: d, expectedSize: input.count) }
            }
            #expect(back2 == input)
        }
        #expect(LZCompressor.compress(french).count < french.count / 10)
        // A short document sharing phrases with the dictionary is mostly references to it.
        let short = Array("Article L1115-1 du code général des collectivités territoriales".utf8)
        let viaDictionary = LZCompressor.compress(short, dictionary: dictionary)
        #expect(viaDictionary.count * 2 < LZCompressor.compress(short).count)
        let decoded = dictionaryBytes.withUnsafeBufferPointer { d in
            viaDictionary.withUnsafeBufferPointer { LZCompressor.decompress($0, dictionary: d, expectedSize: short.count) }
        }
        #expect(decoded == short)
        // Without its dictionary, such a document is refused as damaged, not misread.
        let missing = viaDictionary.withUnsafeBufferPointer { LZCompressor.decompress($0, dictionary: empty, expectedSize: short.count) }
        #expect(missing == nil)
        // Damaged input is refused or decodes to other bytes, never a crash or an overrun.
        let good = LZCompressor.compress(french + random, dictionary: dictionary)
        for _ in 0..<500 {
            var c = good
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                c[Int.random(in: 0..<c.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            if Bool.random(using: &rng) { c.removeLast(Int.random(in: 0..<min(40, c.count), using: &rng)) }
            let out = dictionaryBytes.withUnsafeBufferPointer { d in
                c.withUnsafeBufferPointer { LZCompressor.decompress($0, dictionary: d, expectedSize: french.count + random.count) }
            }
            #expect(out == nil || out!.count == french.count + random.count)
        }
    }

    @Test func termDictionaryLookupAndPrefix() {
        var words = Set<String>()
        var rng = SystemRandomNumberGenerator()
        while words.count < 3000 {
            let n = Int.random(in: 1...9, using: &rng)
            words.insert(String((0..<n).map { _ in "abcdeéz".randomElement(using: &rng)! }))
        }
        let sorted = words.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        var w = TermDictionaryWriter()
        for (i, t) in sorted.enumerated() {
            t.withUnsafeBufferPointer { w.add($0, TermInfo(docFreq: i + 1, docsOffset: i * 3, positionsOffset: i * 5)) }
        }
        let bytes = w.finish()
        bytes.withUnsafeBytes { buf in
            let r = TermDictionaryReader(section: buf)!
            #expect(r.termCount == sorted.count)
            for (i, t) in sorted.enumerated() {
                #expect(r.lookup(t) == TermInfo(docFreq: i + 1, docsOffset: i * 3, positionsOffset: i * 5))
            }
            #expect(r.lookup(Array("zzzzzzzzzzz".utf8)) == nil)
            #expect(r.lookup([]) == nil)
            var found: [[UInt8]] = []
            r.forEach(prefix: Array("ab".utf8)) { t, _ in
                found.append(Array(t))
                return true
            }
            #expect(found == sorted.filter { $0.starts(with: Array("ab".utf8)) })
        }
    }

    /// Many streams appended in random interleaving (as a builder inverts documents) read
    /// back exactly, slice by slice and copied whole, across slice and page boundaries.
    @Test func byteSlicePoolRoundTrip() {
        var rng = SystemRandomNumberGenerator()
        var pool = ByteSlicePool()
        defer { pool.release() }
        let count = 300
        var streams = [ByteSlicePool.Stream](repeating: ByteSlicePool.Stream(), count: count)
        var expected = [[UInt8]](repeating: [], count: count)
        for _ in 0..<60_000 {
            // A few streams get most values (frequent terms), most get a handful.
            let s = Bool.random(using: &rng) ? Int.random(in: 0..<8, using: &rng) : Int.random(in: 0..<count, using: &rng)
            let value: UInt32 = [UInt32.random(in: 0..<128, using: &rng), UInt32.random(in: 0..<20_000, using: &rng), UInt32.random(in: 0...UInt32.max, using: &rng)][Int.random(in: 0..<3, using: &rng)]
            pool.appendVarint(value, to: &streams[s])
            appendVarint(&expected[s], value)
        }
        #expect(pool.memoryBytes > ByteSlicePool.pageSize)
        for k in 0..<count {
            var copied: [UInt8] = []
            pool.copy(streams[k], into: &copied)
            #expect(copied == expected[k])
            #expect(Int(streams[k].length) == expected[k].count)
            var pieces = 0
            pool.forEachPiece(of: streams[k]) { #expect($0.count > 0); pieces += 1 }
            #expect(pieces == 0 || !expected[k].isEmpty)
        }
        // A stream never written reads as empty.
        var none: [UInt8] = []
        pool.copy(ByteSlicePool.Stream(), into: &none)
        #expect(none.isEmpty)
    }
}
