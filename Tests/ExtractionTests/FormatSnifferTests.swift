import Extraction
import Foundation
import Testing

@Suite("Format sniffing")
struct FormatSnifferTests {
    @Test("Corpus and fixture files are recognised by their content", arguments: [
        ("Corpus/flux/actualites-aect.rss", DocumentFormat.rss),
        ("Corpus/flux/carnet-cooperation.atom", .atom),
        ("Tests/Fixtures/feeds/rss10.rdf", .rss),
        ("Corpus/lois/cgct-L1115-1.xml", .legi),
        ("Corpus/lois/cgct-chapitre-V.xml", .legi),
        ("Tests/Fixtures/xml/legi-texte-version.xml", .legi),
        ("Corpus/conventions/convention-haute-savoie-tiznit.akn.xml", .akomaNtoso),
        ("Corpus/conventions/convention-bourgogne-franche-comte-ninh-binh.docx", .docx),
        ("Corpus/conventions/convention-saint-brieuc-mbour.odt", .odt),
        ("Tests/Fixtures/xml/rapport-generique.xml", .xml),
        ("Tests/Fixtures/xml/utf16-bom.xml", .xml),
        ("Tests/Fixtures/html/page-actualite.html", .html),
        ("Tests/Fixtures/text/bench-sample.jsonl", .jsonl),
        ("Tests/Fixtures/text/utf16le-bom.txt", .text),
        ("Tests/Fixtures/hostile/quadratic-blowup.xml", .xml),
    ])
    func sniffsContent(path: String, expected: DocumentFormat) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: XMLFixtures.path(path)))
        #expect(FormatSniffer.sniff(data, path: path) == expected)
    }

    @Test("The extension does not override the content")
    func contentBeatsExtension() {
        let atom = Data(#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>"#.utf8)
        #expect(FormatSniffer.sniff(atom, path: "flux.txt") == .atom)
        let rss = Data("<rss version=\"2.0\"><channel/></rss>".utf8)
        #expect(FormatSniffer.sniff(rss, path: "document.html") == .rss)
        let legi = Data("<?xml version=\"1.0\"?>\n<!-- c -->\n<ARTICLE><META/></ARTICLE>".utf8)
        #expect(FormatSniffer.sniff(legi, path: "x.json") == .legi)
        // A lower-case <article> is not Légifrance's ARTICLE.
        #expect(FormatSniffer.sniff(Data("<article><p>x</p></article>".utf8), path: "a.xml") == .xml)
        let akn = Data(#"<an:akomaNtoso xmlns:an="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>"#.utf8)
        #expect(FormatSniffer.sniff(akn, path: "a.txt") == .akomaNtoso)
        #expect(FormatSniffer.sniff(Data("%PDF-1.7\n".utf8), path: "a.txt") == .pdf)
    }

    @Test("Binary content is not taken for text")
    func binaryIsRefused() {
        #expect(FormatSniffer.sniff(Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0]), path: "a.txt") == nil)
        #expect(FormatSniffer.sniff(Data([0x00, 0x01, 0x02, 0x41, 0x00]), path: "a.txt") == nil)
    }
}
