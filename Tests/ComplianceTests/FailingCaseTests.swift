import Compliance
import Testing

/// Each fixture of `Tests/Fixtures/conventions/` has the verdict and every rule status asserted.
@Suite("Conventions: verdict and every rule")
struct FailingCaseTests {
    static let allOK: [String: String] = [
        "partie-francaise": "ok", "partie-etrangere": "ok", "pas-d-etat-etranger": "ok", "objet": "ok",
        "engagements-financiers": "ok", "plafond-1-pourcent": "sans-objet", "signature": "ok", "duree": "ok",
        "transmission-prefet": "ok", "engagements-internationaux": "ok",
    ]

    static func expect(_ changes: [String: String]) -> [String: String] {
        allOK.merging(changes) { $1 }
    }

    static let cases: [(file: String, verdict: String, statuses: [String: String])] = [
        ("conforme.txt", "conforme", expect([:])),
        ("sans-objet.txt", "non-conforme", expect(["objet": "manquant"])),
        ("sans-montant.txt", "non-conforme", expect(["engagements-financiers": "manquant"])),
        ("etat-etranger.txt", "non-conforme", expect(["partie-etrangere": "non-conforme", "pas-d-etat-etranger": "non-conforme"])),
        ("association.txt", "non-conforme", expect(["partie-etrangere": "non-conforme"])),
        ("plafond-depasse.txt", "non-conforme", expect(["plafond-1-pourcent": "non-conforme"])),
        ("plafond-respecte.txt", "conforme", expect(["plafond-1-pourcent": "ok"])),
        ("plafond-sans-budget.txt", "a-verifier", expect(["plafond-1-pourcent": "a-verifier"])),
        ("non-signee.txt", "non-conforme", expect(["signature": "manquant"])),
        ("sans-duree.txt", "non-conforme", expect(["duree": "manquant"])),
        // Modelled on the Yvelines – Blitta convention-cadre 2012-2015 (a Togolese local
        // authority named "Préfecture"): neither a State nor a transmission to the préfet.
        (
            "departement-prefecture-togo.txt", "a-verifier",
            expect(["transmission-prefet": "a-verifier", "engagements-internationaux": "a-verifier"])
        ),
        // "Entre les soussignés … d'une part, et … d'autre part", a province, a term date,
        // two signature columns on one line.
        ("etat-federe-quebec.txt", "conforme", expect([:])),
        // Amounts in words, a term "pour la durée du mandat", entry into force "à compter de
        // sa transmission au contrôle de légalité", "Le Maire," blocks.
        ("montant-en-lettres-mandat.txt", "conforme", expect([:])),
        (
            "aide-urgence.txt", "conforme",
            Dictionary(uniqueKeysWithValues: allOK.keys.map { ($0, "sans-objet") })
        ),
    ]

    @Test("verdict and rule statuses", arguments: cases.map(\.file))
    func fixture(_ file: String) throws {
        let expected = Self.cases.first { $0.file == file }!
        let report = try Fixtures.check("Tests/Fixtures/conventions/" + file)
        #expect(report.verdict.rawValue == expected.verdict, "\(file): \(report.renderText())")
        #expect(Fixtures.statuses(report) == expected.statuses, "\(file): \(report.renderText())")
    }

    @Test("the emergency aid decision is reported as such")
    func emergencyAid() throws {
        let report = try Fixtures.check("Tests/Fixtures/conventions/aide-urgence.txt")
        #expect(report.nature == .emergencyAid)
        #expect(report.renderText().contains("aide humanitaire d'urgence (pas une convention)"))
    }
}
