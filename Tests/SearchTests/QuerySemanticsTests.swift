import Entities
import Foundation
import Testing
@testable import Search

@Suite("Query semantics")
struct QuerySemanticsTests {
    static func loi(_ id: String, _ text: String) -> Entity {
        Entity(type: .loi, start: 0, end: 1, text: text, normalized: id)
    }
    static func pays(_ code: String) -> Entity {
        Entity(type: .pays, start: 0, end: 1, text: code, normalized: code)
    }
    static func commune(_ code: String, _ name: String) -> Entity {
        Entity(type: .collectivite, start: 0, end: 1, text: name, normalized: "commune:" + code)
    }

    static let resolver = EntityNameResolver { value, type in
        switch (type, value.lowercased()) {
        case (.pays, "maroc"): return "MA"
        case (.loi, "oudin-santini"), (.loi, "loi oudin"), (.loi, "loi oudin-santini"): return "loi:2005-95"
        case (.collectivite, "belfort"): return "commune:90010"
        default: return nil
        }
    }

    /// A small corpus exercising every query form.
    static func corpus(_ index: TemporaryIndex) throws -> IndexReader {
        try buildIndex(index, [
            (makeDocument("Le conseil municipal de Belfort vote le jumelage avec Agadir au Maroc.", source: "belfort.pdf", date: "2005-06-01", format: .pdf),
             [commune("90010", "Belfort"), pays("MA")]),
            (makeDocument("Rapport municipal : le conseil a examiné le budget de l'eau.", source: "rapport.txt", date: "2006-01-01"), []),
            (makeDocument("La loi Oudin-Santini permet aux communes de financer l'eau potable.", source: "oudin.txt", date: "2007-02-01"),
             [loi("loi:2005-95", "loi Oudin-Santini")]),
            (makeDocument("La loi n° 2005-95 du 9 février 2005 ouvre le 1 % eau au Maroc.", source: "numero.txt", date: "2012-01-01"),
             [loi("loi:2005-95", "loi n° 2005-95"), pays("MA")]),
            (makeDocument("Coopération décentralisée et coopératives agricoles, jumelage.", source: "coop.txt"), []),
            (makeDocument("Une copie du budget primitif.", source: "copie.txt"), []),
        ], resolver: resolver)
    }

    @Test func phraseNeedsAdjacentWords() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        let r = try Self.corpus(index)
        #expect(Set(sources(try r.search("conseil municipal"))) == ["belfort.pdf", "rapport.txt"])
        #expect(sources(try r.search("\"conseil municipal\"")) == ["belfort.pdf"])
        #expect(sources(try r.search("\"municipal conseil\"")).isEmpty)
    }

    @Test func booleanOperators() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        let r = try Self.corpus(index)
        #expect(Set(sources(try r.search("agadir OR copie"))) == ["belfort.pdf", "copie.txt"])
        #expect(Set(sources(try r.search("jumelage NOT maroc"))) == ["coop.txt"])
        #expect(Set(sources(try r.search("jumelage -maroc"))) == ["coop.txt"])
        let nested = try r.search("budget (eau OR primitif)")
        #expect(nested.total == 2)
        #expect(Set(nested.hits.filter { !$0.partial }.map(\.source)) == ["rapport.txt", "copie.txt"])
        let none = try r.search("xylophone")
        #expect(none.total == 0 && none.hits.isEmpty)
    }

    @Test func prefixMatchesUnstemmedForms() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        let r = try Self.corpus(index)
        let hits = try r.search("coop*")
        #expect(sources(hits) == ["coop.txt"])
        #expect(hits.hits[0].snippet.contains("[Coopération"))
        #expect(Set(sources(try r.search("cop*"))) == ["copie.txt"])
    }

    /// A surface form whose stem is also an expansion of the prefix is not read twice: the
    /// prefix scores a document as the word of that one stem does.
    @Test func prefixCountsEachWordOnce() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        let r = try buildIndex(index, [
            (makeDocument("Les communes rurales du canton.", source: "a.txt"), []),
            (makeDocument("La commune de Belfort et sa voisine, une commune du Doubs.", source: "b.txt"), []),
            (makeDocument("Le conseil vote le budget.", source: "c.txt"), []),
        ])
        // "commun*": the stem "commun" and the surface forms "commune", "communes".
        let word = try r.search("commune")
        let prefix = try r.search("commun*")
        #expect(word.total == 2 && prefix.total == 2)
        #expect(prefix.hits.map(\.source) == word.hits.map(\.source))
        for (p, w) in zip(prefix.hits, word.hits) { #expect(abs(p.score - w.score) < 1e-6) }
    }

    @Test func partialFillWhenFewDocumentsHaveAllWords() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        let r = try Self.corpus(index)
        let res = try r.search("jumelage agadir coopératives", limit: 5)
        #expect(res.total == 0)
        #expect(res.hits.count == 2)
        #expect(res.hits.allSatisfy { $0.partial })
        // Both hold two of the three words.
        #expect(Set(sources(res)) == ["belfort.pdf", "coop.txt"])

        let some = try r.search("jumelage maroc", limit: 3)
        #expect(some.total == 1)
        #expect(some.hits.first?.source == "belfort.pdf")
        #expect(some.hits.first?.partial == false)
        #expect(some.hits.dropFirst().allSatisfy { $0.partial })
        #expect(Set(sources(some).dropFirst()) == ["numero.txt", "coop.txt"])
    }

    @Test func fieldFilters() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        let r = try Self.corpus(index)
        #expect(Set(sources(try r.search("pays:MA"))) == ["belfort.pdf", "numero.txt"])
        #expect(Set(sources(try r.search("pays:Maroc"))) == ["belfort.pdf", "numero.txt"])
        #expect(Set(sources(try r.search("loi:2005-95"))) == ["oudin.txt", "numero.txt"])
        #expect(Set(sources(try r.search("loi:\"Oudin-Santini\""))) == ["oudin.txt", "numero.txt"])
        #expect(sources(try r.search("collectivite:Belfort")) == ["belfort.pdf"])
        #expect(sources(try r.search("collectivite:commune:90010")) == ["belfort.pdf"])
        #expect(sources(try r.search("format:pdf")) == ["belfort.pdf"])
        #expect(sources(try r.search("date:2006")) == ["rapport.txt"])
        #expect(Set(sources(try r.search("date:2005..2007"))) == ["belfort.pdf", "rapport.txt", "oudin.txt"])
        #expect(sources(try r.search("eau pays:MA")) == ["numero.txt"])
    }

    @Test func lawNameAlsoMatchesCitationsByNumber() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        let r = try Self.corpus(index)
        let res = try r.search("loi Oudin")
        #expect(Set(sources(res)) == ["oudin.txt", "numero.txt"])
        #expect(res.hits.first?.source == "oudin.txt")
        #expect(res.hits.first?.snippet.contains("[loi Oudin]") == true)
        #expect(res.hits.first?.entities.first?.normalized == "loi:2005-95")
    }

    @Test func facetsCountAllMatches() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        let r = try Self.corpus(index)
        let res = try r.search("eau OR jumelage", limit: 1, facets: true)
        #expect(res.total == 5)
        let f = try #require(res.facets)
        #expect(f["pays"]?.first?.value == "MA")
        #expect(f["pays"]?.first?.count == 2)
        #expect(f["loi"]?.first?.value == "loi:2005-95")
        #expect(f["loi"]?.first?.count == 2)
        #expect(f["collectivite"]?.first?.value == "commune:90010")
        #expect(f["annee"]?.contains { $0.value == "2005" && $0.count == 1 } == true)
    }

    @Test func paginationAndSyntaxErrors() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        let r = try Self.corpus(index)
        let all = try r.search("eau OR budget", limit: 10)
        let second = try r.search("eau OR budget", limit: 2, offset: 2)
        #expect(sources(second) == Array(sources(all)[2..<min(4, all.hits.count)]))
        // No page at all: the totals alone, for every kind of query.
        for q in ["eau", "eau OR budget", "eau*", "\"eau potable\"", "eau budget", "eau -budget"] {
            let counted = try r.search(q, limit: 0)
            #expect(counted.hits.isEmpty)
            #expect(counted.total == (try r.search(q, limit: 100)).total)
        }
        #expect(throws: QuerySyntaxError.self) { try r.search("(eau OR budget") }
        #expect(throws: QuerySyntaxError.self) { try r.search("\"eau potable") }
        // Words people type are never syntax.
        _ = try r.search("d'eau l'État Oudin-Santini L. 1115-1 1 %")
    }

    /// Snippets: a word far into a long text is shown with its context (the window found
    /// from the postings); a document that matched on its title only shows its opening.
    @Test func snippetsOfLongTextsAndTitleOnlyMatches() throws {
        let index = TemporaryIndex()
        defer { index.remove() }
        let filler = (1...400).map { "Article \($0) du règlement intérieur du conseil." }.joined(separator: " ")
        let r = try buildIndex(index, [
            (makeDocument(filler + " Le fonds soutient la numismatique régionale. " + filler, source: "long.txt"), []),
            (makeDocument("Le budget annexe est voté chaque année par l'assemblée.", source: "titre.txt",
                          title: "Numismatique et patrimoine"), []),
        ])
        let res = try r.search("numismatique")
        #expect(Set(sources(res)) == ["long.txt", "titre.txt"])
        let long = try #require(res.hits.first { $0.source == "long.txt" })
        #expect(long.snippet.contains("[numismatique] régionale"))
        #expect(long.snippet.hasPrefix("… "))
        let title = try #require(res.hits.first { $0.source == "titre.txt" })
        #expect(title.snippet == "Le budget annexe est voté chaque année par l'assemblée.")
        // Prefixes too: the expansions say which hit holds the words in its text.
        let prefixed = try r.search("numismat*")
        #expect(prefixed.hits.first { $0.source == "long.txt" }?.snippet.contains("[numismatique] régionale") == true)
        #expect(prefixed.hits.first { $0.source == "titre.txt" }?.snippet == "Le budget annexe est voté chaque année par l'assemblée.")
        // An OR whose hit holds one of the words: its window, not the text's opening or end.
        let either = try r.search("numismatique OR philatélie")
        let one = try #require(either.hits.first { $0.source == "long.txt" })
        #expect(one.snippet.contains("[numismatique] régionale"))
        #expect(one.snippet.hasPrefix("… ") && one.snippet.hasSuffix(" …"))
    }

    /// A snippet cut inside the text starts on a word, even where lines end with a space.
    @Test func snippetStartsOnAWord() {
        let analyzer = FrenchAnalyzer()
        let builder = SnippetBuilder(analyzer: analyzer, terms: Set(analyzer.terms("convention")), prefixes: [])
        for n in [3, 7, 12, 20, 33] {
            var text = (1...n).map { "Ligne \($0) du texte. \n" }.joined() + "La convention est signée. \n"
                + (1...40).map { "Suite \($0). \n" }.joined()
            let (snippet, _) = text.withUTF8 { builder.snippet(of: $0) }
            #expect(snippet.contains("[convention]"))
            #expect(!snippet.contains("  "), "\(snippet)")
        }
        // A text ending in white space is not cut there.
        var short = "La convention est signée. \n\n"
        let (whole, _) = short.withUTF8 { builder.snippet(of: $0) }
        #expect(whole == "La [convention] est signée.")
    }

    /// The located window bounds the snippet's analysis: a later place of the text with more
    /// of the words is not looked for once the window the postings chose has ended.
    @Test func locatedSnippetStopsAtItsWindow() {
        let analyzer = FrenchAnalyzer()
        let builder = SnippetBuilder(analyzer: analyzer, terms: Set(analyzer.terms("budget numismatique")), prefixes: [])
        let filler = (1...60).map { "mot\($0)" }.joined(separator: " ")
        var text = "Le budget est voté. " + filler + " Le budget de la numismatique est voté."
        let (bounded, _) = text.withUTF8 { builder.snippet(of: $0, from: 0, located: true, until: 10) }
        #expect(bounded.hasPrefix("Le [budget] est voté."))
        let (whole, _) = text.withUTF8 { builder.snippet(of: $0, from: 0, located: true) }
        #expect(whole.contains("[budget] de la [numismatique]"))
    }

    /// Words whose first letter no query term has are counted, not analyzed: the snippets
    /// of real texts come out the same as with every word analyzed, for words, accented and
    /// capitalized forms, compounds, elisions, legal and numbered references and prefixes,
    /// located or not.
    @Test func skippedWordsLeaveSnippetsUnchanged() throws {
        let analyzer = FrenchAnalyzer()
        let texts = try snippetTexts(benchArticles: 200)
        let queries: [(terms: String, prefixes: [String])] = [
            ("coopération décentralisée", []), ("Oudin-Santini", []), ("l'État", []), ("L. 1115-1", []),
            ("collectivités territoriales", []), ("commune", ["départem"]), ("", ["coop"]), ("", ["intercommun"]),
            ("loi 2005-95", []), ("1 %", []), ("aide au développement", ["solidar"]), ("Maroc Sénégal", []),
        ]
        var compared = 0
        for q in queries {
            var skipping = SnippetBuilder(analyzer: analyzer, terms: Set(analyzer.terms(q.terms)), prefixes: q.prefixes)
            var analyzing = skipping
            analyzing.skipsUnwantedWords = false
            #expect(skipping.skipsUnwantedWords)
            for var text in texts {
                text.withUTF8 { b in
                    #expect(skipping.snippet(of: b) == analyzing.snippet(of: b))
                    for from in stride(from: 0, to: b.count, by: max(1, b.count / 7)) {
                        // A restart point is a token start: the byte after a space.
                        var start = from
                        while start > 0, b[start - 1] != 0x20 { start -= 1 }
                        for until: Int32 in [8, 40] {
                            #expect(
                                skipping.snippet(of: b, from: start, located: true, until: until)
                                    == analyzing.snippet(of: b, from: start, located: true, until: until))
                            compared += 1
                        }
                    }
                }
            }
            skipping.skipsUnwantedWords = true
        }
        #expect(compared > 1000)
    }
}
