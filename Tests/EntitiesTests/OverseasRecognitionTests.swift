import Entities
import Extraction
import Foundation
import Testing

/// French overseas collectivités: the overseas départements-régions are French
/// collectivités with INSEE codes; the collectivités with an ISO code of their own (PF, NC,
/// PM, BL, MF, WF) stay `pays` as the contract says, marked French territory, and their
/// towns are not foreign authorities.
@Suite("Outre-mer : collectivités françaises")
struct OverseasRecognitionTests {
    typealias S = EntityTestSupport

    static func entities(_ relative: String) throws -> [Entity] {
        let path = GoldStandardTests.root.appendingPathComponent(relative).path
        let document = try DocumentExtractor().extract(path: path)[0]
        return try S.recognizer().recognize(document, types: [.collectivite, .pays])
    }

    @Test("a DROM named as a département or a région is that French collectivité")
    func drom() throws {
        #expect(try S.normalized("le département de la Guadeloupe et la région Guadeloupe", .collectivite)
            == ["departement:971", "region:01"])
        #expect(try S.normalized("le conseil départemental de Mayotte et la Martinique", .collectivite)
            == ["departement:976", "region:02"])
        #expect(try S.normalized("la Guadeloupe, la Guyane", .pays).isEmpty)
        #expect(try S.normalized("la commune de Mamoudzou", .collectivite) == ["commune:97611"])
    }

    @Test("New Caledonia: the country code is French territory, the Province Sud no foreign province")
    func newCaledonia() throws {
        let found = try Self.entities("Tests/Fixtures/conventions/outre-mer-province-sud.txt")
        let pays = found.filter { $0.type == .pays }
        #expect(!pays.isEmpty)
        #expect(pays.allSatisfy { $0.normalized == "NC" && $0.attributes["sovereign"] == "FR" })
        let places = found.filter { $0.type == .collectivite }
        // "Sud" is not the Sud of Cameroon or Zambia; Nouméa is a French town.
        #expect(places.map(\.normalized) == ["etranger:NC:Nouméa"])
        #expect(places.first?.attributes["kind"] == "outre-mer")
        #expect(places.first?.attributes["sovereign"] == "FR")
    }

    @Test("French Polynesia in a party's designation")
    func polynesia() throws {
        let found = try Self.entities("Tests/Fixtures/conventions/outre-mer-polynesie.txt")
        #expect(found.map(\.normalized) == ["PF", "PF"])
        #expect(found.allSatisfy { $0.attributes["sovereign"] == "FR" })
        // A foreign country is not marked.
        #expect(try S.recognizer().recognize(text: "au Sénégal", types: [.pays]).first?.attributes["sovereign"] == nil)
    }
}
