import Entities
import Foundation
import Testing

@Suite("Organisations")
struct OrganisationRecognitionTests {
    typealias S = EntityTestSupport

    @Test("acronyms in capitals and expansions")
    func organisations() throws {
        #expect(try S.normalized("La DAECT du ministère des Affaires étrangères, l’AFD et Cités Unies France", .organisation)
            == ["daect", "mae", "afd", "cites-unies-france"])
        #expect(try S.normalized("la Délégation pour l’action extérieure des collectivités territoriales", .organisation)
            == ["daect"])
        #expect(try S.normalized("une afd, un mae", .organisation).isEmpty)
        #expect(try S.normalized("http://www.cites-unies-france.org/ et cites unies france", .organisation).isEmpty)
    }
}

@Suite("Montants")
struct AmountRecognitionTests {
    typealias S = EntityTestSupport

    @Test("euros with multipliers, thousands separators and signs")
    func euros() throws {
        #expect(try S.normalized("un montant total de 7,5 millions d’euros", .montant) == ["EUR:7500000"])
        #expect(try S.normalized("une subvention de 150 000 € puis 1 500 000 euros", .montant) == ["EUR:150000", "EUR:1500000"])
        #expect(try S.normalized("2,5 milliards d'euros et 3 M€", .montant) == ["EUR:2500000000", "EUR:3000000"])
        #expect(try S.normalized("4,7 euros", .montant) == ["EUR:4.7"])
    }

    @Test("percentages")
    func percentages() throws {
        #expect(try S.normalized("jusqu’à 1 % de leur budget, 12,5 % ou 3 pour cent", .montant) == ["pct:1", "pct:12.5", "pct:3"])
    }

    @Test("numbers without a unit are not amounts")
    func notAmounts() throws {
        #expect(try S.normalized("loi n° 2005-95, en 2012, article L. 1115-1, 57 boulevard", .montant).isEmpty)
    }
}

@Suite("Reconnaisseur")
struct EntityRecognizerTests {
    typealias S = EntityTestSupport

    @Test("entities come in document order, without overlap per type")
    func orderAndOverlap() throws {
        let text = "La ville de Pau et le SMTD, au Mexique, avec 150 000 € de l’AFD en 2012."
        let all = try S.recognizer().recognize(text: text)
        #expect(all.map(\.start) == all.map(\.start).sorted())
        for type in EntityType.allCases {
            let ofType = all.filter { $0.type == type }
            for (a, b) in zip(ofType, ofType.dropFirst()) { #expect(a.end <= b.start) }
        }
        let bytes = Array(text.utf8)
        for e in all { #expect(String(decoding: bytes[e.start..<e.end], as: UTF8.self) == e.text) }
    }

    @Test("a missing reference directory gives a French error")
    func missingReference() throws {
        do {
            _ = try EntityRecognizer.load(referenceDirectory: "/nonexistent/reference")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("données de référence introuvables"))
        }
    }

    @Test("loading twice returns the cached recognizer")
    func cached() throws {
        let a = try S.recognizer()
        let b = try S.recognizer()
        #expect(a === b)
    }

    @Test("odd input never crashes")
    func oddInput() throws {
        let r = try S.recognizer()
        #expect(r.recognize(text: "").isEmpty)
        _ = r.recognize(text: String(repeating: "’-–«» \u{0}\u{FFFD}é", count: 1000))
        _ = r.recognize(text: String(repeating: "a", count: 100_000))
        _ = r.recognize(text: "1 2 3 4 5 6 7 8 9 0 000 000 000,")
    }
}
