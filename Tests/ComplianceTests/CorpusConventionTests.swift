import Compliance
import Extraction
import Testing

/// The conventions of `Corpus/conventions/`, read by the real extractors (DOCX, ODT,
/// Akoma Ntoso, text): verdict and every rule status.
@Suite("Corpus conventions")
struct CorpusConventionTests {
    static let cases: [(file: String, verdict: String, statuses: [String: String])] = [
        // Fictional, deliberately without any financial commitment.
        (
            "convention-bourgogne-franche-comte-ninh-binh.docx", "non-conforme",
            [
                "partie-francaise": "ok", "partie-etrangere": "ok", "pas-d-etat-etranger": "ok", "objet": "ok",
                "engagements-financiers": "manquant", "plafond-1-pourcent": "sans-objet", "signature": "ok", "duree": "ok",
                "transmission-prefet": "ok", "engagements-internationaux": "a-verifier",
            ]
        ),
        // Real published convention-cadre, only its opening is available: three parties
        // (a French département, a Senegalese région, a French association), no articles.
        (
            "convention-cadre-yvelines-matam-faderma.txt", "non-conforme",
            [
                "partie-francaise": "ok", "partie-etrangere": "a-verifier", "pas-d-etat-etranger": "ok", "objet": "manquant",
                "engagements-financiers": "manquant", "plafond-1-pourcent": "sans-objet", "signature": "manquant",
                "duree": "manquant", "transmission-prefet": "a-verifier", "engagements-internationaux": "a-verifier",
            ]
        ),
        // Water actions "dans le cadre de l'article L1115-1-1" without the budget's resources,
        // and a département, which that article does not name.
        (
            "convention-haute-savoie-tiznit.akn.xml", "a-verifier",
            [
                "partie-francaise": "ok", "partie-etrangere": "ok", "pas-d-etat-etranger": "ok", "objet": "ok",
                "engagements-financiers": "ok", "plafond-1-pourcent": "a-verifier", "signature": "ok", "duree": "ok",
                "transmission-prefet": "ok", "engagements-internationaux": "ok",
            ]
        ),
        // PDF (three pages): water actions on the "budget annexe du service de l'eau" within
        // 1 % but without the budget's figure; the "Vu" recital that quotes L1115-1 does not
        // settle France's international commitments.
        (
            "convention-selestat-saa.pdf", "a-verifier",
            [
                "partie-francaise": "ok", "partie-etrangere": "ok", "pas-d-etat-etranger": "ok", "objet": "ok",
                "engagements-financiers": "ok", "plafond-1-pourcent": "a-verifier", "signature": "ok", "duree": "ok",
                "transmission-prefet": "ok", "engagements-internationaux": "a-verifier",
            ]
        ),
        // Funded on the waste budget "dans la limite de 1 %" without the budget's figure.
        (
            "convention-saint-brieuc-mbour.odt", "a-verifier",
            [
                "partie-francaise": "ok", "partie-etrangere": "ok", "pas-d-etat-etranger": "ok", "objet": "ok",
                "engagements-financiers": "ok", "plafond-1-pourcent": "a-verifier", "signature": "ok", "duree": "ok",
                "transmission-prefet": "ok", "engagements-internationaux": "a-verifier",
            ]
        ),
    ]

    @Test("verdict and rule statuses", arguments: cases.map(\.file))
    func convention(_ file: String) throws {
        let expected = Self.cases.first { $0.file == file }!
        let documents = try DocumentExtractor().extract(path: Fixtures.path("Corpus/conventions/" + file))
        #expect(documents.count == 1)
        let report = ConventionChecker(recognizer: nil).check(documents[0])
        #expect(report.verdict.rawValue == expected.verdict, "\(file): \(report.renderText())")
        #expect(Fixtures.statuses(report) == expected.statuses, "\(file): \(report.renderText())")
        // Every rule that is not sans-objet either quotes the text or says what is missing.
        for r in report.results where r.outcome.status != .notApplicable {
            #expect(!r.outcome.explanation.isEmpty)
        }
    }

    @Test("a brochure about cooperation is neither a convention nor an emergency-aid decision")
    func brochure() throws {
        let report = try Fixtures.check("Corpus/publications/brochure-30-ans-cooperation-decentralisee.txt")
        #expect(report.nature == .unknown)
        #expect(report.verdict != .compliant)
        #expect(report.renderText().contains("Nature : non reconnue"))
    }

    @Test("parties are read with their roles")
    func parties() throws {
        let doc = try DocumentExtractor().extract(path: Fixtures.path("Corpus/conventions/convention-saint-brieuc-mbour.odt"))[0]
        let report = ConventionChecker(recognizer: nil).check(doc)
        #expect(report.parties.map(\.role) == [.frenchAuthority, .foreignAuthority])
        #expect(report.parties[0].name.text.hasPrefix("la Commune de Saint-Brieuc"))
        #expect(report.parties[1].name.text.hasPrefix("la Commune de Mbour"))
        let faderma = try DocumentExtractor().extract(path: Fixtures.path("Corpus/conventions/convention-cadre-yvelines-matam-faderma.txt"))[0]
        let three = ConventionChecker(recognizer: nil).check(faderma).parties
        #expect(three.map(\.role) == [.frenchAuthority, .foreignAuthority, .other])
        #expect(three[2].kind == .association)
    }

    @Test("evidence carries the article label and code-point offsets into the text")
    func evidenceLocation() throws {
        let doc = try DocumentExtractor().extract(path: Fixtures.path("Corpus/conventions/convention-haute-savoie-tiznit.akn.xml"))[0]
        let report = ConventionChecker(recognizer: nil).check(doc)
        let object = try #require(report.result("objet")?.outcome.evidence.first)
        #expect(object.article == "Article 1")
        // The JSON offsets are code points: slicing the text by them gives the quote back.
        guard case .object(let members) = report.jsonObject(),
            case .array(let rules)? = members.first(where: { $0.0 == "rules" })?.1
        else { Issue.record("no rules in JSON"); return }
        let scalars = Array(doc.text.unicodeScalars)
        var checked = 0
        for case .object(let rule) in rules {
            guard case .array(let evidence)? = rule.first(where: { $0.0 == "evidence" })?.1 else { continue }
            for case .object(let e) in evidence {
                guard case .int(let start)? = e.first(where: { $0.0 == "start" })?.1,
                    case .int(let end)? = e.first(where: { $0.0 == "end" })?.1,
                    case .string(let text)? = e.first(where: { $0.0 == "text" })?.1
                else { continue }
                var s = String.UnicodeScalarView()
                s.append(contentsOf: scalars[start..<end])
                #expect(String(s) == text)
                checked += 1
            }
        }
        #expect(checked > 10)
    }
}
