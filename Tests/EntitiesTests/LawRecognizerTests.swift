import Entities
import Foundation
import Testing

@Suite("Laws")
struct LawRecognizerTests {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static let recognizer: LawRecognizer = try! LawRecognizer.load(
        referenceDirectory: root.appendingPathComponent("Corpus/reference").path)

    func laws(_ text: String) -> [Entity] { Self.recognizer.recognize(text: text) }

    func expectOne(
        _ text: String, _ surface: String, _ id: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let found = laws(text)
        #expect(found.count == 1, "\(text): \(found.map { ($0.text, $0.normalized) })", sourceLocation: sourceLocation)
        #expect(found.first?.text == surface, "\(text): \(found.map(\.text))", sourceLocation: sourceLocation)
        #expect(found.first?.normalized == id, "\(text): \(found.map(\.normalized))", sourceLocation: sourceLocation)
    }

    @Test("Numbered laws, with or without date, known or not")
    func numbered() {
        expectOne("la loi n° 2007-147 du 2 février 2007 relative à", "loi n° 2007-147 du 2 février 2007", "loi:2007-147")
        expectOne("la loi n°2005-95 permet", "loi n°2005-95", "loi:2005-95")
        expectOne("LOI n° 2014-773 du 7 juillet 2014 d'orientation", "LOI n° 2014-773 du 7 juillet 2014", "loi:2014-773")
        expectOne("la loi 2007-147 a modifié", "loi 2007-147", "loi:2007-147")
        expectOne("Loi d'orientation n° 92-125 du 6 février 1992", "Loi d'orientation n° 92-125 du 6 février 1992", "loi:92-125")
        expectOne("la loi no 2004-338 du 21 avril 2004 portant", "loi no 2004-338 du 21 avril 2004", "loi:2004-338")
        let known = laws("loi n° 2007-147 du 2 février 2007")[0]
        #expect(known.attributes["title"]?.contains("action extérieure") == true)
        #expect(known.attributes["date"] == "2007-02-02")
        #expect(known.attributes["divergence"] == nil)
        let unknown = laws("la loi n° 2019-463 du 17 mai 2019 tendant à sécuriser")[0]
        #expect(unknown.normalized == "loi:2019-463")
        #expect(unknown.attributes["title"] == nil)
        #expect(unknown.attributes["date"] == "2019-05-17")
    }

    @Test("Dated laws link to the registry")
    func dated() {
        expectOne("conforte et élargit la loi du 6 février 1992 en assurant", "loi du 6 février 1992", "loi:92-125")
        expectOne("la loi d'orientation du 6 février 1992", "loi d'orientation du 6 février 1992", "loi:92-125")
        expectOne("la loi du 2 mars 1982", "loi du 2 mars 1982", "loi:82-213")
        expectOne("la loi du 10 août 1871 relative aux conseils généraux", "loi du 10 août 1871", "loi:1871-08-10")
        expectOne("la loi de 1992 a créé la CNCD", "loi de 1992", "loi:92-125")
        // A wrong date followed by the official title links by title and reports the date.
        let byTitle = laws("La loi du 25 janvier 2007, relative à l'action extérieure des collectivités territoriales et de leurs groupements, stipule")
        #expect(byTitle.map(\.normalized) == ["loi:2007-147"])
        #expect(byTitle.first?.text == "loi du 25 janvier 2007")
        #expect(byTitle.first?.attributes["date_citee"] == "2007-01-25")
    }

    @Test("Popular names link to the official law, even with a wrong date")
    func popularNames() {
        expectOne("La loi Thiollière conforte", "loi Thiollière", "loi:2007-147")
        expectOne("la loi Oudin-Santini permet", "loi Oudin-Santini", "loi:2005-95")
        expectOne("la loi Oudin permet", "loi Oudin", "loi:2005-95")
        expectOne("la loi Defferre a supprimé la tutelle", "loi Defferre", "loi:82-213")
        expectOne("la loi Canfin de 2014", "loi Canfin", "loi:2014-773")
        expectOne("la loi ATR", "loi ATR", "loi:92-125")
        expectOne("la loi NOTRe", "loi NOTRe", "loi:2015-991")
        expectOne("le dispositif Oudin-Santini", "dispositif Oudin-Santini", "loi:2005-95")
        expectOne("la loi « Oudin-Santini » permet", "loi « Oudin-Santini »", "loi:2005-95")
        expectOne("la loi dite Thiollière", "loi dite Thiollière", "loi:2007-147")
        let e = laws("25 janvier 2007 – La loi Thiollière conforte et élargit")[0]
        #expect(e.normalized == "loi:2007-147")
        #expect(e.attributes["alias"] == "Thiollière")
        #expect(e.attributes["date_citee"] == "2007-01-25")
        #expect(e.attributes["date"] == "2007-02-02")
        #expect(e.attributes["divergence"] != nil)
        let same = laws("9 février 2005 – La loi Oudin-Santini permet")[0]
        #expect(same.attributes["divergence"] == nil)
        let explicit = laws("la loi Thiollière du 25 janvier 2007")[0]
        #expect(explicit.text == "loi Thiollière du 25 janvier 2007")
        #expect(explicit.attributes["date_citee"] == "2007-01-25")
    }

    @Test("Chronology lines and official titles")
    func chronologyAndTitles() {
        expectOne("6 février 1992 – Une loi d'orientation autorise", "loi d'orientation", "loi:92-125")
        expectOne(
            "2 mars 1982 – Une loi relative aux droits et libertés des communes, départements et des régions",
            "loi relative aux droits et libertés des communes, départements", "loi:82-213")
        expectOne(
            "voir la loi relative à l'action extérieure des collectivités territoriales", 
            "loi relative à l'action extérieure des collectivités territoriales", "loi:2007-147")
        expectOne("26 mai 1983 – Une circulaire du Premier ministre reconnaît", "circulaire du Premier ministre", "circulaire:1983-05-26")
        #expect(laws("Une loi autorise les collectivités").isEmpty)
    }

    @Test("Décrets, ordonnances, circulaires, constitutional revisions")
    func otherActs() {
        expectOne("le décret n° 2014-1403 du 25 novembre 2014 relatif", "décret n° 2014-1403 du 25 novembre 2014", "decret:2014-1403")
        expectOne("l'ordonnance n° 2011-504 du 9 mai 2011", "ordonnance n° 2011-504 du 9 mai 2011", "ordonnance:2011-504")
        expectOne("la circulaire du 26 mai 1983 relative", "circulaire du 26 mai 1983", "circulaire:1983-05-26")
        expectOne("La circulaire n°1789/S.G du 26 mai 1983 du Premier ministre", "circulaire n°1789/S.G du 26 mai 1983", "circulaire:1983-05-26")
        expectOne("la loi constitutionnelle n° 2003-276 du 28 mars 2003", "loi constitutionnelle n° 2003-276 du 28 mars 2003", "constitution:2003")
        expectOne("la loi constitutionnelle du 28 mars 2003", "loi constitutionnelle du 28 mars 2003", "constitution:2003")
        expectOne("la loi n° 2003-276 du 28 mars 2003", "loi n° 2003-276 du 28 mars 2003", "constitution:2003")
        expectOne("depuis la révision constitutionnelle de 2003", "révision constitutionnelle de 2003", "constitution:2003")
        expectOne("selon la Constitution depuis la réforme de 2003.", "réforme de 2003", "constitution:2003")
        #expect(laws("la réforme de 2003 des retraites").isEmpty)
        #expect(laws("un décret en Conseil d'Etat précise").isEmpty)
    }

    @Test("CGCT articles: forms, lists, ranges, other codes")
    func articles() {
        expectOne("l'article L. 1115-1 du code général des collectivités territoriales", "L. 1115-1", "cgct:L1115-1")
        expectOne("art. L1115-1 CGCT", "L1115-1", "cgct:L1115-1")
        expectOne("l'article L. 1115-1-1 du CGCT", "L. 1115-1-1", "cgct:L1115-1-1")
        let list = laws("aux articles L. 2131-1, L. 2131-2, L. 3131-1 et L. 4141-2 du code général des collectivités territoriales")
        #expect(list.map(\.normalized) == ["cgct:L2131-1", "cgct:L2131-2", "cgct:L3131-1", "cgct:L4141-2"])
        let range = laws("Vu le CGCT, notamment ses articles L. 1115-1 à L. 1115-7,")
        #expect(range.map(\.normalized) == ["cgct:L1115-1", "cgct:L1115-7"])
        #expect(range.allSatisfy { $0.attributes["range"] == "cgct:L1115-1..cgct:L1115-7" })
        #expect(laws("l'article L. 213-6 du code de l'environnement").isEmpty)
        #expect(laws("Vu le code de l'environnement, et son article L. 2131-1,").isEmpty)
        expectOne("l'article R. 1115-9 du code général des collectivités territoriales", "R. 1115-9", "cgct:R1115-9")
        #expect(laws("au titre du R. 1115-9").isEmpty)
    }

    @Test("Not references: bills, the law itself, generic mentions")
    func negatives() {
        for text in [
            "Proposition de loi, adoptée par le Sénat, n° 2624", "la proposition de loi n° 224",
            "le projet de loi n° 1581", "La présente loi sera exécutée comme loi de l'Etat.",
            "indicateur pertinent pour la loi de finances", "les premières lois de décentralisation",
            "la loi autorise", "Loire-Atlantique", "Lois et décrets", "Louis XIV",
        ] {
            #expect(laws(text).isEmpty, "« \(text) » gave \(laws(text).map { ($0.text, $0.normalized) })")
        }
    }

    @Test("resolve maps what users type to ids")
    func resolve() {
        let r = Self.recognizer
        #expect(r.resolve("2005-95") == "loi:2005-95")
        #expect(r.resolve("Oudin-Santini") == "loi:2005-95")
        #expect(r.resolve("oudin santini") == "loi:2005-95")
        #expect(r.resolve("Oudin") == "loi:2005-95")
        #expect(r.resolve("thiolliere") == "loi:2007-147")
        #expect(r.resolve("loi Thiollière") == "loi:2007-147")
        #expect(r.resolve("L1115-1") == "cgct:L1115-1")
        #expect(r.resolve("L. 1115-1") == "cgct:L1115-1")
        #expect(r.resolve("L. 1115-1-1") == "cgct:L1115-1-1")
        #expect(r.resolve("92-125") == "loi:92-125")
        #expect(r.resolve("loi du 6 février 1992") == "loi:92-125")
        #expect(r.resolve("Canfin") == "loi:2014-773")
        #expect(r.resolve("circulaire:1983-05-26") == "circulaire:1983-05-26")
        #expect(r.resolve("2019-463") == "loi:2019-463")
        #expect(r.resolve("n'importe quoi") == nil)
        #expect(r.resolve("") == nil)
    }

    @Test("Registry: every required act is present, loading reports bad files in French")
    func registry() throws {
        let r = Self.recognizer
        for id in [
            "loi:82-213", "loi:92-125", "loi:2005-95", "loi:2006-1537", "loi:2007-147", "loi:2014-773",
            "loi:2019-1428", "loi:2021-1031", "constitution:2003", "circulaire:1983-05-26",
            "cgct:L1115-1", "cgct:L1115-1-1", "cgct:L1115-7",
        ] {
            #expect(r.title(for: id)?.isEmpty == false, "\(id) missing from the registry")
        }
        #expect(r.date(for: "loi:2007-147") == "2007-02-02")
        #expect(r.date(for: "loi:92-125") == "1992-02-06")
        #expect(r.date(for: "circulaire:1983-05-26") == "1983-05-26")
        #expect(r.title(for: "loi:1234-5") == nil)
        #expect(throws: LawRegistryError.self) { try LawRecognizer.load(referenceDirectory: "/nonexistent") }
        #expect(throws: LawRegistryError.self) { try LawRecognizer.load(registryTSV: "loi:1\tloi\n") }
        let loaded = try LawRecognizer.load(registryTSV: "# comment\nloi:1-1\tloi\t1-1\t2001-01-01\tloi test\t\tTest\n")
        #expect(loaded.resolve("Test") == "loi:1-1")
    }

    @Test("the code named by the document's title owns its bare article numbers")
    func titleCode() {
        let text = "dans les conditions prévues à l'article L. 2323-15 et à l'article R. 1115-9"
        let r = Self.recognizer
        // No title: a four-digit L article is presumed the CGCT's, an R article is not.
        #expect(r.recognize(text: text).map(\.normalized) == ["cgct:L2323-15"])
        #expect(r.recognize(text: text, title: "Code du travail — Article L1233-58").isEmpty)
        let cgct = r.recognize(text: text, title: "Code général des collectivités territoriales — Article R1115-8")
        #expect(cgct.map(\.normalized) == ["cgct:L2323-15", "cgct:R1115-9"])
        #expect(cgct.allSatisfy { $0.attributes["code"] == nil })
        // A code named in the text still wins over the title.
        #expect(r.recognize(text: "l'article L. 1424-37 du code général des collectivités territoriales",
            title: "Code de la sécurité intérieure — Article L723-1").map(\.normalized) == ["cgct:L1424-37"])
        #expect(r.recognize(text: text, title: "Convention de coopération décentralisée").map(\.normalized) == ["cgct:L2323-15"])
    }
}
