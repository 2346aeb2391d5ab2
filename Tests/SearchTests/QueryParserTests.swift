import Testing

@testable import Search

@Suite("Query parser")
struct QueryParserTests {
    func parse(_ q: String) throws -> Query { try QueryParser.parse(q) }

    /// The error a query gives (or nil when it parses).
    func failure(_ q: String) -> QuerySyntaxError? {
        do {
            _ = try QueryParser.parse(q)
            return nil
        } catch {
            return error
        }
    }

    @Test("words are ANDed implicitly")
    func words() throws {
        #expect(try parse("coopération décentralisée Maroc") == .and([.word("coopération"), .word("décentralisée"), .word("Maroc")]))
        #expect(try parse("  Maroc  ") == .word("Maroc"))
        #expect(try parse("loi AND Oudin") == .and([.word("loi"), .word("Oudin")]))
        #expect(try parse("loi ET Oudin") == .and([.word("loi"), .word("Oudin")]))
    }

    @Test("queries typed as people type them are words, not syntax", arguments: [
        ("d'eau", Query.word("d'eau")),
        ("l'État", .word("l'État")),
        ("l’État", .word("l’État")),
        ("Oudin-Santini", .word("Oudin-Santini")),
        ("L. 1115-1", .word("L. 1115-1")),
        ("L.1115-1", .word("L.1115-1")),
        ("1 %", .word("1 %")),
        ("n° 2005-95", .word("n° 2005-95")),
        ("\"loi Oudin\"", .phrase("loi Oudin")),
        ("http://example.fr/a", .word("http://example.fr/a")),
        ("art:1", .word("art:1")),
        ("c'est-à-dire", .word("c'est-à-dire")),
        ("Sud-Est", .word("Sud-Est")),
    ])
    func typedQueries(_ q: String, _ expected: Query) throws {
        #expect(try parse(q) == expected)
    }

    @Test("legal and percentage sequences stay one word inside longer queries")
    func mergedSequences() throws {
        #expect(try parse("article L. 1115-1 du CGCT") == .and([.word("article"), .word("L. 1115-1"), .word("du"), .word("CGCT")]))
        #expect(try parse("plafond 1 % eau") == .and([.word("plafond"), .word("1 %"), .word("eau")]))
        #expect(try parse("loi n° 2005-95") == .and([.word("loi"), .word("n° 2005-95")]))
        // A letter before a plain number stays two words.
        #expect(try parse("L 12") == .and([.word("L"), .word("12")]))
        // The merged word analyzes to the same term as the document's "L. 1115-1".
        let analyzer = FrenchAnalyzer()
        if case .word(let w) = try parse("L. 1115-1") { #expect(analyzer.terms(w) == ["l1115-1"]) }
    }

    @Test("phrases with straight and French quotes")
    func phrases() throws {
        #expect(try parse("\"eau potable\" Maroc") == .and([.phrase("eau potable"), .word("Maroc")]))
        #expect(try parse("« coopération décentralisée »") == .phrase("coopération décentralisée"))
        #expect(try parse("“conseil municipal”") == .phrase("conseil municipal"))
        #expect(try parse("-\"eau potable\"") == .not(.phrase("eau potable")))
    }

    @Test("OR binds tighter than the implicit AND")
    func or() throws {
        #expect(try parse("coopération OR jumelage") == .or([.word("coopération"), .word("jumelage")]))
        #expect(try parse("coopération Maroc OR Tunisie") == .and([.word("coopération"), .or([.word("Maroc"), .word("Tunisie")])]))
        #expect(try parse("a OR b OR c") == .or([.word("a"), .word("b"), .word("c")]))
        #expect(try parse("Maroc OU Tunisie") == .or([.word("Maroc"), .word("Tunisie")]))
        // Lower-case "or"/"ou" are words.
        #expect(try parse("eau ou assainissement") == .and([.word("eau"), .word("ou"), .word("assainissement")]))
    }

    @Test("NOT and a leading minus exclude; an inner hyphen never does")
    func not() throws {
        #expect(try parse("coopération -Maroc") == .and([.word("coopération"), .not(.word("Maroc"))]))
        #expect(try parse("coopération NOT Maroc") == .and([.word("coopération"), .not(.word("Maroc"))]))
        #expect(try parse("NOT (Maroc OR Tunisie)") == .not(.or([.word("Maroc"), .word("Tunisie")])))
        #expect(try parse("-(Maroc OR Tunisie) eau") == .and([.not(.or([.word("Maroc"), .word("Tunisie")])), .word("eau")]))
        #expect(try parse("Oudin-Santini -Thiollière") == .and([.word("Oudin-Santini"), .not(.word("Thiollière"))]))
        #expect(try parse("Nord - Sud") == .and([.word("Nord"), .word("Sud")]))
        #expect(try parse("Nord – Sud") == .and([.word("Nord"), .word("Sud")]))
        #expect(try parse("-pays:MA") == .not(.field(name: "pays", value: "MA")))
    }

    @Test("parentheses group")
    func groups() throws {
        #expect(try parse("(eau OR assainissement) Maroc") == .and([.or([.word("eau"), .word("assainissement")]), .word("Maroc")]))
        #expect(try parse("((eau))") == .word("eau"))
        #expect(try parse("eau (Maroc Tunisie)") == .and([.word("eau"), .word("Maroc"), .word("Tunisie")]))
    }

    @Test("prefixes")
    func prefixes() throws {
        #expect(try parse("coop*") == .prefix("coop"))
        #expect(try parse("décentralis* -intercommun*") == .and([.prefix("décentralis"), .not(.prefix("intercommun"))]))
        #expect(try parse("coop* *") == .prefix("coop"))
    }

    @Test("fields")
    func fields() throws {
        #expect(try parse("pays:MA") == .field(name: "pays", value: "MA"))
        #expect(try parse("pays:Maroc eau") == .and([.field(name: "pays", value: "Maroc"), .word("eau")]))
        #expect(try parse("loi:2005-95") == .field(name: "loi", value: "2005-95"))
        #expect(try parse("loi:\"Oudin-Santini\"") == .field(name: "loi", value: "Oudin-Santini"))
        #expect(try parse("loi:\"loi Oudin-Santini\"") == .field(name: "loi", value: "loi Oudin-Santini"))
        #expect(try parse("collectivite:Belfort") == .field(name: "collectivite", value: "Belfort"))
        #expect(try parse("collectivite:commune:90010") == .field(name: "collectivite", value: "commune:90010"))
        #expect(try parse("collectivité:Belfort") == .field(name: "collectivite", value: "Belfort"))
        #expect(try parse("Titre:coopération") == .field(name: "titre", value: "coopération"))
        #expect(try parse("titre:\"eau potable\"") == .field(name: "titre", value: "eau potable"))
        #expect(try parse("format:pdf") == .field(name: "format", value: "pdf"))
        #expect(try parse("pays: Maroc") == .field(name: "pays", value: "Maroc"))
        #expect(try parse("(pays:MA OR pays:TN) eau") == .and([.or([.field(name: "pays", value: "MA"), .field(name: "pays", value: "TN")]), .word("eau")]))
    }

    @Test("dates and date ranges")
    func dates() throws {
        #expect(try parse("date:2005") == .field(name: "date", value: "2005"))
        #expect(try parse("date:2005-03-12") == .field(name: "date", value: "2005-03-12"))
        #expect(try parse("date:2005..2007") == .dateRange(field: "date", from: 2005, to: 2007))
        #expect(try parse("date:2007..2005") == .dateRange(field: "date", from: 2005, to: 2007))
        #expect(try parse("date:2005-2007") == .dateRange(field: "date", from: 2005, to: 2007))
        #expect(try parse("date:2005..") == .dateRange(field: "date", from: 2005, to: 9999))
        #expect(try parse("date:..2007") == .dateRange(field: "date", from: 0, to: 2007))
        #expect(try parse("année:2013") == .field(name: "date", value: "2013"))
    }

    @Test("syntax errors carry a French message and the 1-based column", arguments: [
        ("(eau OR assainissement", 1, "parenthèse ouvrante sans parenthèse fermante"),
        ("eau) Maroc", 4, "parenthèse fermante sans parenthèse ouvrante"),
        ("loi \"Oudin", 5, "guillemet ouvrant sans guillemet fermant"),
        ("« loi Oudin", 1, "guillemet ouvrant sans guillemet fermant"),
        ("eau OR", 5, "« OR » doit être suivi d’un terme"),
        ("eau OR )", 5, "« OR » doit être suivi d’un terme"),
        ("OR eau", 1, "« OR » doit être précédé d’un terme"),
        ("(OR eau)", 2, "« OR » doit être précédé d’un terme"),
        ("eau NOT", 5, "« NOT » doit être suivi d’un terme"),
        ("AND eau", 1, "« AND » doit être précédé d’un terme"),
        ("eau ()", 5, "parenthèses vides"),
        ("pays:", 6, "valeur manquante après « pays: »"),
        ("pays: OR x", 6, "valeur manquante après « pays: »"),
        ("date:hier", 6, "date invalide « hier » : écrivez une année (2005), une date (2005-03-12) ou un intervalle (2005..2007)"),
        ("date:2005-13", 6, "date invalide « 2005-13 » : écrivez une année (2005), une date (2005-03-12) ou un intervalle (2005..2007)"),
        ("titre:(eau)", 7, "les parenthèses ne sont pas acceptées après « titre: » ; écrivez titre:\"…\""),
        ("", 1, "requête vide"),
        ("   ", 1, "requête vide"),
        ("été coopération (", 17, "parenthèse ouvrante sans parenthèse fermante"),
        // Columns count characters: a decomposed "é" (e + U+0301) and a CR LF are one each.
        ("e\u{301}te\u{301} coopération (", 17, "parenthèse ouvrante sans parenthèse fermante"),
        ("eau\r\nOR", 5, "« OR » doit être suivi d’un terme"),
        ("eau\tOR\u{A0}", 5, "« OR » doit être suivi d’un terme"),
    ])
    func errors(_ q: String, _ column: Int, _ message: String) {
        let error = failure(q)
        #expect(error?.position == column)
        #expect(error?.message == message)
        #expect(error?.query == q)
    }

    @Test("the error text points a caret at the column")
    func errorDescription() {
        let error = failure("eau OR")!
        #expect(error.description == "requête invalide (colonne 5) : « OR » doit être suivi d’un terme\n  eau OR\n      ^")
    }

    @Test("no query typed with ordinary punctuation crashes the parser", arguments: [
        "Maroc, Tunisie ?", "l'eau — potable !", "coopération : Maroc", "C++ et C#", "50 000 €", "a:b:c", "\u{00A0}",
        "-", "--", "+", "*", "« »", "\"\"", "..", "date:", "NOT", "OR",
    ])
    func noCrash(_ q: String) {
        _ = failure(q)
    }
}
