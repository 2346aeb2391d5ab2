import Entities
import Foundation
import Testing
@testable import Search

/// Ranking quality on a small judged set: the Corpus brochure split into its paragraphs
/// (one document each, as a feed's items would be), French queries a cooperation officer
/// would type, and the paragraphs they expect, graded 2 (the answer) or 1 (related).
/// Paragraphs are identified by a phrase they contain, so the judgments survive changes
/// in extraction. Prints nDCG@10 per query and the mean.
@Suite("Relevance")
struct RelevanceTests {
    struct Judged {
        var query: String
        var relevant: [(phrase: String, grade: Int)]
    }

    static let judged: [Judged] = [
        Judged(query: "loi Oudin", relevant: [("Oudin-Santini", 2)]),
        Judged(query: "loi Thiollière", relevant: [("Thiollière", 2)]),
        Judged(query: "eau potable assainissement", relevant: [("Programme solidarité Eau", 2), ("Oudin-Santini", 1)]),
        Judged(query: "jumelages européens", relevant: [("mouvement des jumelages", 2)]),
        Judged(query: "Cameroun communes", relevant: [("Villes Unies du Cameroun", 2), ("communes camerounaises", 2)]),
        Judged(query: "commission nationale coopération décentralisée", relevant: [("(CNCD)", 2), ("Cet espace de dialogue", 1)]),
        Judged(query: "maires francophones", relevant: [("(AIMF)", 2)]),
        Judged(query: "coopération franco-marocaine", relevant: [("franco-marocaine", 2)]),
        Judged(query: "\"action extérieure\" DAECT", relevant: [("la DAECT (Délégation", 2)]),
    ]

    static func dcg(_ grades: [Int]) -> Double {
        grades.prefix(10).enumerated().reduce(0) { $0 + (pow(2, Double($1.element)) - 1) / log2(Double($1.offset) + 2) }
    }

    @Test func ndcgAt10OnTheBrochure() throws {
        let path = packageRoot.appendingPathComponent("Corpus/publications/brochure-30-ans-cooperation-decentralisee.txt").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let paragraphs = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        #expect(paragraphs.count > 30)
        let index = TemporaryIndex()
        defer { index.remove() }
        let docs = paragraphs.enumerated().map { (i, p) in
            (makeDocument(p, source: "brochure.txt", item: "§\(i + 1)"), [Entity]())
        }
        let reader = try buildIndex(index, docs)
        func paragraph(_ item: String?) -> String { paragraphs[Int(item!.dropFirst())! - 1] }

        var total = 0.0
        for j in Self.judged {
            let hits = try reader.search(j.query, limit: 10).hits
            let grades = hits.map { h in
                let p = paragraph(h.item)
                return j.relevant.filter { p.contains($0.phrase) }.map(\.grade).max() ?? 0
            }
            // Ideal: every paragraph holding a judged phrase, at its grade.
            let ideal = paragraphs.map { p in j.relevant.filter { p.contains($0.phrase) }.map(\.grade).max() ?? 0 }
                .filter { $0 > 0 }.sorted(by: >)
            #expect(!ideal.isEmpty, "no paragraph holds the judged phrases of « \(j.query) »")
            let ndcg = ideal.isEmpty ? 0 : Self.dcg(grades) / Self.dcg(ideal)
            total += ndcg
            print(String(format: "nDCG@10 %.3f  %@", ndcg, j.query))
        }
        let mean = total / Double(Self.judged.count)
        print(String(format: "nDCG@10 mean %.3f over %d queries", mean, Self.judged.count))
        #expect(mean >= 0.8)
    }
}
