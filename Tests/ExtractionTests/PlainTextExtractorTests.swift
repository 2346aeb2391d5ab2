import Extraction
import Foundation
import Testing

@Suite("Plain text and encodings")
struct PlainTextExtractorTests {
    @Test("Windows-1252 bytes are decoded with a warning naming the encoding")
    func windows1252() throws {
        let doc = try XMLFixtures.extractOne("Tests/Fixtures/hostile/windows-1252.txt")
        #expect(doc.format == .text)
        #expect(doc.text.contains("la Région verse 15 000 € à la province d’Essaouira."))
        #expect(doc.warnings == ["UTF-8 invalide : texte décodé comme Windows-1252"])
        #expect(doc.blocks.count == 2)
    }

    @Test("ISO-8859-1 without Windows-1252 punctuation is named as such")
    func latin1() throws {
        let data = Data("Délégation à l'action extérieure".data(using: .isoLatin1)!)
        let doc = try DocumentExtractor().extract(data: data, path: "note.txt")
        #expect(doc.first?.text == "Délégation à l'action extérieure")
        #expect(doc.first?.warnings == ["UTF-8 invalide : texte décodé comme ISO-8859-1"])
    }

    @Test("BOMs: UTF-8 BOM stripped, CRLF read as LF, UTF-16 decoded")
    func boms() throws {
        let utf8 = try XMLFixtures.extractOne("Tests/Fixtures/text/utf8-bom.txt")
        #expect(utf8.text == "Rapport d’activité\n\nPremière ligne du rapport.\nSeconde ligne.")
        #expect(utf8.title == "Rapport d’activité")
        let utf16 = try XMLFixtures.extractOne("Tests/Fixtures/text/utf16le-bom.txt")
        #expect(utf16.text == "Convention de coopération\n\nSignée à Ségou.")
        #expect(utf16.warnings.isEmpty)
    }

    @Test("Text is NFC and cut into paragraphs at blank lines")
    func paragraphsAndNFC() throws {
        let decomposed = "Coope\u{301}ration\n  \nde\u{301}centralise\u{301}e\nsuite\n\n\n\nfin"
        let doc = try DocumentExtractor().extract(data: Data(decomposed.utf8), path: "n.txt")[0]
        #expect(doc.text == "Coopération\n\ndécentralisée\nsuite\n\nfin")
        #expect(doc.blocks.map { doc.text(of: $0) } == ["Coopération", "décentralisée\nsuite", "fin"])
    }
}
