import Entities
import Testing

@Suite("Pays")
struct PaysRecognitionTests {
    typealias S = EntityTestSupport

    @Test("short, formal, usual and old names")
    func names() throws {
        #expect(try S.normalized("le Burkina Faso, la République démocratique du Congo, la Corée du Sud", .pays)
            == ["BF", "CD", "KR"])
        #expect(try S.normalized("la Russie, la Syrie, la Macédoine, le Kosovo et la Palestine", .pays)
            == ["RU", "SY", "MK", "XK", "PS"])
        #expect(try S.normalized("au Mexique, en Chine, aux États-Unis, en Côte d’Ivoire", .pays) == ["MX", "CN", "US", "CI"])
    }

    @Test("regions of the world are not countries, South Africa is")
    func worldRegions() throws {
        #expect(try S.normalized("en Afrique subsaharienne, en Asie du Sud-Est et en Amérique latine", .pays).isEmpty)
        #expect(try S.normalized("l’Afrique du Sud", .pays) == ["ZA"])
    }

    @Test("bilateral adjectives: franco-marocaine, franco–québécoises")
    func adjectives() throws {
        let found = try S.found("coopération franco-marocaine, assises franco–québécoises, fonds franco-allemand", .pays)
        #expect(found.map(\.0) == ["franco-marocaine", "franco–québécoises", "franco-allemand"])
        #expect(found.map(\.1) == ["MA", "CA", "DE"])
        // "franco" alone (franco de port) is nothing.
        #expect(try S.normalized("livré franco marocain", .pays).isEmpty)
    }

    @Test("lower-case words are not countries")
    func capitalization() throws {
        #expect(try S.normalized("une france de province, le mali", .pays).isEmpty)
    }

    @Test("resolve a typed name for search filters")
    func resolve() throws {
        let r = try S.recognizer()
        #expect(r.resolve("Maroc", as: .pays) == "MA")
        #expect(r.resolve("maroc", as: .pays) == "MA")
        #expect(r.resolve("Corée du Sud", as: .pays) == "KR")
        #expect(r.resolve("MA", as: .pays) == "MA")
        #expect(r.resolve("Belfort", as: .collectivite) == "commune:90010")
        #expect(r.resolve("Alsace", as: .collectivite) == "region:42")
        #expect(r.resolve("Le Havre", as: .collectivite) == "commune:76351")
        #expect(r.resolve("Atlantide", as: .pays) == nil)
    }
}
