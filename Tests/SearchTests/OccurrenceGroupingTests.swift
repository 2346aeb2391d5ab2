import Foundation
import Testing
@testable import Search

/// A document's occurrences (term << 32 | position) grouped by term before inversion.
@Suite("Occurrence grouping")
struct OccurrenceGroupingTests {
    /// A builder that knows at least `terms` term ids (its per-term arrays sized).
    static func builder(terms: Int) -> SegmentBuilder {
        let b = SegmentBuilder()
        let words = (0..<terms).map { "mot\(String(UnicodeScalar(UInt8(97 + $0 % 26))))\($0)" }.joined(separator: " ")
        b.add(makeDocument(words, source: "amorce.txt"), entities: [], fileHash: "h")
        return b
    }

    static func check(_ grouped: [UInt64], against input: [UInt64]) {
        #expect(grouped.sorted() == input.sorted())
        var seen = Set<UInt64>()
        var previous: UInt64? = nil
        for v in grouped {
            let term = v >> 32
            if let p = previous, p >> 32 == term {
                #expect(v >= p, "positions of a term increase")
            } else {
                #expect(!seen.contains(term), "each term is one contiguous run")
                seen.insert(term)
            }
            previous = v
        }
    }

    @Test("Positions in order (as the analyzer emits them): runs by term, positions kept in order")
    func inOrder() {
        let b = Self.builder(terms: 40)
        var rng = SystemRandomNumberGenerator()
        for doc in 1...200 {
            var input: [UInt64] = []
            for position in 0..<Int.random(in: 0...300, using: &rng) {
                let term = UInt64.random(in: 0..<20, using: &rng)
                input.append(term << 32 | UInt64(position))
            }
            var grouped = input
            b.groupByTerm(&grouped, docId: Int32(doc))
            Self.check(grouped, against: input)
        }
    }

    @Test("Positions out of order: sorted instead, nothing lost")
    func outOfOrder() {
        let b = Self.builder(terms: 10)
        let input: [UInt64] = [3 << 32 | 9, 1 << 32 | 2, 3 << 32 | 4, 1 << 32 | 7, 2 << 32 | 0]
        var grouped = input
        b.groupByTerm(&grouped, docId: 5)
        #expect(grouped == input.sorted())
    }
}
