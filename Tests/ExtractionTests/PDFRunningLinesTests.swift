import Foundation
import Testing

@testable import Extraction

@Suite("PDF running headers and footers")
struct PDFRunningLinesTests {
    static func pages(_ texts: [[String]]) -> [[[UInt8]]] { texts.map { $0.map { Array($0.utf8) } } }

    @Test("A footer whose page number changes, and a header missing from the title page, are found")
    func footersAndHeaders() {
        let pages = Self.pages([
            ["Rapport annuel", "Introduction du rapport.", "Page 1 sur 4"],
            ["RAPPORT ANNUEL 2024", "Corps de la deuxième page.", "Suite du texte.", "Page 2 sur 4"],
            ["Rapport annuel 2024", "Corps de la troisième page.", "Page 3 sur 4"],
            ["Rapport annuel 2025", "Dernière page.", "Page 4 sur 4"],
        ])
        let found = RunningLines.find(in: pages)
        #expect(found == [[2], [0, 3], [0, 2], [0, 2]])
    }

    @Test("Lines that repeat in the middle of pages, or on too few pages, stay")
    func contentStays() {
        let middle = Self.pages([
            ["Premier titre", "Tableau des engagements", "Texte", "Fin A"],
            ["Deuxième titre", "Suite", "Tableau des engagements", "Encore", "Fin B"],
            ["Troisième titre", "Autre", "Tableau des engagements", "Texte", "Fin C"],
        ])
        #expect(RunningLines.find(in: middle).allSatisfy { $0.isEmpty })
        // Two pages are not enough to tell a footer from a coincidence.
        let two = Self.pages([["Texte", "- 1 -"], ["Suite", "- 2 -"]])
        #expect(RunningLines.find(in: two).allSatisfy { $0.isEmpty })
        // A footer on 2 pages of 10 is not running.
        var many = (1...10).map { ["Corps de la page \($0) avec un texte différent \(String(repeating: "x", count: $0))"] }
        many[2].append("Note de bas de page 3")
        many[6].append("Note de bas de page 7")
        #expect(RunningLines.find(in: Self.pages(many)).allSatisfy { $0.isEmpty })
        // A page holding nothing but a repeated line keeps it; so does one whose every line
        // is a running line (a divider page).
        let alone = Self.pages([["12"], ["Texte A", "13"], ["Texte B", "14"], ["Texte C", "15"]])
        #expect(RunningLines.find(in: alone) == [[], [1], [1], [1]])
        let divider = Self.pages([
            ["Rapport 2024", "Alpha", "- 1 -"], ["Rapport 2024", "Beta", "- 2 -"],
            ["Rapport 2024", "Gamma", "- 3 -"], ["Rapport 2024", "- 4 -"],
        ])
        #expect(RunningLines.find(in: divider) == [[0, 2], [0, 2], [0, 2], []])
    }

    @Test("Keys: numbers aside, case and spacing folded, long lines never running")
    func keys() {
        #expect(RunningLines.key(Array("La coopération — page 12".utf8)) == RunningLines.key(Array("LA coopération —  page 3".utf8)))
        #expect(RunningLines.key(Array("– 4 / 5 –".utf8)) == Array("– # / # –".utf8))
        #expect(RunningLines.key(Array(" – ".utf8)) == nil)
        #expect(RunningLines.key(Array(String(repeating: "mot ", count: 50).utf8)) == nil)
    }

    @Test("The brochure PDF: its running footer is left out, the sentences and URLs that cross a page end are whole")
    func brochureFooter() throws {
        let document = try PDFFixtures.extract(PDFFixtures.brochure)
        #expect(!document.text.contains("30 ans — page"))
        #expect(document.text.contains(
            "http://www.diplomatie.gouv.fr/fr/enjeux-internationaux/cooperation-decentralisee/colonne-droite-21470/publications-21460/article/guides-et-vade-mecum"))
        #expect(document.text.contains("promotion économique et\n\nde rayonnement culturel"))
        // Pages still tile the text: page 2 starts where page 1's text ends.
        let pages = document.blocks.filter { $0.kind == .page }
        #expect(PDFFixtures.text(of: pages[1], in: document).hasPrefix("de rayonnement culturel"))
    }

    @Test("A report: header (not on the title page) and page-number footer out, a word broken across pages repaired")
    func report() throws {
        let document = try PDFFixtures.extract("Tests/Fixtures/pdf/running-lines.pdf")
        #expect(document.pages == 5)
        #expect(!document.text.contains("Rapport d'activité 2024 — Coopération"))
        #expect(!document.text.contains("/ 5"))
        #expect(document.text.contains("dans le cadre de la coopération\n\ndécentralisée définie"))
        #expect(document.text.components(separatedBy: "Tableau de suivi des engagements").count == 5)
        #expect(document.text.hasPrefix("Rapport d'activité de la coopération décentralisée"))
    }

    @Test("Running lines can be kept")
    func keptOnRequest() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: PDFFixtures.path(PDFFixtures.brochure)))
        let input = ExtractionInput(path: PDFFixtures.brochure, data: data, format: .pdf)
        let kept = try PDFExtractor(removesRunningLines: false).extract(input)
        #expect(kept.first?.text.contains("La coopération décentralisée — 30 ans — page 3") == true)
    }
}
