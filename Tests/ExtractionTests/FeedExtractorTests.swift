import Extraction
import Foundation
import Testing

@Suite("RSS and Atom feeds")
struct FeedExtractorTests {
    @Test("RSS 2.0 in ISO-8859-1: one document per item, CDATA and entity-encoded HTML as text")
    func rssItems() throws {
        let docs = try XMLFixtures.extract("Corpus/flux/actualites-aect.rss")
        #expect(docs.count == 4)
        #expect(docs.allSatisfy { $0.format == .rss })
        let first = docs[0]
        #expect(first.title == "Appel à projets 2025 : coopération décentralisée franco-marocaine")
        #expect(first.item == "aect-2024-0912-maroc")
        #expect(first.date == "2024-09-12")
        #expect(first.authors == ["Délégation pour l’action extérieure des collectivités territoriales"])
        // content:encoded (CDATA) wins over description; markup and scripts gone.
        #expect(first.text.contains("lancent un appel à projets conjoint destiné"))
        #expect(!first.text.contains("<"))
        #expect(!first.text.contains("trackView"))
        #expect(first.blocks(.listItem).count == 3)
        #expect(first.metadata["lien"] == "https://www.example.org/aect/actualites/appel-projets-franco-marocain-2025")
        // Entity-encoded HTML in <description>.
        let second = docs[1]
        #expect(second.text.contains("Les sixièmes rencontres de la coopération décentralisée"))
        #expect(!second.text.contains("&lt;") && !second.text.contains("<b>"))
        #expect(second.date == "2024-09-03")
        // RSS <author> "mail (Name)" keeps the name.
        #expect(docs[2].authors == ["Délégation pour l’action extérieure"])
        // Doubly encoded character reference and an HTML table.
        #expect(docs[3].text.contains("dans l’Atlas"))
        #expect(docs[3].blocks(.tableRow).count == 3)
    }

    @Test("Item ids are sha256(bytes + '#' + key), distinct per item")
    func itemIDs() throws {
        let path = XMLFixtures.path("Corpus/flux/actualites-aect.rss")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let docs = try DocumentExtractor().extract(data: data, path: path)
        var bytes = [UInt8](data)
        bytes.append(contentsOf: Array("#aect-2024-0912-maroc".utf8))
        #expect(docs[0].id == SHA256.hex(of: bytes))
        #expect(Set(docs.map(\.id)).count == docs.count)
    }

    @Test("Atom: html, xhtml and text content; feed author inherited; RFC 3339 dates")
    func atomEntries() throws {
        let docs = try XMLFixtures.extract("Corpus/flux/carnet-cooperation.atom")
        #expect(docs.count == 3)
        #expect(docs.allSatisfy { $0.format == .atom })
        #expect(docs[0].authors == ["Claire Vidal", "Nguyễn Thị Lan"])
        #expect(docs[0].date == "2024-10-01")
        #expect(docs[0].item == "urn:uuid:0a4d5c1e-1f2b-4e0e-8d0d-2d3c8d9b1a01")
        #expect(docs[0].text.contains("300 000 € au titre du dispositif « 1 % eau »"))
        #expect(docs[0].blocks(.heading).count == 2)
        // type="html" title, inline XHTML content, updated as date, feed-level author.
        #expect(docs[1].title == "Le département de la Drôme et la province d’Essaouira renouvellent leur partenariat")
        #expect(docs[1].date == "2024-06-20")
        #expect(docs[1].authors == ["Service des relations internationales"])
        #expect(docs[1].blocks(.listItem).count == 3)
        #expect(docs[1].metadata["lien"] == "https://www.example.org/carnet/drome-essaouira")
        #expect(docs[2].text.hasSuffix("code général des collectivités territoriales."))
    }

    @Test("RSS 1.0 (RDF) items, dc:date, doubly escaped entities, empty item warned")
    func rss10() throws {
        let docs = try XMLFixtures.extract("Tests/Fixtures/feeds/rss10.rdf")
        #expect(docs.count == 2)
        #expect(docs[0].date == "2018-05-24")
        #expect(docs[0].text.hasSuffix("Rappel du cadre & des bonnes pratiques."))
        #expect(docs[1].warnings.contains("article sans contenu (titre seul)"))
    }

    @Test("RFC 822 and RFC 3339 dates become ISO days")
    func dates() {
        #expect(DateNormalizer.isoDay("Tue, 10 Jun 2003 04:00:00 GMT") == "2003-06-10")
        #expect(DateNormalizer.isoDay("10 Jun 03 04:00 +0200") == "2003-06-10")
        #expect(DateNormalizer.isoDay("mar., 3 sept. 2024 10:00:00 +0200") == "2024-09-03")
        #expect(DateNormalizer.isoDay("2003-12-13T18:30:02.25+01:00") == "2003-12-13")
        #expect(DateNormalizer.isoDay("20240506") == "2024-05-06")
        #expect(DateNormalizer.isoDay("2024-13-01") == nil)
        #expect(DateNormalizer.isoDay("bientôt") == nil)
    }
}
