import Testing

@testable import Extraction

@Suite("Text normalizer")
struct TextNormalizerTests {
    @Test("Clean ASCII comes back unchanged")
    func asciiFastPath() {
        let text = "Article 3\tEngagements financiers\n30000 euros par an."
        #expect(TextNormalizer.normalize(text) == text)
    }

    @Test("Decomposed accents are composed (NFC)")
    func nfc() {
        let decomposed = "coope\u{301}ration de\u{301}centralise\u{301}e"
        let result = TextNormalizer.normalize(decomposed)
        #expect(result == "coopération décentralisée")
        #expect(result.unicodeScalars.count == "coopération décentralisée".unicodeScalars.count)
        #expect(Array(result.utf8) == Array("coopération décentralisée".utf8))
    }

    @Test("Soft hyphens are removed")
    func softHyphens() {
        #expect(TextNormalizer.normalize("coopé\u{AD}ration inter\u{AD}nationale") == "coopération internationale")
    }

    @Test("Ligatures are expanded")
    func ligatures() {
        #expect(TextNormalizer.normalize("e\u{FB03}cace \u{FB01}nancement \u{FB02}ux \u{FB00}et a\u{FB04}uer \u{FB05}\u{FB06}")
            == "efficace financement flux ffet affluer stst")
    }

    @Test("Non-breaking and exotic spaces become plain spaces")
    func spaces() {
        let text = "4\u{A0}800 collectivités\u{202F}; 13\u{2009}000 projets\u{2003}—\u{3000}fin"
        #expect(TextNormalizer.normalize(text) == "4 800 collectivités ; 13 000 projets — fin")
    }

    @Test("Control characters are dropped, line feeds and tabs kept, CRLF becomes LF")
    func controls() {
        let text = "ligne\u{0}1\r\nligne\u{7}2\tfin\u{1B}\n\u{85}x\u{200B}y\u{FEFF}"
        #expect(TextNormalizer.normalize(text) == "ligne1\nligne2\tfin\nxy")
    }

    @Test("Other scripts and symbols pass through")
    func passThrough() {
        let text = "Sa’a — « Hébron » ► 7,5 M€ · Œuvre ŒIL 北京 Δ"
        #expect(TextNormalizer.normalize(text) == text)
    }
}
