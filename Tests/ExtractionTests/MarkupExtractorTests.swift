import Extraction
import Foundation
import Testing

@Suite("Generic XML and HTML")
struct MarkupExtractorTests {
    @Test("Generic XML: text of elements as blocks, never markup, comments or PIs")
    func genericXML() throws {
        let doc = try XMLFixtures.extractOne("Tests/Fixtures/xml/rapport-generique.xml")
        #expect(doc.format == .xml)
        #expect(doc.title == "Rapport annuel de la coopération décentralisée")
        #expect(doc.text.contains("La commune de Belfort coopère avec Ségou depuis 1983."))
        #expect(doc.blocks(.heading).count == 2)
        #expect(doc.blocks(.listItem).count == 2)
        #expect(!doc.text.contains("<") && !doc.text.contains("commentaire") && !doc.text.contains("traitement"))
    }

    @Test("Declared ISO-8859-1 encoding and UTF-16 with BOM are honoured")
    func declaredEncodings() throws {
        let latin1 = try XMLFixtures.extractOne("Tests/Fixtures/xml/latin1-declared.xml")
        #expect(latin1.title == "Délibération du conseil régional")
        #expect(latin1.text.contains("préfecture d'Aného (Togo)"))
        let utf16 = try XMLFixtures.extractOne("Tests/Fixtures/xml/utf16-bom.xml")
        #expect(utf16.text.contains("Échanges entre Hué et la Région."))
    }

    @Test("Undeclared Windows-1252 XML is decoded with a warning, not refused")
    func undeclaredLatin1() throws {
        let doc = try XMLFixtures.extractOne("Tests/Fixtures/xml/latin1-undeclared.xml")
        #expect(doc.title == "Délibération")
        #expect(doc.text.contains("Coopération avec Agéz (Maroc) : 15 000 €."))
        #expect(doc.warnings == ["UTF-8 invalide et aucun encodage déclaré : XML décodé comme Windows-1252"])
    }

    @Test("Malformed XML errors are one French line")
    func malformedMessages() {
        for (xml, expected) in [
            ("<a><b></a>", "balise fermante qui ne correspond pas"),
            ("<a>&nbsp;</a>", "entité non déclarée"),
            ("<a></a><b/>", "contenu après l’élément racine"),
        ] {
            do {
                _ = try DocumentExtractor().extract(data: Data(xml.utf8), path: "x.xml")
                Issue.record("\(xml) should fail")
            } catch {
                let message = "\(error)"
                #expect(message.contains(expected), "\(message)")
                #expect(!message.contains("\n"))
            }
        }
    }

    @Test("HTML page: title, meta date, author, main text without page furniture")
    func htmlPage() throws {
        let doc = try XMLFixtures.extractOne("Tests/Fixtures/html/page-actualite.html")
        #expect(doc.format == .html)
        #expect(doc.title == "Coopération décentralisée : un nouveau partenariat avec Hué")
        #expect(doc.date == "2024-05-06")
        #expect(doc.authors == ["Service communication"])
        #expect(doc.text.hasPrefix("Un nouveau partenariat avec Hué"))
        #expect(doc.text.contains("avec la province de Thừa Thiên Huế."))
        for furniture in ["NE PAS EXTRAIRE", "Menu principal", "Actualités", "ne pas extraire", "Rechercher",
            "JavaScript", "font-family"]
        {
            #expect(!doc.text.contains(furniture), "« \(furniture) » should not be extracted")
        }
        #expect(doc.blocks(.heading).count == 2)
        #expect(doc.blocks(.listItem).count == 2)
        #expect(doc.blocks(.tableRow).count == 2)
        #expect(doc.metadata["langue"] == "fr")
    }

    @Test("A UTF-8 HTML page without a declared charset is read as UTF-8")
    func htmlWithoutCharset() throws {
        let html = Data("<html><body><p>Coopération décentralisée à Ségou</p></body></html>".utf8)
        let doc = try DocumentExtractor().extract(data: html, path: "page.html")
        #expect(doc.first?.text == "Coopération décentralisée à Ségou")
    }
}
