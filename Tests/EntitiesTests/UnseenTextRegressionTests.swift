import Entities
import Extraction
import Foundation
import Testing

/// Errors found by the audit of real legal text not used while writing the rules
/// (BENCHMARKS.md, "Entities"), on short excerpts kept in
/// `Tests/Fixtures/entities/code-excerpts.jsonl`, read as `cooplex entities` reads them
/// (JSON Lines: the title is part of the document).
@Suite("Texte juridique non vu : régressions de l’audit")
struct UnseenTextRegressionTests {
    typealias S = EntityTestSupport

    static let documents: [String: Document] = {
        let path = GoldStandardTests.root.appendingPathComponent("Tests/Fixtures/entities/code-excerpts.jsonl").path
        let docs = (try? DocumentExtractor().extract(path: path)) ?? []
        return Dictionary(docs.map { ($0.item ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    }()

    static func found(_ item: String, _ type: EntityType) throws -> [String] {
        let doc = try #require(documents[item], "extrait \(item) absent")
        return try S.recognizer().recognize(doc, types: [type]).map(\.normalized)
    }

    @Test("the fixture holds every excerpt")
    func fixture() {
        #expect(Self.documents.count == 13)
    }

    @Test("bare article numbers in another code's article are that code's, not the CGCT's")
    func otherCode() throws {
        #expect(try Self.found("code-du-travail/article-l1233-58", .loi).isEmpty)
        // Without a title naming a code, a four-digit L article is still presumed the CGCT's.
        let doc = try #require(Self.documents["code-du-travail/article-l1233-58"])
        let presumed = try S.recognizer().recognize(text: doc.text, types: [.loi])
        #expect(presumed.first?.normalized == "cgct:L1233-24-1")
        #expect(presumed.first?.attributes["code"] == "presume")
    }

    @Test("in a CGCT article, bare R. articles are the CGCT's")
    func cgctTitle() throws {
        #expect(try Self.found("code-general-des-collectivites-territoriales/article-r1115-8", .loi) == ["cgct:R1115-9"])
    }

    @Test("communauté urbaine de Lyon, métropole de Lyon: not the commune of Lyon")
    func intercommunalBodies() throws {
        #expect(try Self.found("code-general-des-collectivites-territoriales/article-l3651-2", .collectivite) == ["departement:69"])
        #expect(try S.normalized("La communauté d’agglomération de Lorient et la ville de Lorient.", .collectivite)
            == ["commune:56121"])
    }

    @Test("courts named after their seat, and lists of them, are not collectivités; the seat alone is")
    func courts() throws {
        #expect(try Self.found("code-de-l-organisation-judiciaire/article-annexe-tableau-xiii", .collectivite) == ["commune:68334"])
        #expect(try Self.found("code-du-patrimoine/article-r121-4", .collectivite).isEmpty)
        #expect(try Self.found("code-de-l-education/article-d521-7", .collectivite).isEmpty)
        #expect(try Self.found("code-de-l-education/article-d521-7", .pays) == ["PM", "BL"])
        // A country named after an institution is still the country.
        #expect(try S.normalized("la Cour suprême du Canada", .pays) == ["CA"])
        // The collectivité's own assembly is not an institution named after it.
        #expect(try S.normalized("la résidence personnelle du président de l’assemblée de Guyane", .collectivite)
            == ["region:03"])
        // The context word nearest the name wins.
        #expect(try S.normalized("le tribunal a condamné la ville de Lyon", .collectivite) == ["commune:69123"])
    }

    @Test("ports and treaties named after a city are not collectivités")
    func portsAndTreaties() throws {
        #expect(try Self.found("code-des-transports/article-l4322-3", .collectivite).isEmpty)
        #expect(try Self.found("code-de-l-entree-et-du-sejour-des-etrangers/article-r733-16", .collectivite).isEmpty)
        #expect(try Self.found("code-de-l-entree-et-du-sejour-des-etrangers/article-r733-16", .date) == ["1951-07-28"])
    }

    @Test("a name inside a hyphenated compound is not that name; two names joined by a hyphen are")
    func compounds() throws {
        // Bouches-du-Rhône, Corse-du-Sud, Haute-Corse (not bare: no context word here) give
        // neither Rhône nor Corse; Doubs, Indre, Mayenne are the départements, not the
        // communes of the same name; Eure-et-Loir stands on its own.
        #expect(try Self.found("code-electoral/article-annexe-tableau-no-6", .collectivite) == ["departement:28"])
        #expect(try S.normalized("le rallye Paris-Dakar", .collectivite) == ["commune:75056", "etranger:SN:Dakar"])
        #expect(try S.normalized("à Paris-la-Défense", .collectivite).isEmpty)
        #expect(try S.normalized("en Irlande-du-Nord", .pays).isEmpty)
        // A pronoun, and a context word of the previous sentence.
        #expect(try S.normalized("Ils sont attribués à la commune. Celle-ci est redevable.", .collectivite).isEmpty)
    }

    @Test("an article capitalized at the start of a sentence does not make a name")
    func sentenceArticle() throws {
        #expect(try Self.found("code-de-commerce/article-r821-66", .collectivite).isEmpty)
        #expect(try S.normalized("La Réunion et la Guadeloupe.", .collectivite) == ["region:04", "region:01"])
    }

    @Test("a foreign spelling that is an ordinary French word needs a context word or its country")
    func foreignHomographs() throws {
        // "Seul le conseil…": GeoNames spells Séoul "Sêûl"; "Monte naturelle": Monthey "Montê".
        #expect(try Self.found("code-de-l-education/article-r511-13-1", .collectivite).isEmpty)
        #expect(try Self.found("code-rural-et-de-la-peche-maritime/article-r653-75", .collectivite).isEmpty)
        // The entry itself still stands alone under its other names, and the word form with
        // evidence: a context word, its country right after it, "à" in a text naming it.
        #expect(try S.normalized("Seul le maire de Séoul signe.", .collectivite) == ["etranger:KR:Séoul"])
        #expect(try S.normalized("Les élus de Gent sont venus.", .collectivite).isEmpty)
        #expect(try S.normalized("la ville de Gent et Anvers", .collectivite) == ["etranger:BE:Gand", "etranger:BE:Anvers"])
        #expect(try S.normalized("Les élus de Gent (Belgique) sont venus.", .collectivite) == ["etranger:BE:Gand"])
        #expect(try S.normalized("La délégation est allée à Gent, en Belgique.", .collectivite) == ["etranger:BE:Gand"])
        // A country named right after a name rules out the namesakes of other countries, for
        // the same name elsewhere in the document too.
        #expect(try S.normalized("la région Sud du Cameroun", .collectivite) == ["etranger:CM:Sud"])
        #expect(try S.normalized("la province Sud de la Nouvelle-Calédonie ; la province Sud", .collectivite).isEmpty)
    }

    @Test("the towns of the overseas départements are French communes, not foreign places")
    func overseasDepartementTowns() throws {
        let found = try Self.found("code-de-l-organisation-judiciaire/article-annexe-tableau-iv", .collectivite)
        #expect(!found.contains { $0.hasPrefix("etranger:") })
        #expect(found.first == "region:06")
        #expect(found.contains("commune:97611"))  // Mamoudzou
        #expect(found.contains("commune:97609"))  // Kani-Kéli, not Kani (Japan)
        // "Saint-Denis" (two namesakes, neither dominant) is not linked, nor "Saint" inside it
        // (the commune Le Saint).
        #expect(!found.contains("commune:56201"))
    }

    @Test("a context word stands for the article of a name stored without it")
    func cueForArticle() throws {
        #expect(try S.normalized("entre la région Nouvelle-Aquitaine et la région de Saint-Louis", .collectivite).first
            == "region:75")
    }
}
