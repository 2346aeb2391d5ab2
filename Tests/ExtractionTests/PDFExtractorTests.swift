import Foundation
import Testing

@testable import Extraction

@Suite("PDF extraction")
struct PDFExtractorTests {
    @Test("The brochure PDF: metadata, one page block per page, paragraphs inside pages")
    func brochureStructure() throws {
        let document = try PDFFixtures.extract(PDFFixtures.brochure)
        #expect(document.format == .pdf)
        #expect(document.pages == 6)
        #expect(document.title == "La coopération décentralisée : 30 ans d’action extérieure des collectivités territoriales")
        #expect(document.authors == [
            "Ministère des Affaires étrangères", "Délégation pour l’action extérieure des collectivités territoriales",
        ])
        #expect(document.date == "2013-01-15")
        #expect(document.metadata["subject"] == "Numéro spécial sur les 30 ans de la coopération décentralisée")
        #expect(document.metadata["keywords"]?.contains("CNCD") == true)
        #expect(document.metadata["creationDate"] == "2013-01-15T10:00:00+01:00")
        #expect(document.warnings.isEmpty)

        let pages = document.blocks.filter { $0.kind == .page }
        #expect(pages.map(\.page) == [1, 2, 3, 4, 5, 6])
        // Pages tile the text in order; every paragraph lies inside its page.
        for (a, b) in zip(pages, pages.dropFirst()) { #expect(a.end <= b.start) }
        let paragraphs = document.blocks.filter { $0.kind == .paragraph }
        #expect(paragraphs.count > 60)
        for paragraph in paragraphs {
            let page = try #require(pages.first { $0.page == paragraph.page })
            #expect(paragraph.start >= page.start && paragraph.end <= page.end)
        }
        let first = PDFFixtures.text(of: pages[0], in: document)
        #expect(first.hasPrefix("La coopération décentralisée a 30 ans"))
        #expect(PDFFixtures.text(of: pages[5], in: document).contains("57, boulevard des Invalides"))
    }

    @Test("The brochure PDF: every line-end break of the layout is repaired correctly")
    func brochureHyphenation() throws {
        let document = try PDFFixtures.extract(PDFFixtures.brochure)
        let text = document.text
        let breaks = try String(
            contentsOfFile: PDFFixtures.path("Tests/Fixtures/pdf/brochure-breaks.tsv"), encoding: .utf8)
        var checked = 0
        for line in breaks.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 3)
            let (head, tail, expected) = (fields[0], fields[1], fields[2])
            #expect(text.contains(expected), "« \(expected) » absent (coupure \(head)|\(tail))")
            #expect(!text.contains(head + "\n" + tail.prefix(3)), "coupure non réparée : \(head)|\(tail)")
            if head.hasSuffix("-") && !expected.contains(head + tail) {
                #expect(!text.contains(head + tail), "trait d’union gardé à tort : \(head + tail)")
            }
            checked += 1
        }
        #expect(checked > 150)
        // Real compounds keep their hyphen, broken words do not survive.
        for compound in [
            "Oudin-Santini", "quasi-totalité", "Sud-Est", "franco-marocaine", "Nord-Pas-de-Calais",
            "franco-vietnamienne", "savoir-faire", "Bade-Wurtemberg", "au-delà",
        ] {
            #expect(text.contains(compound), "composé perdu : \(compound)")
        }
        for broken in ["coopé-ration", "décen-tralisée", "Liao-ning", "SudEst", "quasitotalité", "francomarocaine"] {
            #expect(!text.contains(broken), "mot cassé : \(broken)")
        }
        #expect(text.contains("Liaoning"))
        #expect(text.contains("benoit.maraval@diplomatie.gouv.fr"))
        #expect(text.contains("http://www.diplomatie.gouv.fr/fr/enjeux-internationaux/cooperation-decentralisee/colonne-droite-21470/publications-21460/article/orientations-francaises"))
    }

    @Test("The brochure PDF: the two columns are read one after the other")
    func brochureColumns() throws {
        let document = try PDFFixtures.extract(PDFFixtures.brochure)
        let page1 = PDFFixtures.text(of: document.blocks.first { $0.kind == .page }!, in: document)
        // Left column (opening text) entirely before the right column (the DAECT passage).
        let left = try #require(page1.range(of: "jusqu’alors du bloc de l’Est."))
        let right = try #require(page1.range(of: "de la mondialisation, du développement et des partenariats"))
        #expect(left.upperBound < right.lowerBound)
        #expect(page1.contains("À l’occasion des 30 ans de la coopération décentralisée,\nla DQO vous propose"))
    }

    @Test("A two-column page: title, left column, right column, closing line")
    func twoColumnFixture() throws {
        let document = try PDFFixtures.extract("Tests/Fixtures/pdf/two-columns.pdf")
        let text = document.text
        var markers: [String] = ["Titre pleine largeur"]
        markers += (1...18).map { String(format: "Gauche%02d", $0) }
        markers += (1...18).map { String(format: "Droite%02d", $0) }
        markers.append("Ligne finale pleine largeur")
        var position = text.startIndex
        for marker in markers {
            let found = try #require(text.range(of: marker, range: position..<text.endIndex), "\(marker) hors d’ordre")
            position = found.upperBound
        }
        #expect(document.pages == 1)
        #expect(document.blocks.first?.kind == .page)
    }

    @Test("Column layout orders interleaved lines: left column, then right, never mixed")
    func columnLayoutUnit() {
        // Lines handed over interleaved (left, right, left, right…), as a naive reader would.
        var lines: [TextLine] = []
        lines.append(TextLine(utf8: Array("Titre".utf8), x0: 50, y0: 40, x1: 540, y1: 60, glyphHeight: 18))
        for k in 0..<8 {
            let y = 100 + Double(k) * 12
            lines.append(TextLine(utf8: Array("G\(k)".utf8), x0: 50, y0: y, x1: 285, y1: y + 10, glyphHeight: 10))
            lines.append(TextLine(utf8: Array("D\(k)".utf8), x0: 305, y0: y, x1: 540, y1: y + 10, glyphHeight: 10))
        }
        lines.append(TextLine(utf8: Array("page 1".utf8), x0: 270, y0: 800, x1: 320, y1: 810, glyphHeight: 8))
        let layout = ColumnLayout(lines: lines)
        #expect(layout.gutters.count == 1)
        let order = layout.ordered.map { String(decoding: $0.line.utf8, as: UTF8.self) }
        #expect(order == ["Titre"] + (0..<8).map { "G\($0)" } + (0..<8).map { "D\($0)" } + ["page 1"])
    }

    @Test("A single-column page has no gutter, even with short lines")
    func singleColumnUnit() {
        var lines: [TextLine] = []
        for k in 0..<12 {
            let y = 100 + Double(k) * 12
            let right = k % 3 == 2 ? 200.0 : 540.0
            lines.append(TextLine(utf8: Array("L\(k)".utf8), x0: 50, y0: y, x1: right, y1: y + 10, glyphHeight: 10))
        }
        let layout = ColumnLayout(lines: lines)
        #expect(layout.gutters.isEmpty)
        #expect(layout.ordered.map { String(decoding: $0.line.utf8, as: UTF8.self) } == (0..<12).map { "L\($0)" })
    }

    @Test("The convention PDF: parties, articles and amounts in reading order")
    func convention() throws {
        let document = try PDFFixtures.extract(PDFFixtures.convention)
        #expect(document.pages == 3)
        #expect(document.date == "2011-11-18")
        #expect(document.authors == ["Ville de Sélestat", "Commune de Sa’a"])
        // Lines end where the PDF's lines end: compare with single spaces.
        let text = document.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for phrase in [
            "articles L1115-1 et suivants", "Article 3 – Engagements financiers", "30 000 euros par an",
            "représentant de l’État", "Fait à Sélestat, le 18 novembre 2011",
        ] {
            #expect(text.contains(phrase), "absent : \(phrase)")
        }
        let objet = try #require(text.range(of: "Article 1 – Objet"))
        let duree = try #require(text.range(of: "Article 6 – Durée"))
        #expect(objet.upperBound < duree.lowerBound)
    }

    @Test("An encrypted PDF without password is refused with a French message")
    func encrypted() {
        let path = PDFFixtures.path("Tests/Fixtures/pdf/encrypted.pdf")
        #expect(throws: ExtractionError.encrypted(path: path)) { try DocumentExtractor().extract(path: path) }
        #expect(ExtractionError.encrypted(path: "x.pdf").description == "x.pdf : PDF chiffré, mot de passe requis")
    }

    @Test("A truncated PDF and garbage behind a PDF header are reported as damaged")
    func damaged() {
        for fixture in ["truncated.pdf", "garbage.pdf"] {
            let path = PDFFixtures.path("Tests/Fixtures/pdf/" + fixture)
            do {
                _ = try DocumentExtractor().extract(path: path)
                Issue.record("\(fixture) extrait sans erreur")
            } catch let error as ExtractionError {
                guard case .damaged(let p, let reason) = error else {
                    Issue.record("\(fixture) : erreur inattendue \(error)")
                    continue
                }
                #expect(p == path)
                #expect(reason.contains("PDF"))
                #expect(error.description.hasPrefix(path + " : document endommagé"))
            } catch {
                Issue.record("\(fixture) : erreur inattendue \(error)")
            }
        }
    }

    @Test("A PDF with no text layer gives a document with the warning, not an error")
    func scanned() throws {
        let document = try PDFFixtures.extract("Tests/Fixtures/pdf/scanned.pdf")
        #expect(document.text.isEmpty)
        #expect(document.pages == 1)
        #expect(document.warnings.count == 1)
        #expect(document.warnings.first?.hasPrefix("aucune couche texte") == true)
    }

    @Test("A PDF cut after its pages still opens with a warning when poppler can rebuild it")
    func truncatedTail() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: PDFFixtures.path(PDFFixtures.convention)))
        let cut = data.prefix(data.count - 40)  // loses the trailer's end and %%EOF
        let documents = try? DocumentExtractor().extract(data: Data(cut), path: "coupé.pdf")
        if let document = documents?.first {
            #expect(document.warnings.contains { $0.contains("%%EOF") })
        }
    }
}

@Suite("PDF title from layout")
struct PDFTitleFromLayoutTests {
    @Test("Without a metadata title, the large leading lines of page 1 are the title")
    func titleFromLayout() {
        var page = PDFExtractor.PageLines()
        for (text, height) in [
            ("Convention de coopération", 18.0), ("décentralisée Sélestat – Sa’a", 18.0), ("Entre les soussignés :", 10.5),
            ("La Ville de Sélestat, représentée par son maire,", 10.5), ("et la Commune de Sa’a,", 10.5),
        ] {
            page.lines.append(Array(text.utf8))
            page.heights.append(height)
            page.startsParagraph.append(false)
        }
        #expect(PDFExtractor.titleFromLayout(page) == "Convention de coopération décentralisée Sélestat – Sa’a")
        page.heights = page.heights.map { _ in 10.5 }
        #expect(PDFExtractor.titleFromLayout(page) == nil)
    }
}
