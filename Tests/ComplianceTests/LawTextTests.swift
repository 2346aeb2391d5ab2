import Compliance
import Foundation
import Testing

/// Each rule quotes the law exactly: its words must be found verbatim in the reference
/// texts of `Corpus/reference/droit/`, which record where they were taken from.
@Suite("Law texts")
struct LawTextTests {
    @Test("every rule's words of the law are in Corpus/reference/droit")
    func rulesQuoteTheReferenceTexts() throws {
        let dir = Fixtures.path("Corpus/reference/droit")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".md") }
        let reference = try files.map { try String(contentsOfFile: dir + "/" + $0, encoding: .utf8) }.joined(separator: "\n")
        #expect(RuleCatalog.standard.count == 10)
        for rule in RuleCatalog.standard {
            #expect(!rule.basis.isEmpty)
            for paragraph in rule.lawText.split(separator: "\n") {
                #expect(reference.contains(paragraph), "\(rule.id): « \(paragraph) » is not in Corpus/reference/droit")
            }
        }
    }

    @Test("rule ids are the contract's, stable and unique")
    func ruleIDs() {
        let ids = RuleCatalog.standard.map(\.id)
        #expect(ids == [
            "partie-francaise", "partie-etrangere", "pas-d-etat-etranger", "objet", "engagements-financiers",
            "plafond-1-pourcent", "signature", "duree", "transmission-prefet", "engagements-internationaux",
        ])
    }
}
