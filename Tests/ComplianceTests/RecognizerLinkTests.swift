import Compliance
import Entities
import Extraction
import Testing

/// With the entity recognizer and the reference data of `Corpus/reference/`, parties are
/// linked (INSEE codes, foreign authorities with their country) and verdicts do not change.
@Suite("Checking with the entity recognizer")
struct RecognizerLinkTests {
    static func checker() throws -> ConventionChecker {
        ConventionChecker(recognizer: try EntityRecognizer.load(referenceDirectory: Fixtures.path("Corpus/reference")))
    }

    static func check(_ relative: String, with checker: ConventionChecker) throws -> ComplianceReport {
        checker.check(try DocumentExtractor().extract(path: Fixtures.path(relative))[0])
    }

    @Test("parties linked to the gazetteer")
    func linkedParties() throws {
        let checker = try Self.checker()
        let belfort = try Self.check("Tests/Fixtures/conventions/conforme.txt", with: checker)
        #expect(belfort.parties.map(\.normalized) == ["commune:90010", "etranger:SN:Ziguinchor"])
        #expect(belfort.parties.map(\.role) == [.frenchAuthority, .foreignAuthority])
        let mbour = try Self.check("Corpus/conventions/convention-saint-brieuc-mbour.odt", with: checker)
        #expect(mbour.parties.map(\.normalized) == ["commune:22278", "etranger:SN:Mbour"])
        let faderma = try Self.check("Corpus/conventions/convention-cadre-yvelines-matam-faderma.txt", with: checker)
        #expect(faderma.parties.map(\.normalized) == ["departement:78", "etranger:SN:Matam", nil])
        #expect(faderma.parties[2].role == .other)
        let state = try Self.check("Tests/Fixtures/conventions/etat-etranger.txt", with: checker)
        #expect(state.parties[1].role == .foreignState)
        #expect(state.parties[1].country == "SN")
        // Real texts: the agglomeration is not linked to the commune of Grand (Vosges).
        let angouleme = try Self.check("Corpus/conventions/convention-angouleme-segou-2016-2018.txt", with: checker)
        #expect(angouleme.parties.map(\.normalized) == ["commune:16015", "etranger:ML:Ségou", nil, nil])
        let oath = try Self.check("Corpus/conventions/serment-jumelage-venerque-hodosa.txt", with: checker)
        #expect(oath.parties[1].normalized == "commune:31572")
    }

    @Test("same verdict with and without the recognizer", arguments: [
        "Tests/Fixtures/conventions/conforme.txt", "Tests/Fixtures/conventions/association.txt",
        "Tests/Fixtures/conventions/etat-etranger.txt", "Tests/Fixtures/conventions/plafond-depasse.txt",
        "Tests/Fixtures/conventions/plafond-respecte.txt", "Tests/Fixtures/conventions/non-signee.txt",
        "Tests/Fixtures/conventions/etat-federe-quebec.txt", "Tests/Fixtures/conventions/departement-prefecture-togo.txt",
        "Tests/Fixtures/conventions/aide-urgence.txt", "Tests/Fixtures/conventions/montant-en-lettres-mandat.txt",
        "Corpus/conventions/convention-bourgogne-franche-comte-ninh-binh.docx",
        "Corpus/conventions/convention-cadre-yvelines-matam-faderma.txt",
        "Corpus/conventions/convention-haute-savoie-tiznit.akn.xml", "Corpus/conventions/convention-saint-brieuc-mbour.odt",
        "Corpus/conventions/convention-selestat-saa.pdf",
        "Corpus/conventions/serment-jumelage-venerque-hodosa.txt", "Corpus/conventions/convention-cadre-yvelines-blitta.txt",
        "Corpus/conventions/protocole-cooperation-vienne-shenzhen.txt",
        "Corpus/conventions/protocole-accord-fontenay-sous-bois-koungheul.txt",
        "Corpus/conventions/avenant-3-brest-metropole-sapone-eau-vive.txt",
        "Corpus/conventions/convention-angouleme-segou-2016-2018.txt",
    ])
    func sameVerdict(_ file: String) throws {
        let with = try Self.check(file, with: try Self.checker())
        let without = try Self.check(file, with: ConventionChecker(recognizer: nil))
        #expect(with.verdict == without.verdict, "\(file)")
        #expect(Fixtures.statuses(with) == Fixtures.statuses(without), "\(file)")
    }
}
