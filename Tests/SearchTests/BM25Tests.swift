import Entities
import Foundation
import Testing
@testable import Search

@Suite("BM25 scores")
struct BM25Tests {
    /// Three documents without titles: N = 3, lengths 3, 2, 5 (avgdl = 10/3). Expected scores
    /// computed by hand with idf = ln(1 + (N − df + 0.5)/(df + 0.5)) and
    /// tf·(k1+1)/(tf + k1·(1 − b + b·dl/avgdl)), k1 = 1.2, b = 0.75.
    @Test func handComputedScores() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        let reader = try buildIndex(index, [
            (makeDocument("jumelage maroc jumelage", source: "a"), []),
            (makeDocument("maroc eau", source: "b"), []),
            (makeDocument("eau potable eau potable eau", source: "c"), []),
        ])
        let j = try reader.search("jumelage")
        #expect(j.total == 1)
        #expect(abs(j.hits[0].score - 1.38767) < 1e-4)

        let m = try reader.search("maroc")
        #expect(m.total == 2)
        #expect(sources(m) == ["b", "a"])  // shorter document first
        #expect(abs(m.hits[0].score - 0.56196) < 1e-4)
        #expect(abs(m.hits[1].score - 0.49005) < 1e-4)

        let e = try reader.search("eau")
        #expect(sources(e) == ["c", "b"])
        #expect(abs(e.hits[0].score - 0.66710) < 1e-4)

        // AND adds the scores of both words.
        let both = try reader.search("maroc eau")
        #expect(both.total == 1)
        #expect(both.hits[0].source == "b")
        #expect(abs(both.hits[0].score - 1.12392) < 1e-4)
        #expect(both.hits[0].partial == false)
        // The page is filled with documents holding one of the two words.
        #expect(both.hits.dropFirst().map(\.source) == ["c", "a"])
        #expect(both.hits.dropFirst().allSatisfy { $0.partial })
    }

    @Test func titleBoostRanksTitleMatchFirst() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        let reader = try buildIndex(index, [
            (makeDocument("rapport annuel jumelage budget", source: "body"), []),
            (makeDocument("rapport annuel budget municipal", source: "title", title: "jumelage"), []),
        ])
        let r = try reader.search("jumelage")
        #expect(sources(r) == ["title", "body"])
        let t = try reader.search("titre:jumelage")
        #expect(sources(t) == ["title"])
    }
}
