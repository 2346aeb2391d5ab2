import Testing

@testable import Search

@Suite("French light stemmer")
struct StemmerTests {
    let analyzer = FrenchAnalyzer()

    /// The stem of one word, through the whole analyzer (folding included).
    func stem(_ word: String) -> String {
        let terms = analyzer.terms(word)
        #expect(terms.count == 1, "\(word) → \(terms)")
        return terms.first ?? ""
    }

    @Test("plural and feminine forms are conflated", arguments: [
        ["loi", "lois"],
        ["régional", "régionale", "régionaux", "régionales"],
        ["national", "nationaux", "nationales", "nationale"],
        ["collectivité", "collectivités", "Collectivités"],
        ["commune", "communes"],
        ["département", "départements"],
        ["coopération", "coopérations", "cooperation", "COOPÉRATION"],
        ["coopératif", "coopérative", "coopératifs", "coopératives"],
        ["international", "internationale", "internationaux"],
        ["européen", "européenne", "européens", "européennes"],
        ["nouvel", "nouvelle", "nouvelles"],
        ["nombreux", "nombreuse", "nombreuses"],
        ["directeur", "directrice", "directrices", "directeurs"],
        ["premier", "première", "premières", "premiers"],
        ["étranger", "étrangère", "étrangers", "étrangères"],
        ["signé", "signée", "signés", "signées", "signer"],
        ["public", "publique", "publics", "publiques"],
        ["français", "française", "françaises"],
        ["eau", "eaux"],
        ["État", "États", "etat", "Etats"],
        ["an", "ans"],
        ["décentralisée", "décentralisé", "décentralisées"],
        ["potable", "potables"],
        ["municipal", "municipale", "municipaux"],
        ["bon", "bonne"],
        ["actif", "active", "actives"],
    ])
    func conflated(_ forms: [String]) {
        let stems = Set(forms.map(stem))
        #expect(stems.count == 1, "\(forms) → \(stems)")
    }

    @Test("unrelated words stay apart (Snowball merges these)", arguments: [
        ("commune", "communication"),
        ("communes", "communications"),
        ("département", "départ"),
        ("départements", "départs"),
        ("coopération", "coopératives"),
        ("coopération", "coopératif"),
        ("travail", "travaux"),
        ("conseil", "conseiller"),
        ("national", "nation"),
        ("personnel", "personne"),
    ])
    func apart(_ a: String, _ b: String) {
        #expect(stem(a) != stem(b), "\(a) and \(b) must not share a stem")
    }

    @Test("stems are the expected light forms")
    func exactStems() {
        #expect(stem("lois") == "loi")
        #expect(stem("régionaux") == "regional")
        #expect(stem("collectivités") == "collectivit")
        #expect(stem("coopératives") == "cooperatif")
        #expect(stem("coopération") == "cooperation")
        #expect(stem("département") == "departement")
        #expect(stem("communication") == "communication")
        #expect(stem("commune") == "commun")
        #expect(stem("eaux") == "eau")
        #expect(stem("taux") == "taux")
        #expect(stem("été") == "ete")
    }

    @Test("stemmer works on folded ASCII only and never empties a word")
    func robustness() {
        #expect(FrenchLightStemmer.stem("s") == "s")
        #expect(FrenchLightStemmer.stem("es") == "es")
        #expect(FrenchLightStemmer.stem("ses") == "se")
        #expect(FrenchLightStemmer.stem("ees") == "ee")
        #expect(FrenchLightStemmer.stem("δήμος") == "δήμος")
        for w in ["e", "ee", "eee", "eeee", "ssss", "xxxx", "aux", "eaux", "trice", "euse", "ive", "er", "qu"] {
            #expect(!FrenchLightStemmer.stem(w).isEmpty)
        }
    }
}
