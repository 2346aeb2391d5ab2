import Foundation
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

    /// The shortcut that returns French text as it is agrees with the full pass: whenever it
    /// says "unchanged", the full pass copies every byte and composes nothing. Checked on
    /// the shipped corpus and on random mixes of the characters each case handles.
    @Test("Text already normalized is recognized exactly")
    func normalizedShortcutAgrees() throws {
        func agrees(_ text: String) -> Bool {
            var copy = text
            return copy.withUTF8 { b in
                var out: [UInt8] = []
                let composes = TextNormalizer.normalize(b, into: &out)
                let unchanged = !composes && out.elementsEqual(b)
                return TextNormalizer.isNormalized(b) ? unchanged : true
            }
        }
        var texts: [String] = []
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for folder in ["Corpus/conventions", "Corpus/publications"] {
            let dir = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".txt") {
                texts.append(try String(contentsOfFile: dir.appendingPathComponent(name).path, encoding: .utf8))
            }
        }
        #expect(texts.count >= 5)
        let french = texts.filter { var c = $0; return c.withUTF8 { TextNormalizer.isNormalized($0) } }
        #expect(!french.isEmpty, "the shortcut recognizes ordinary French text")
        for t in texts { #expect(agrees(t)) }
        // A control character or DEL inside a run of plain ASCII (the eight-byte scan).
        for bad in ["\u{1}", "\u{7F}", "\r", "\u{A0}", "é"] {
            for at in 0..<20 {
                let text = String(repeating: "a", count: at) + bad + String(repeating: "b", count: 20 - at)
                var copy = text
                #expect(copy.withUTF8 { TextNormalizer.isNormalized($0) } == (bad == "é"), "\(at) \(bad.unicodeScalars.first!.value)")
                #expect(agrees(text))
            }
        }
        let palette: [Unicode.Scalar] = [
            "a", "E", " ", "\n", "\t", "\r", "\u{7F}", "\u{1}", "é", "È", "ç", "œ", "ÿ", "\u{A0}", "\u{AD}", "\u{85}", "°", "«", "»",
            "\u{300}", "\u{301}", "\u{370}", "α", "Ж", "\u{1680}", "\u{1E9E}", "\u{1EA0}", "\u{1100}", "\u{2002}", "\u{200B}",
            "\u{200E}", "\u{2019}", "\u{2014}", "\u{2026}", "\u{2028}", "\u{202F}", "\u{2060}", "\u{2066}", "\u{20AC}", "\u{20D0}",
            "\u{2126}", "\u{212B}", "\u{2329}", "\u{3000}", "\u{3042}", "\u{4E00}", "\u{FB01}", "\u{FB06}", "\u{FEFF}", "\u{FFF9}",
            "\u{FE20}", "\u{FF21}", "\u{E000}", "\u{1F600}",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...24, using: &generator) { s.append(palette.randomElement(using: &generator)!) }
            let text = String(s)
            #expect(agrees(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
