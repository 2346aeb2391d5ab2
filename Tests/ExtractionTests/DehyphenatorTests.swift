import Foundation
import Testing

@testable import Extraction

@Suite("Dehyphenator")
struct DehyphenatorTests {
    let dehyphenator = Dehyphenator()

    @Test("The French lexicon is installed and loaded")
    func lexiconLoaded() {
        #expect(FrenchLexicon.shared.count > 100_000)
        #expect(FrenchLexicon.shared.contains("coopération"))
        #expect(FrenchLexicon.shared.contains("Coopération"))
        #expect(!FrenchLexicon.shared.contains("coopé"))
    }

    @Test("Broken words are joined", arguments: [
        ("la coopé-\nration décentralisée", "la coopération\ndécentralisée"),
        ("les collecti-\nvités territoriales", "les collectivités\nterritoriales"),
        ("ce numéro spé-   \ncial", "ce numéro spécial"),
        ("les auto-\nrités locales", "les autorités\nlocales"),
        ("l’inter-\nnational", "l’international"),
        ("Déve-\nloppement durable", "Développement\ndurable"),
        ("la coopé-\r\nration", "la coopération"),
    ])
    func joins(input: String, expected: String) {
        #expect(dehyphenator.repair(input) == expected)
    }

    @Test("Real compounds keep their hyphen", arguments: [
        ("la loi Oudin-\nSantini", "la loi Oudin-Santini"),
        ("la quasi-\ntotalité des villes", "la quasi-totalité\ndes villes"),
        ("la coopération franco-\nmarocaine", "la coopération franco-marocaine"),
        ("l’Asie du Sud-\nEst", "l’Asie du Sud-Est"),
        ("le savoir-\nfaire local", "le savoir-faire\nlocal"),
        ("le bien-\nêtre du plus grand nombre", "le bien-être\ndu plus grand nombre"),
        ("le Nord-Pas-de-\nCalais", "le Nord-Pas-de-Calais"),
        ("en 2011-\n2012", "en 2011-2012"),
    ])
    func keeps(input: String, expected: String) {
        #expect(dehyphenator.repair(input) == expected)
    }

    @Test("The document's own words settle proper nouns")
    func documentVocabulary() {
        let text = "la Province chinoise du Liao-\nning\n\nLe Groupe Liaoning réunit les collectivités"
        #expect(dehyphenator.repair(text).hasPrefix("la Province chinoise du Liaoning\n\nLe Groupe"))
        let compound = "les Assises franco-\nbrésiliennes\n\nles relations franco-brésiliennes"
        #expect(dehyphenator.repair(compound).hasPrefix("les Assises franco-brésiliennes\n"))
    }

    @Test("Upper-case halves are joined (acronyms)")
    func acronyms() {
        #expect(dehyphenator.repair("(PLAT-\nFORMA) coordonne") == "(PLATFORMA)\ncoordonne")
    }

    @Test("Nothing is joined across a paragraph break or after a dash")
    func boundaries() {
        #expect(dehyphenator.repair("coopé-\n\nration") == "coopé-\n\nration")
        #expect(dehyphenator.repair("Benoît Maraval -\nChargé") == "Benoît Maraval -\nChargé")
        #expect(dehyphenator.repair("Aucun trait ici.\nFin.") == "Aucun trait ici.\nFin.")
    }

    @Test("A soft hyphen at a line end is always a break")
    func softHyphen() {
        #expect(dehyphenator.repair("Oudin\u{AD}\nSantini") == "OudinSantini")
    }

    @Test("URLs broken across lines are rejoined", arguments: [
        (
            "agenda : http://www.diplomatie.gouv.fr/fr/enjeux-internationaux/cooperation-de-\ncentralisee/actualites-et-agenda/agenda-21478/\n\nhttp://www.diplomatie.gouv.fr/fr/cooperation-decentralisee/",
            "agenda : http://www.diplomatie.gouv.fr/fr/enjeux-internationaux/cooperation-decentralisee/actualites-et-agenda/agenda-21478/\n\nhttp://www.diplomatie.gouv.fr/fr/cooperation-decentralisee/"
        ),
        (
            "http://www.diplomatie.gouv.fr/fr/enjeux-internationaux/cooperation-decentralisee/colonne-droite-21470/\npublications-21460/article/guides-et-vade-mecum \n",
            "http://www.diplomatie.gouv.fr/fr/enjeux-internationaux/cooperation-decentralisee/colonne-droite-21470/publications-21460/article/guides-et-vade-mecum\n"
        ),
        ("voir http://www.cites-\nunies-france.org/ pour", "voir http://www.cites-unies-france.org/\npour"),
        ("voir http://\nwww.amf.asso.fr/ ici", "voir http://www.amf.asso.fr/\nici"),
        ("site : www.diplomatie.gouv.\nfr/cncd", "site : www.diplomatie.gouv.fr/cncd"),
    ])
    func urls(input: String, expected: String) {
        #expect(dehyphenator.repair(input) == expected)
    }

    @Test("A URL at a line end is not glued to the next sentence")
    func urlThenProse() {
        let text = "http://www.platforma-dev.eu\nLe Comité des régions"
        #expect(dehyphenator.repair(text) == text)
    }

    @Test("E-mail addresses broken across lines are rejoined")
    func emails() {
        #expect(dehyphenator.repair("écrire à benoit.maraval@\ndiplomatie.gouv.fr demain")
            == "écrire à benoit.maraval@diplomatie.gouv.fr\ndemain")
        #expect(dehyphenator.repair("écrire à benoit.maraval@diplo-\nmatie.gouv.fr\n\nvoir diplomatie.gouv.fr")
            == "écrire à benoit.maraval@diplomatie.gouv.fr\n\nvoir diplomatie.gouv.fr")
    }

    @Test("A slash at a line end joins its two halves")
    func slashes() {
        #expect(dehyphenator.repair("étrangères et/\nou leurs groupements") == "étrangères et/ou\nleurs groupements")
        #expect(dehyphenator.repair("(MAE/\nDAECT) :") == "(MAE/DAECT)\n:")
    }

    @Test("Without a lexicon the document's words still decide, and nothing crashes")
    func missingLexicon() {
        #expect(FrenchLexicon(contentsOfFile: "/nonexistent/cooplex-lexicon") == nil)
        let bare = Dehyphenator(lexicon: FrenchLexicon(words: [String]()))
        #expect(bare.repair("la coopé-\nration\n\nla coopération") == "la coopération\n\nla coopération")
        #expect(bare.repair("la loi Oudin-\nSantini") == "la loi Oudin-Santini")
        #expect(bare.repair("") == "")
        #expect(bare.repair("-\n-\n-") == "-\n-\n-")
    }

    @Test("The seed brochure text: all 47 line-end hyphens decided right")
    func seedText() throws {
        let path = PDFFixtures.path(PDFFixtures.brochureText)
        let raw = try String(contentsOfFile: path, encoding: .utf8)
        let repaired = dehyphenator.repair(TextNormalizer.normalize(raw))
        for expected in [
            "souvent", "quasi-totalité", "autorités", "partenariats", "représentatives", "cofinancements",
            "développement", "internationale", "décentralisée", "publics", "régionaux", "homogène",
            "Collectivités", "décentralisées", "coopération", "engagées", "interministérielle", "PLATFORMA",
            "sauvegardés", "Évaluations", "octroyer", "euros", "Roumanie", "association", "obtention",
            "revenus", "environnement", "expériences", "gestion", "Liaoning", "participation", "coordonnées",
            "patrimoine", "planète", "cooperation-decentralisee/actualites-et-agenda/agenda-21478/",
            "colonne-droite-21470/publications-21460/article/orientations-francaises",
            "Sud-Est", "Oudin-Santini", "savoir-faire",
        ] {
            #expect(repaired.contains(expected), "absent : \(expected)")
        }
        for broken in ["sou-\n", "coopé-\n", "Liao-\n", "quasi-\n", "PLAT-\n", "eu-\n", "cooperation-de-\n", "quasitotalité", "SudEst"] {
            #expect(!repaired.contains(broken), "non réparé : \(broken)")
        }
        // Every line-end hyphen after a letter is gone (47 in the seed).
        let lineEndHyphens = repaired.split(separator: "\n").filter { line in
            let trimmed = line.reversed().drop { $0 == " " }
            return trimmed.first == "-" && trimmed.dropFirst().first?.isLetter == true
        }
        #expect(lineEndHyphens.isEmpty, "\(lineEndHyphens)")
    }
}

@Suite("Word hashes and lexicon loading")
struct WordHashTests {
    func hash(_ word: String, lowercased: Bool) -> UInt64 {
        var w = word
        return w.withUTF8 { WordHash.hash($0, lowercased: lowercased) }
    }

    @Test("Lower-cased hashing equals hashing the lower-case word (A–Z, À–Þ, Œ, Ÿ)", arguments: [
        ("COOPÉRATION", "coopération"), ("Œuvre", "œuvre"), ("ŸVELINES", "ÿvelines"), ("ÀÉÎÕÜ", "àéîõü"),
        ("Sud-Est", "sud-est"), ("×", "×"), ("déjà", "déjà"), ("a", "a"), ("", ""),
        ("internationalisation", "internationalisation"), ("DÉCENTRALISÉES", "décentralisées"),
    ])
    func lowercasing(upper: String, lower: String) {
        #expect(hash(upper, lowercased: true) == hash(lower, lowercased: false))
        #expect(hash(lower, lowercased: true) == hash(lower, lowercased: false))
    }

    @Test("Words differing by one byte, by length or by case hash apart")
    func distinct() {
        let words = ["coopé", "coopér", "coopération", "coopérations", "Coopération", "a", "b", "ab", "ba",
                     "abcdefgh", "abcdefgi", "abcdefghi", "é", "e", "", "décentralisée", "décentralisées"]
        #expect(Set(words.map { hash($0, lowercased: false) }).count == words.count)
        #expect(words.allSatisfy { hash($0, lowercased: false) != 0 })
    }

    @Test("A word list file: comments, CRLF, trailing blanks, blank lines, no final newline")
    func lexiconFile() throws {
        let lexicon = try #require(FrenchLexicon(contentsOfFile: PDFFixtures.path("Tests/Fixtures/text/lexique.txt")))
        #expect(lexicon.count == 5)
        for word in ["coopération", "Coopération", "Œuvre", "état-major", "ÉTÉ", "sans-fin"] {
            #expect(lexicon.contains(word), "\(word)")
        }
        #expect(!lexicon.contains("œuvre"))  // listed capitalised only
        #expect(!lexicon.contains("été"))
        #expect(!lexicon.contains("# liste de test"))
        #expect(!lexicon.contains("sans"))
    }

    @Test("The hash set grows and keeps every hash")
    func hashSet() {
        var set = WordHashSet(capacity: 2)
        var fresh = 0
        for k in 1...10_000 where set.insert(UInt64(k) &* 0x9E37_79B9_7F4A_7C15) { fresh += 1 }
        #expect(fresh == 10_000)
        #expect(set.count == 10_000)
        let again = set.insert(UInt64(5) &* 0x9E37_79B9_7F4A_7C15)
        #expect(!again)
        #expect((1...10_000).allSatisfy { set.contains(UInt64($0) &* 0x9E37_79B9_7F4A_7C15) })
        #expect(!set.contains(12345))
    }
}
