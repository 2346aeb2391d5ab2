@testable import Compliance
import Extraction
import Testing

/// The reader's parts on short texts: amounts, dates, durations, parties, clauses.
@Suite("Convention reader")
struct ConventionReaderTests {
    static func text(_ s: String) -> ConventionText {
        ConventionText(Document(id: "t", source: "t", format: .text, text: s))
    }

    static func amounts(_ s: String) -> [(Double, String)] {
        AmountReader().scan(text(s)).map { ($0.value, $0.currency) }
    }

    @Test("amounts in the forms conventions write them")
    func amounts() {
        #expect(Self.amounts("une subvention de 7,5 millions d’euros").map(\.0) == [7_500_000])
        #expect(Self.amounts("soit 1,2 M€ sur trois ans").map(\.0) == [1_200_000])
        #expect(Self.amounts("une contribution de 150 000 € par an").map(\.0) == [150_000])
        #expect(Self.amounts("une contribution de 150\u{202F}000\u{00A0}euros").map(\.0) == [150_000])
        #expect(Self.amounts("à hauteur de 25 000 000 FCFA").map { $0.1 } == ["XOF"])
        #expect(Self.amounts("1.500.000 euros et 2 400 000 dirhams").map(\.0) == [1_500_000, 2_400_000])
        #expect(Self.amounts("2 400 000 dirhams").map(\.1) == ["MAD"])
        #expect(Self.amounts("12 500,50 euros").map(\.0) == [12_500.5])
        // In words, once when the figures repeat them.
        #expect(Self.amounts("une enveloppe de dix mille euros par an").map(\.0) == [10_000])
        #expect(Self.amounts("trois cent soixante mille euros").map(\.0) == [360_000])
        #expect(Self.amounts("quatre-vingt-quinze mille euros et vingt et un euros").map(\.0) == [95_000, 21])
        #expect(Self.amounts("deux millions quatre cent mille dirhams").map { $0.1 } == ["MAD"])
        #expect(Self.amounts("deux millions d’euros").map(\.0) == [2_000_000])
        #expect(Self.amounts("trente mille (30 000) euros").map(\.0) == [30_000])
        #expect(Self.amounts("360 000 euros (trois cent soixante mille euros)").map(\.0) == [360_000])
        #expect(Self.amounts("trois ans, deux fois par an, cent pour cent").isEmpty)
        // Not money: articles, durations, dates, percentages.
        #expect(Self.amounts("l’article 4 prévoit 36 mois, le 12 mars 2024, dans la limite de 1 %").isEmpty)
    }

    @Test("annual or total, from the words around the figure")
    func periods() {
        let t = Self.text("La Ville verse 25 000 euros par an, soit un total de 75 000 euros sur la durée de la convention. Elle verse aussi 5 000 euros.")
        let found = AmountReader().read(t, entities: [])
        #expect(found.map(\.period) == [.annual, .total, .unspecified])
    }

    @Test("French dates")
    func dates() {
        #expect(FrenchDate.parse("1er mars 2024")?.0 == "2024-03-01")
        #expect(FrenchDate.parse("31 decembre 2026")?.0 == "2026-12-31")
        #expect(FrenchDate.parse("12/03/2024")?.0 == "2024-03-12")
        #expect(FrenchDate.parse("12.03.24")?.0 == "2024-03-12")
        #expect(FrenchDate.parse("32 mars 2024") == nil)
        #expect(FrenchDate.parse("trois ans") == nil)
    }

    @Test("durations and terms")
    func durations() {
        func read(_ s: String) -> DurationClause? { DurationReader().read(Self.text(s), entities: []) }
        #expect(read("La convention est conclue pour une durée de 36 mois.")?.months == 36)
        #expect(read("Elle est conclue pour une durée d’un an renouvelable.")?.months == 12)
        #expect(read("Conclue pour une durée de trois (3) ans.")?.months == 36)
        #expect(read("Elle s’applique jusqu’au 31 décembre 2027.")?.until == "2027-12-31")
        #expect(read("Programme d’actions pour la période 2024-2026.")?.months == 36)
        #expect(read("Elle est conclue pour une durée indéterminée.")?.indefinite == true)
        #expect(read("Conclue pour un an, elle est renouvelée par tacite reconduction.")?.tacitRenewal == true)
        #expect(read("Le comité se réunit deux fois par an.") == nil)
        #expect(read("Elle est conclue pour la durée du mandat municipal en cours.")?.passage.text == "Elle est conclue pour la durée du mandat municipal en cours.")
    }

    @Test("what a party's designation names")
    func partyKinds() {
        func kind(_ s: String) -> Party.Kind { PartyReader().classify(String(decoding: FoldedText(s).bytes, as: UTF8.self)).0 }
        #expect(kind("Le Ministère des Affaires étrangères du Mali") == .state)
        #expect(kind("Le Gouvernement de la République de Guinée") == .state)
        #expect(kind("L’Ambassade de France au Burkina Faso") == .state)
        #expect(kind("La Wilaya d’Alger") == .foreignLocalAuthority)
        #expect(kind("La Province de Tiznit") == .foreignLocalAuthority)
        #expect(kind("La Commune urbaine de Mahajanga") == .foreignLocalAuthority)
        #expect(kind("Le Comité populaire de la Province de Ninh Bình") == .foreignLocalAuthority)
        #expect(kind("L’État fédéré de São Paulo") == .foreignLocalAuthority)
        #expect(kind("Le Comité de jumelage de Belfort") == .association)
        #expect(kind("L’association Eau Vive") == .association)
        #expect(kind("La Société Sahel Énergie SARL") == .company)
        #expect(kind("La Communauté d’agglomération du Grand Besançon") == .epci)
        #expect(kind("Le Syndicat mixte des eaux du Jura") == .syndicat)
        #expect(kind("Le Conseil départemental du Finistère") == .departement)
        #expect(kind("La Région Bretagne") == .region)
        #expect(kind("La Commune de Belfort") == .commune)
        #expect(kind("Brest métropole") == .epci)
        #expect(kind("Grenoble-Alpes Métropole") == .epci)
    }

    static func reading(_ s: String) -> ConventionReading {
        ConventionReader().read(Document(id: "t", source: "t", format: .text, text: s))
    }

    static func partyNames(_ s: String) -> [String] { reading(s).parties.map(\.name.text) }

    @Test("parties in the shapes published conventions give them")
    func partyShapes() {
        // No "Entre": the clause that ends with "d'une part" opens the text.
        #expect(Self.partyNames("La commune de Aubagne, représentée par son maire,\nd’une part,\net\nLa commune de Kayes (Mali), représentée par son maire,\nd’autre part\nConsidérant les accords entre la République française et la République du Mali,\nIl est convenu ce qui suit :\n")
            == ["La commune de Aubagne", "La commune de Kayes (Mali)"])
        // "Et :" inside the line, with a capital.
        #expect(Self.partyNames("Entre : Le Département du Gers, représenté par son président, Et : La Préfecture de Kara, collectivité territoriale togolaise, représentée par son président. Préambule Les parties coopèrent depuis 2001.\n")
            == ["Le Département du Gers", "La Préfecture de Kara"])
        // One party a line after "Entre les soussignés".
        #expect(Self.partyNames("Entre les soussignés\nLA VILLE DE NIORT, représentée par son maire,\nLA VILLE DE ATAKPAMÉ (TOGO), représentée par son maire,\net\nL'ASSOCIATION NIORT TOGO, représentée par sa présidente.\nPREAMBULE\nLes villes coopèrent.\n")
            == ["LA VILLE DE NIORT", "LA VILLE DE ATAKPAMÉ (TOGO)", "L'ASSOCIATION NIORT TOGO"])
        // A designation right after "Ci-après dénommée « … »".
        #expect(Self.partyNames("Entre: Rennes Métropole, représentée par sa présidente, Ci-après dénommée « la Métropole » La Commune de Sokodé (Togo), représentée par son maire Ci-après dénommée « Sokodé ». Il est convenu ce qui suit : rien.\n")
            == ["Rennes Métropole", "La Commune de Sokodé (Togo)"])
        // An "entre" of the body or of a recital is not the title's.
        #expect(Self.partyNames("Charte\n\nPréambule\n\nLes habitants souhaitent développer les liens entre la commune de Pau et la ville de Göttingen.\n").isEmpty)
        // A jumelage oath names the communes through their mayors.
        let oath = Self.reading("Serment de jumelage\n\nNous, Maires de Lisieux (France) et de Taormina (Italie),\nlibrement désignés par le suffrage de nos concitoyens,\n")
        #expect(oath.parties.map(\.name.text) == ["Lisieux (France)", "Taormina (Italie)"])
        #expect(oath.parties.map(\.role) == [.frenchAuthority, .foreignAuthority])
    }

    @Test("a term recalled from a former agreement or a recital is not the convention's")
    func recalledTerms() {
        func read(_ s: String) -> DurationClause? { DurationReader().read(Self.text(s), entities: []) }
        #expect(read("Les parties ont signé le 3 mai 2007 un accord pour une durée de 5 ans. La présente convention est conclue pour une durée de trois ans.")?.months == 36)
        #expect(read("Les villes ont signé leur première convention triennale en 2010. Une nouvelle convention triennale est convenue.")?.passage.text == "Une nouvelle convention triennale est convenue.")
        #expect(read("Vu le programme d’actions pour la période 2010-2013,\nIl est convenu ce qui suit.") == nil)
    }

    @Test("signature columns folded to one line by the extractor")
    func signatureColumns() {
        let r = Self.reading("Nous, Maire de Hodoşa (Roumanie)\net de Venerque (France)\n\nFait à Venerque, le 24 août 2002\n\nLe Maire de HODOSA Le Maire de VENERQUE\n\nORBÁN Sándor Hélene BRETON\n")
        #expect(r.signature.signatories.map(\.passage.text) == ["Le Maire de HODOSA", "Le Maire de VENERQUE"])
        #expect(r.signature.signatories.map(\.partyIndex) == [0, 1])
    }

    @Test("letters of central European names fold to their base letters")
    func folding() {
        #expect(FoldedText("Hodoşa, Timișoara, Łódź, Žilina").string(0..<FoldedText("Hodoşa, Timișoara, Łódź, Žilina").count) == "hodosa, timisoara, lodz, zilina")
    }

    @Test("article headings in their usual forms")
    func headings() {
        func heading(_ s: String) -> (String, String)? {
            let b = Array(s.utf8)
            return ConventionText.parseArticleHeading(utf8: b, 0, b.count)
        }
        #expect(heading("Article 4 – Engagements financiers")! == ("Article 4", "Engagements financiers"))
        #expect(heading("ARTICLE PREMIER : OBJET")! == ("Article 1", "OBJET"))
        #expect(heading("Article 1er - Objet")! == ("Article 1", "Objet"))
        #expect(heading("Art. 2. Durée")! == ("Article 2", "Durée"))
        #expect(heading("Article III – Durée")! == ("Article III", "Durée"))
        #expect(heading("Article 3 de la loi du 6 février 1992 prévoit que les collectivités territoriales peuvent conclure des conventions") == nil)
    }

    @Test("a bare text without blocks is read from its own headings")
    func bareText() throws {
        let text = try String(contentsOfFile: Fixtures.path("Tests/Fixtures/conventions/conforme.txt"), encoding: .utf8)
        let report = Fixtures.check(text: text)
        #expect(report.verdict == .compliant)
        #expect(report.result("objet")?.outcome.evidence.first?.article == "Article 1")
    }
}

/// Rules on variations of the complete convention.
@Suite("Rules on variations")
struct RuleVariationTests {
    static let base: String = (try? String(contentsOfFile: Fixtures.path("Tests/Fixtures/conventions/conforme.txt"), encoding: .utf8)) ?? ""

    static func variant(_ from: String, _ to: String) -> ComplianceReport {
        #expect(base.contains(from), "fixture changed: \(from)")
        return Fixtures.check(text: base.replacingOccurrences(of: from, with: to))
    }

    @Test("entry into force on signature contradicts L1115-1: à vérifier, holding the verdict")
    func entryOnSignature() {
        let r = Self.variant(
            "Elle entre en vigueur dès sa transmission au représentant de l’État dans le département, conformément à l’article L. 1115-1 du code général des collectivités territoriales.",
            "Elle entre en vigueur à la date de sa signature.")
        #expect(r.status("transmission-prefet") == .toVerify)
        #expect(r.result("transmission-prefet")?.outcome.holdsVerdict == true)
        #expect(r.verdict == .toVerify)
    }

    @Test("no mention of the préfet: a reminder that does not hold the verdict")
    func noTransmission() {
        let r = Self.variant(
            " Elle entre en vigueur dès sa transmission au représentant de l’État dans le département, conformément à l’article L. 1115-1 du code général des collectivités territoriales.", "")
        #expect(r.status("transmission-prefet") == .toVerify)
        #expect(r.verdict == .compliant)
    }

    @Test("a duration without term is non-conforme")
    func indefinite() {
        let r = Self.variant("conclue pour une durée de trois ans", "conclue pour une durée indéterminée")
        #expect(r.status("duree") == .nonCompliant)
        #expect(r.verdict == .nonCompliant)
    }

    @Test("a State party in a cross-border grouping is à vérifier (L1115-5)")
    func crossBorder() {
        var r = Self.variant(
            "La commune de Ziguinchor (République du Sénégal), représentée par son maire, M. Mamadou Diallo,",
            "Le Gouvernement de la Principauté d’Andorre, représenté par son chef,")
        #expect(r.status("pas-d-etat-etranger") == .nonCompliant)
        let grouping = Self.base
            .replacingOccurrences(of: "La commune de Ziguinchor (République du Sénégal), représentée par son maire, M. Mamadou Diallo,", with: "Le Gouvernement de la Principauté d’Andorre, représenté par son chef,")
            .replacingOccurrences(of: "appuyer la création d’une bibliothèque municipale.", with: "créer un groupement européen de coopération territoriale.")
        r = Fixtures.check(text: grouping)
        #expect(r.status("pas-d-etat-etranger") == .toVerify)
    }

    @Test("an association as the French party")
    func frenchAssociation() {
        let r = Self.variant("La commune de Belfort, représentée par son maire", "L’association Belfort Solidarité (France), représentée par son président")
        #expect(r.status("partie-francaise") == .nonCompliant)
    }

    @Test("only the foreign party signs")
    func oneSignature() {
        let r = Self.variant("Pour la commune de Belfort,\nLe Maire,\nJean Martin\n", "")
        #expect(r.status("signature") == .missing)
    }
}
