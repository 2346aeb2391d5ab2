import Extraction
import Foundation
import Testing

@Suite("DOCX and ODT conventions")
struct OfficeExtractorTests {
    @Test("DOCX: headings, article blocks, list items, table rows, core properties")
    func docx() throws {
        let doc = try XMLFixtures.extractOne("Corpus/conventions/convention-bourgogne-franche-comte-ninh-binh.docx")
        #expect(doc.format == .docx)
        #expect(doc.title == "Convention de coopération décentralisée entre la Région Bourgogne-Franche-Comté et la Province de Ninh Bình")
        #expect(doc.date == "2024-09-09")
        #expect(doc.authors == ["Direction des relations internationales"])
        #expect(doc.blocks(.article).compactMap(\.label) == [
            "Article 1 – Objet", "Article 2 – Actions", "Article 3 – Modalités de mise en œuvre", "Article 4 – Durée",
            "Article 5 – Entrée en vigueur", "Article 6 – Résiliation",
        ])
        #expect(doc.blocks(.listItem).count == 3)
        #expect(doc.blocks(.tableRow).count == 3)
        #expect(doc.text.contains("Tourisme durable | Direction du tourisme | Service de la culture, des sports et du tourisme"))
        #expect(doc.text.contains("dès sa transmission au représentant de l’État"))
        // This convention deliberately states no financial commitment.
        #expect(!doc.text.contains("€") && !doc.text.contains("euros"))
    }

    @Test("ODT: headings, lists, tables, meta.xml")
    func odt() throws {
        let doc = try XMLFixtures.extractOne("Corpus/conventions/convention-saint-brieuc-mbour.odt")
        #expect(doc.format == .odt)
        #expect(doc.title == "Convention de coopération décentralisée entre la Commune de Saint-Brieuc et la Commune de Mbour")
        #expect(doc.date == "2023-05-15")
        #expect(doc.authors == ["Service des relations internationales de Saint-Brieuc"])
        #expect(doc.blocks(.article).first?.label == "Article premier – Objet")
        #expect(doc.blocks(.article).count == 5)
        #expect(doc.blocks(.listItem).count == 3)
        #expect(doc.text.contains("2023 | 15 000 | 3 300 000"))
        #expect(doc.text.contains("s’élève à 45 000 euros"))
    }
}
