import Foundation
import Testing

@testable import Search

@Suite("French analyzer")
struct AnalyzerTests {
    let analyzer = FrenchAnalyzer()

    /// "stem@position" for every stem term, "*" marking a compound's whole.
    func positions(_ text: String) -> [String] {
        analyzer.analyzedTerms(text).map(\.description)
    }

    func stems(_ text: String) -> [String] { analyzer.terms(text, kind: .stem) }
    func surfaces(_ text: String) -> [String] { analyzer.terms(text, kind: .surface) }

    @Test("lower case and accent folding, accented capitals included")
    func folding() {
        #expect(surfaces("Coopération ÉTAT Œuvre Ægide Ça Île À") == ["cooperation", "etat", "oeuvre", "aegide", "ile"])
        #expect(stems("coopération") == stems("cooperation"))
        #expect(stems("ÉLECTIONS") == stems("élections"))
        #expect(surfaces("Straße ﬁnancement Łódź") == ["strasse", "financement", "lodz"])
        #expect(surfaces("Αθήνα Москва") == ["αθήνα", "москва"])
    }

    @Test("elisions with both apostrophes, no position of their own", arguments: ["'", "’"])
    func elisions(_ apostrophe: String) {
        let a = apostrophe
        #expect(stems("l\(a)État") == ["etat"])
        #expect(stems("d\(a)eau") == ["eau"])
        #expect(stems("L\(a)Europe qu\(a)il jusqu\(a)à lorsqu\(a)un puisqu\(a)elle") == ["europ"])
        #expect(stems("n\(a)est s\(a)agit c\(a)était j\(a)ai m\(a)a t\(a)as") == ["agit", "ai", "as"])
        #expect(positions("adduction d\(a)eau potable") == ["adduction@0", "eau@1", "potabl@2"])
        // Offsets point at the word after the elision.
        let t = analyzer.analyzedTerms("l\(a)État")[0]
        #expect(t.start == 1 + a.utf8.count && t.end == "l\(a)État".utf8.count)
    }

    @Test("a non-elided apostrophe makes a compound")
    func apostropheCompound() {
        #expect(positions("aujourd'hui") == ["aujourd'hui@0*", "aujourd@0", "hui@1"])
        #expect(stems("aujourd’hui") == stems("aujourd'hui"))
    }

    @Test("hyphenated compounds: the whole at the first part's position, then the parts")
    func compounds() {
        #expect(positions("loi Oudin-Santini du 25") == [
            "loi@0", "oudin-santini@1*", "oudin@1", "santini@2", "25@4",
        ])
        #expect(surfaces("Oudin-Santini") == ["oudin-santini", "oudin", "santini"])
        // Stemmed parts in the whole: "États-Unis" = "Etats-Uni".
        #expect(stems("États-Unis") == stems("Etats-Uni"))
        // An elided article inside takes no position.
        #expect(positions("Provence-Alpes-Côte-d'Azur") == [
            "provenc-alp-cot-d'azur@0*", "provenc@0", "alp@1", "cot@2", "azur@3",
        ])
        // Stop-word parts keep their position.
        #expect(positions("c'est-à-dire oui") == ["est-a-dir@0*", "dir@2", "oui@3"])
        // A dash between spaces is not a compound.
        #expect(positions("Nord - Sud") == ["nord@0", "sud@1"])
        #expect(positions("-Maroc Tunisie-") == ["maroc@0", "tunisi@1"])
    }

    @Test("phrases match across compounds and stop words: positions line up")
    func phrasePositions() {
        // "loi Oudin" as a phrase: loi@p, oudin@p+1 — present in the document.
        let doc = analyzer.analyzedTerms("la loi Oudin-Santini permet")
        let loi = doc.first { $0.stem == "loi" }!.position
        let oudin = doc.first { $0.stem == "oudin" && !$0.isCompoundWhole }!.position
        #expect(oudin == loi + 1)
        // "droits et libertés": the gap of the stop word is kept on both sides.
        #expect(positions("droits et libertés") == ["droit@0", "libert@2"])
        #expect(positions("les droits et les libertés") == ["droit@1", "libert@4"])
        #expect(positions("conseil municipal") == ["conseil@0", "municipal@1"])
    }

    @Test("legal numbers are kept whole and normalized", arguments: [
        "L. 1115-1", "L.1115-1", "L 1115-1", "L1115-1", "l1115-1", "L.\u{00A0}1115-1", "l. 1115-1",
    ])
    func legalNumbers(_ form: String) {
        #expect(stems(form) == ["l1115-1"])
        #expect(stems("article \(form) du CGCT") == ["articl", "l1115-1", "cgct"])
    }

    @Test("other legal number forms")
    func otherLegalNumbers() {
        #expect(stems("R. 1115-2") == ["r1115-2"])
        #expect(stems("D. 123-4") == ["d123-4"])
        #expect(stems("L. 1115-1-1") == ["l1115-1-1"])
        #expect(stems("loi n° 2005-95") == ["loi", "2005-95"])
        #expect(positions("loi n° 2005-95 du") == ["loi@0", "2005-95@1"])
        #expect(stems("loi nº 2005-95") == stems("loi 2005-95"))
        #expect(stems("2005-95") == ["2005-95"])
        // A range of years answers each year too.
        #expect(positions("2013-2015") == ["2013-2015@0*", "2013@0", "2015@1"])
        // A single letter before a plain number is not a legal reference ("l" is a stop word).
        #expect(stems("L. 12 ans") == ["12", "an"])
        #expect(stems("R. 12") == ["r", "12"])
        // The byte range covers "L. 1115-1".
        let t = analyzer.analyzedTerms("voir L. 1115-1.")[1]
        #expect(t.start == 5 && t.end == 14)
    }

    @Test("percentages and decimal numbers")
    func percentages() {
        #expect(stems("1 %") == ["1%"])
        #expect(stems("1%") == ["1%"])
        #expect(stems("1\u{202F}%") == ["1%"])
        #expect(stems("0,5 % du budget") == ["0,5%", "budget"])
        #expect(stems("7,5 millions") == ["7,5", "million"])
        #expect(stems("en 2005.") == ["2005"])
    }

    @Test("stop words emit nothing but keep their position")
    func stopWords() {
        #expect(stems("le de la les des du et à où") == [])
        #expect(analyzer.positionCount("le de la les des du et à où") == 9)
        #expect(positions("la convention de coopération") == ["convention@1", "cooperation@3"])
    }

    @Test("positions continue from firstPosition and offsets are byte offsets")
    func offsets() {
        var text = "Été coopération"
        var seen: [(String, Int32, Int32, Int32)] = []
        let next = text.withUTF8 { buf in
            analyzer.analyze(buf, firstPosition: 10) { term, kind, position, start, end in
                if kind == .surface { seen.append((String(decoding: term, as: UTF8.self), position, start, end)) }
            }
        }
        #expect(next == 12)
        #expect(seen.map(\.0) == ["ete", "cooperation"])
        #expect(seen.map(\.1) == [10, 11])
        #expect(seen[0].2 == 0 && seen[0].3 == 5)
        #expect(seen[1].2 == 6 && seen[1].3 == 18)
    }

    @Test("every position emits a stem then a surface term")
    func stemSurfacePairs() {
        var kinds: [TermKind] = []
        var text = "Les collectivités territoriales et l'Oudin-Santini, L. 1115-1 et 1 %."
        text.withUTF8 { buf in analyzer.analyze(buf) { _, kind, _, _, _ in kinds.append(kind) } }
        #expect(kinds.count % 2 == 0)
        for (i, k) in kinds.enumerated() { #expect(k == (i % 2 == 0 ? .stem : .surface)) }
    }

    @Test("hostile bytes never crash and make progress")
    func hostileBytes() {
        let inputs: [[UInt8]] = [
            [0xFF, 0xFE, 0x41, 0xC3], [0xC3], [0xE2, 0x80], [0x4C, 0x2E], [0x4C, 0x2E, 0x20, 0x31],
            [0x31, 0x20], [0x6E, 0xC2], Array(repeating: 0x61, count: 10_000),
            Array(repeating: 0x2D, count: 100), Array("a-".utf8) + Array(repeating: 0x62, count: 300),
        ]
        for input in inputs {
            var count = 0
            input.withUnsafeBufferPointer { buf in analyzer.analyze(buf) { _, _, _, _, _ in count += 1 } }
            #expect(count >= 0)
        }
        #expect(stems(String(repeating: "a", count: 300) + " loi") == ["loi"])
        #expect(analyzer.positionCount(String(repeating: "a", count: 300) + " loi") == 2)
    }

    @Test("the cache gives the same output as a fresh analysis, on real text")
    func cacheConsistency() throws {
        let text = try Self.corpusText()
        #expect(text.utf8.count > 10_000)
        let cached = FrenchAnalyzer()
        let uncached = FrenchAnalyzer(cacheLimit: 0)
        let tiny = FrenchAnalyzer(cacheLimit: 7)  // cleared again and again
        let first = Self.dump(cached, text)
        #expect(first == Self.dump(cached, text))  // warm cache
        #expect(first == Self.dump(uncached, text))
        #expect(first == Self.dump(tiny, text))
        #expect(cached.cache.count > 500)
    }

    static func dump(_ analyzer: FrenchAnalyzer, _ text: String) -> [String] {
        var out: [String] = []
        var copy = text
        copy.withUTF8 { buf in
            analyzer.analyze(buf) { term, kind, position, start, end in
                out.append("\(String(decoding: term, as: UTF8.self))|\(kind.rawValue)|\(position)|\(start)|\(end)")
            }
        }
        return out
    }

    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Text from the repository's own corpus files (plain text and XML are enough here).
    static func corpusText() throws -> String {
        let corpus = root.appendingPathComponent("Corpus")
        var text = ""
        let files = FileManager.default.enumerator(atPath: corpus.path)?.compactMap { $0 as? String } ?? []
        for file in files.sorted() where file.hasSuffix(".txt") || file.hasSuffix(".xml") || file.hasSuffix(".html") {
            if let s = try? String(contentsOf: corpus.appendingPathComponent(file), encoding: .utf8) {
                text += s + "\n"
            }
            if text.utf8.count > 2_000_000 { break }
        }
        return text
    }
}
