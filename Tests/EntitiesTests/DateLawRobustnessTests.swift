import Entities
import Foundation
import Testing

/// Hostile and truncated input: the scanners must never crash, hang or return spans that
/// are out of range or not on character boundaries.
@Suite("Dates and lois on hostile input")
struct DateLawRobustnessTests {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static let laws = try! LawRecognizer.load(referenceDirectory: root.appendingPathComponent("Corpus/reference").path)

    func check(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(text.utf8)
        for e in DateRecognizer().recognize(text: text) + Self.laws.recognize(text: text) {
            #expect(e.start >= 0 && e.start < e.end && e.end <= bytes.count, sourceLocation: sourceLocation)
            #expect(String(decoding: bytes[e.start..<e.end], as: UTF8.self) == e.text, sourceLocation: sourceLocation)
            #expect(!e.text.utf8.contains(0xFF) && e.text.unicodeScalars.first != "\u{FFFD}", sourceLocation: sourceLocation)
        }
    }

    @Test("Truncated patterns at the end of the text")
    func truncated() {
        for text in [
            "", "5", "5-", "5-7", "5-7 mars", "30 janvier-", "30 janvier-1er", "12/03/", "12/03", "2013-", "2013-03-",
            "loi", "loi ", "loi n°", "loi n° 2007-", "loi n° 2007-147 du", "loi n° 2007-147 du 2", "loi du 6 février",
            "L.", "L. ", "L. 1115-", "articles L. 1115-1 à", "circulaire du", "décret n°", "loi «", "loi dite",
            "années", "les années 19", "n°", "réforme de", "révision constitutionnelle de 20", "1er", "mardi",
            "►", "«", "’", "\u{00A0}", "é", "2 mars 1982 –", "25 janvier 2007 – La loi",
        ] {
            check(text)
        }
    }

    @Test("Random byte soup and random slices of the corpus")
    func randomInput() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789 -–/.,°nLlRDoi éèàûÉ«»’'\n►ermaijuvfdscptbq()".unicodeScalars)
        for _ in 0..<300 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<200, using: &generator) {
                s.append(alphabet.randomElement(using: &generator)!)
            }
            check(String(s))
        }
        let seed = try String(
            contentsOf: Self.root.appendingPathComponent("Corpus/publications/brochure-30-ans-cooperation-decentralisee.txt"),
            encoding: .utf8)
        let scalars = Array(seed.unicodeScalars)
        for _ in 0..<200 {
            let a = Int.random(in: 0..<scalars.count, using: &generator)
            let b = min(scalars.count, a + Int.random(in: 0..<400, using: &generator))
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[a..<b])
            check(String(s))
        }
    }

    @Test("Very long runs of digits and separators stay linear")
    func longRuns() {
        check(String(repeating: "1", count: 100_000))
        check(String(repeating: "1-", count: 50_000))
        check(String(repeating: "L. 1115-1, ", count: 10_000))
        check(String(repeating: "loi ", count: 20_000))
        check(String(repeating: "années ", count: 10_000) + "1980")
    }
}
