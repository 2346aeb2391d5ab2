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
        // Real, complete: a jumelage oath signed by two mayors. It names the communes through
        // their mayors, states the undertaking and is dated and signed, but sets no financial
        // commitment and no term.
        (
            "serment-jumelage-venerque-hodosa.txt", "non-conforme",
            [
                "partie-francaise": "ok", "partie-etrangere": "ok", "pas-d-etat-etranger": "ok", "objet": "ok",
                "engagements-financiers": "manquant", "plafond-1-pourcent": "sans-objet", "signature": "ok", "duree": "manquant",
                "transmission-prefet": "a-verifier", "engagements-internationaux": "a-verifier",
            ]
        ),
        // Real opening (pages 1-2): the term is the title's "Période 2012-2015", not the five
        // years of the 2007 agreement its preamble recalls; the rest of the text is missing.
        (
            "convention-cadre-yvelines-blitta.txt", "non-conforme",
            [
                "partie-francaise": "ok", "partie-etrangere": "ok", "pas-d-etat-etranger": "ok", "objet": "manquant",
                "engagements-financiers": "manquant", "plafond-1-pourcent": "sans-objet", "signature": "manquant", "duree": "ok",
                "transmission-prefet": "a-verifier", "engagements-internationaux": "a-verifier",
            ]
        ),
        // Real opening: parties and recitals only; the plan of 2010-2013 in a "Vu" recital
        // is not this protocol's term.
        (
            "protocole-cooperation-vienne-shenzhen.txt", "non-conforme",
            [
                "partie-francaise": "ok", "partie-etrangere": "ok", "pas-d-etat-etranger": "ok", "objet": "manquant",
                "engagements-financiers": "manquant", "plafond-1-pourcent": "sans-objet", "signature": "manquant", "duree": "manquant",
                "transmission-prefet": "a-verifier", "engagements-internationaux": "a-verifier",
            ]
        ),
        // Real opening without "Entre": the two communes, not the two States a "Considérant"
        // names.
        (
            "protocole-accord-fontenay-sous-bois-koungheul.txt", "non-conforme",
            [
                "partie-francaise": "ok", "partie-etrangere": "ok", "pas-d-etat-etranger": "ok", "objet": "manquant",
                "engagements-financiers": "manquant", "plafond-1-pourcent": "sans-objet", "signature": "manquant", "duree": "manquant",
                "transmission-prefet": "a-verifier", "engagements-internationaux": "a-verifier",
            ]
        ),
        // Real opening, three parties on one flattened line; water actions under the loi
        // 2005-95 (Oudin-Santini) without figures; a French association co-signs.
        (
            "avenant-3-brest-metropole-sapone-eau-vive.txt", "non-conforme",
            [
                "partie-francaise": "ok", "partie-etrangere": "a-verifier", "pas-d-etat-etranger": "ok", "objet": "manquant",
                "engagements-financiers": "manquant", "plafond-1-pourcent": "a-verifier", "signature": "manquant", "duree": "manquant",
                "transmission-prefet": "a-verifier", "engagements-internationaux": "a-verifier",
            ]
        ),
        // Real opening, four parties one per line; the "nouvelle convention triennale" is
        // this one, the 2010 one its preamble recalls is not.
        (
            "convention-angouleme-segou-2016-2018.txt", "non-conforme",
            [
                "partie-francaise": "ok", "partie-etrangere": "a-verifier", "pas-d-etat-etranger": "ok", "objet": "ok",
                "engagements-financiers": "manquant", "plafond-1-pourcent": "sans-objet", "signature": "manquant", "duree": "ok",
                "transmission-prefet": "a-verifier", "engagements-internationaux": "a-verifier",
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

    static func report(_ file: String) throws -> ComplianceReport {
        try Fixtures.check("Corpus/conventions/" + file)
    }

    /// What the reader found, without the rules.
    static func reading(_ file: String) throws -> ConventionReading {
        let document = try DocumentExtractor().extract(path: Fixtures.path("Corpus/conventions/" + file))[0]
        return ConventionChecker(recognizer: nil).read(document)
    }

    @Test("real texts: the parties as a lawyer reads them")
    func realParties() throws {
        let oath = try Self.report("serment-jumelage-venerque-hodosa.txt")
        #expect(oath.parties.map(\.name.text) == ["Hodoşa (Roumanie)", "Venerque (France)"])
        #expect(oath.parties.map(\.role) == [.foreignAuthority, .frenchAuthority])
        #expect(oath.parties[1].kind == .commune)

        let fontenay = try Self.report("protocole-accord-fontenay-sous-bois-koungheul.txt")
        #expect(fontenay.parties.map(\.name.text) == ["La commune de Fontenay-sous-Bois", "La commune de Koungheul"])
        #expect(!fontenay.parties.contains { $0.role == .foreignState })

        let brest = try Self.report("avenant-3-brest-metropole-sapone-eau-vive.txt")
        #expect(brest.parties.map(\.name.text) == ["Brest métropole", "La Commune de Saponé au Burkina Faso", "Eau Vive"])
        #expect(brest.parties.map(\.role) == [.frenchAuthority, .foreignAuthority, .other])
        #expect(brest.parties.map(\.kind) == [.epci, .foreignLocalAuthority, .association])

        let angouleme = try Self.report("convention-angouleme-segou-2016-2018.txt")
        #expect(angouleme.parties.map(\.role) == [.frenchAuthority, .foreignAuthority, .frenchAuthority, .other])
        #expect(angouleme.parties.map(\.kind) == [.commune, .foreignLocalAuthority, .epci, .association])
        #expect(angouleme.parties[1].name.text == "LA VILLE DE SEGOU")

        let blitta = try Self.report("convention-cadre-yvelines-blitta.txt")
        #expect(blitta.parties.map(\.name.text) == ["Le Département des Yvelines", "La Préfecture de Blitta"])
        #expect(blitta.parties.map(\.role) == [.frenchAuthority, .foreignAuthority])
    }

    @Test("real texts: the term is the convention's own, not a former agreement's")
    func realTerms() throws {
        let blitta = try Self.reading("convention-cadre-yvelines-blitta.txt")
        #expect(blitta.duration?.months == 48)
        #expect(blitta.duration?.passage.text == "Période 2012-2015")
        let angouleme = try Self.reading("convention-angouleme-segou-2016-2018.txt")
        #expect(angouleme.duration?.months == 36)
        #expect(angouleme.duration?.passage.text.contains("une nouvelle convention triennale") == true)
        #expect(try Self.reading("avenant-3-brest-metropole-sapone-eau-vive.txt").duration == nil)
        #expect(try Self.reading("protocole-cooperation-vienne-shenzhen.txt").duration == nil)
    }

    @Test("real texts: signatures, undertaking, deliberation, capped water budget")
    func realClauses() throws {
        let oath = try Self.reading("serment-jumelage-venerque-hodosa.txt")
        #expect(oath.signature.date == "2002-08-24")
        #expect(oath.signature.place == "Venerque")
        #expect(oath.signature.signatories.map(\.passage.text) == ["Le Maire de HODOSA", "Le Maire de VENERQUE"])
        #expect(oath.signature.signatories.map(\.partyIndex) == [0, 1])
        #expect(oath.object?.text.contains("De maintenir des liens permanents") == true)

        let vienne = try Self.reading("protocole-cooperation-vienne-shenzhen.txt")
        #expect(vienne.deliberations.first?.text.hasPrefix("Vu la délibération de la Commission Permanente du 23 mai 2014 autorisant la signature") == true)

        let brest = try Self.reading("avenant-3-brest-metropole-sapone-eau-vive.txt")
        #expect(brest.cappedFunding.map(\.domain) == [.water])
        #expect(brest.cappedFunding.first?.passage.text.contains("loi 2005-95") == true)
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
