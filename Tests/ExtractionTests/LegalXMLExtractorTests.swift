import Extraction
import Foundation
import Testing

@Suite("Légifrance LEGI and Akoma Ntoso")
struct LegalXMLExtractorTests {
    @Test("LEGI ARTICLE: one article block labelled with its number, dates and ids in metadata")
    func legiArticle() throws {
        let doc = try XMLFixtures.extractOne("Tests/Fixtures/xml/legi-article.xml")
        #expect(doc.format == .legi)
        #expect(doc.item == "LEGIARTI000000000042")
        #expect(doc.title == "Code général des collectivités territoriales — Article L1115-1")
        #expect(doc.date == "2007-02-04")
        #expect(doc.metadata["numero"] == "L1115-1")
        #expect(doc.metadata["etat"] == "MODIFIE")
        #expect(doc.metadata["date_debut"] == "2007-02-04")
        #expect(doc.metadata["date_fin"] == "2014-07-09")
        #expect(doc.metadata["sections"] == "Partie législative > CHAPITRE V : Coopération décentralisée")
        let articles = doc.blocks(.article)
        #expect(articles.count == 1)
        #expect(articles.first?.label == "Article L1115-1")
        // <br/> separates paragraphs; the table is a row of cells; NOTA kept apart.
        #expect(doc.blocks(.paragraph).count == 3)
        #expect(doc.text.contains("Montant | 1 %"))
        #expect(doc.blocks(.section).first?.label == "Nota")
        #expect(!doc.text.contains("<"))
    }

    @Test("Corpus CGCT articles: official text, one article each")
    func corpusArticles() throws {
        let doc = try XMLFixtures.extractOne("Corpus/lois/cgct-L1115-1.xml")
        #expect(doc.title == "Code général des collectivités territoriales — Article L1115-1")
        #expect(doc.blocks(.article).map(\.label) == ["Article L1115-1"])
        #expect(doc.text.contains("Ces conventions précisent l'objet des actions envisagées et le montant prévisionnel des engagements financiers."))
        #expect(doc.metadata["etat"] == "VIGUEUR")
        let section = try XMLFixtures.extractOne("Corpus/lois/cgct-chapitre-V.xml")
        #expect(section.title == "CHAPITRE V : Action extérieure des collectivités territoriales")
        #expect(section.metadata["articles"]?.hasPrefix("L1115-1 ; L1115-1-1 ; L1115-2") == true)
    }

    @Test("TEXTE_VERSION: full title, text date, NOR, number, signatories")
    func texteVersion() throws {
        let doc = try XMLFixtures.extractOne("Tests/Fixtures/xml/legi-texte-version.xml")
        #expect(doc.title?.hasPrefix("LOI n° 2007-147 du 2 février 2007 relative à l'action extérieure") == true)
        #expect(doc.date == "2007-02-02")
        #expect(doc.metadata["numero"] == "2007-147")
        #expect(doc.metadata["nor"] == "TEST0000000L")
        #expect(doc.metadata["nature"] == "LOI")
        #expect(doc.metadata["signataires"] == "Par le Président de la République : Jacques Chirac")
        #expect(doc.blocks(.signature).count == 1)
        #expect(doc.blocks(.section).first?.label == "Visas")
    }

    @Test("SECTION_TA: heading and linked articles")
    func sectionTA() throws {
        let doc = try XMLFixtures.extractOne("Tests/Fixtures/xml/legi-section.xml")
        #expect(doc.item == "LEGISCTA000000000002")
        #expect(doc.blocks(.listItem).compactMap(\.label) == ["Article L1115-1", "Article L1115-3"])
        #expect(doc.text.contains("Section 1 : Dispositions générales"))
    }

    @Test("Akoma Ntoso convention: articles, preface, conclusions, parties, signatories")
    func akomaNtoso() throws {
        let doc = try XMLFixtures.extractOne("Corpus/conventions/convention-haute-savoie-tiznit.akn.xml")
        #expect(doc.format == .akomaNtoso)
        #expect(doc.title?.hasPrefix("Convention de coopération décentralisée entre le Département de la Haute-Savoie") == true)
        #expect(doc.date == "2024-03-18")
        let labels = doc.blocks(.article).compactMap(\.label)
        #expect(labels.count == 8)
        #expect(labels.first == "Article 1 — Objet de la convention")
        #expect(labels.contains("Article 3 — Engagements financiers"))
        #expect(doc.metadata["parties"] == "Le Département de la Haute-Savoie ; La Province de Tiznit")
        let signatories = doc.metadata["signataires"] ?? ""
        #expect(signatories.contains("Hélène Berthollet (Pour le Département de la Haute-Savoie"))
        #expect(signatories.contains(" ; Mohamed Aït Brahim (Pour la Province de Tiznit"))
        #expect(doc.blocks(.preface).count == 1)
        #expect(doc.blocks(.conclusions).count == 1)
        #expect(doc.blocks(.signature).count == 2)
        // The financial article holds its amounts, numbered paragraphs and table rows.
        let financial = try #require(doc.blocks(.article).first { $0.label == "Article 3 — Engagements financiers" })
        let financialText = doc.text(of: financial)
        #expect(financialText.contains("3.1 Le montant prévisionnel des engagements financiers du Département s’élève à 360 000 euros"))
        #expect(financialText.contains("2024 | 120 000 | 800 000"))
        // Metadata never leaks into the text.
        #expect(!doc.text.contains("FRBR") && !doc.text.contains("/akn/fr"))
        // Blocks are ordered by start, inside the text.
        #expect(doc.blocks.map(\.start) == doc.blocks.map(\.start).sorted())
        #expect(doc.blocks.allSatisfy { $0.end <= doc.text.utf8.count && $0.start < $0.end })
    }
}
