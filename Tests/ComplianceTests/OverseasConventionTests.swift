import Compliance
import Entities
import Extraction
import Testing

/// A convention between a French commune and an overseas collectivité (a province of New
/// Caledonia, a commune of French Polynesia) binds two French collectivités: no foreign
/// authority, no foreign State, so the foreign-party rule has nothing to apply to.
@Suite("Conventions avec une collectivité d'outre-mer")
struct OverseasConventionTests {
    @Test("both parties French; partie-etrangere sans objet; no foreign State", arguments: [
        "Tests/Fixtures/conventions/outre-mer-province-sud.txt", "Tests/Fixtures/conventions/outre-mer-polynesie.txt",
    ])
    func overseasPartner(_ file: String) throws {
        let checker = try RecognizerLinkTests.checker()
        let report = try RecognizerLinkTests.check(file, with: checker)
        #expect(report.parties.count == 2)
        #expect(report.parties.map(\.role) == [.frenchAuthority, .frenchAuthority])
        #expect(report.parties[1].isFrenchOverseas)
        let statuses = Fixtures.statuses(report)
        #expect(statuses["partie-francaise"] == "ok")
        #expect(statuses["partie-etrangere"] == "sans-objet")
        #expect(statuses["pas-d-etat-etranger"] == "ok")
        #expect(report.verdict != .nonCompliant)
    }

    @Test("the overseas party's designation and code")
    func designations() throws {
        let checker = try RecognizerLinkTests.checker()
        let province = try RecognizerLinkTests.check("Tests/Fixtures/conventions/outre-mer-province-sud.txt", with: checker)
        #expect(province.parties[1].name.text == "La Province Sud de la Nouvelle-Calédonie")
        #expect(province.parties[1].country == "FR-NC")
        #expect(province.parties[1].kind == .collectivite)
        #expect(province.parties[1].normalized == nil)
        let polynesia = try RecognizerLinkTests.check("Tests/Fixtures/conventions/outre-mer-polynesie.txt", with: checker)
        #expect(polynesia.parties[1].country == "FR-PF")
        #expect(polynesia.parties[1].kind == .commune)
        let explanation = polynesia.results.first { $0.id == "partie-etrangere" }?.outcome.explanation ?? ""
        #expect(explanation.contains("outre-mer (PF)"))
    }
}
