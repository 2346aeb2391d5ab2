import Entities
import Testing

@Suite("Dates")
struct DateRecognizerTests {
    let recognizer = DateRecognizer()

    /// (surface, normalized) pairs found in `text`.
    func dates(_ text: String) -> [(String, String)] {
        recognizer.recognize(text: text).map { ($0.text, $0.normalized) }
    }

    func expectOne(_ text: String, _ surface: String, _ iso: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let found = dates(text)
        #expect(found.count == 1, "\(text): \(found)", sourceLocation: sourceLocation)
        #expect(found.first?.0 == surface, "\(text): \(found)", sourceLocation: sourceLocation)
        #expect(found.first?.1 == iso, "\(text): \(found)", sourceLocation: sourceLocation)
    }

    @Test("Full dates, ordinals, weekdays, abbreviations, case")
    func fullDates() {
        expectOne("La loi du 2 mars 1982 relative aux droits", "2 mars 1982", "1982-03-02")
        expectOne("le 1er février 2013 à Paris", "1er février 2013", "2013-02-01")
        expectOne("Réunion le mardi 5 mars 2013.", "mardi 5 mars 2013", "2013-03-05")
        expectOne("signée le 5 janv. 2013", "5 janv. 2013", "2013-01-05")
        expectOne("signée le 12 sept. 2011", "12 sept. 2011", "2011-09-12")
        expectOne("LE 14 JUILLET 1789", "14 JUILLET 1789", "1789-07-14")
        expectOne("le 15 Août 2010", "15 Août 2010", "2010-08-15")
        expectOne("le 29 février 2012", "29 février 2012", "2012-02-29")
        expectOne("le 1er juillet 1901 relative au contrat d'association", "1er juillet 1901", "1901-07-01")
        expectOne("Le 20\u{00A0}avril\u{00A0}2012, les deux partenaires", "20\u{00A0}avril\u{00A0}2012", "2012-04-20")
    }

    @Test("Impossible calendar days are not dates")
    func invalidDays() {
        #expect(dates("le 30 février 2013").isEmpty)
        #expect(dates("le 29 février 2013").isEmpty)
        #expect(dates("le 32 mars 2013").isEmpty)
    }

    @Test("Day ranges")
    func dayRanges() {
        expectOne("► 5-7 mars 2013 : Forum", "5-7 mars 2013", "2013-03-05/2013-03-07")
        expectOne("du 5 au 7 mars 2013", "5 au 7 mars 2013", "2013-03-05/2013-03-07")
        expectOne("► 30 janvier-1er février 2013 : 1er Forum", "30 janvier-1er février 2013", "2013-01-30/2013-02-01")
        expectOne("du 30 janvier au 1er février 2013", "30 janvier au 1er février 2013", "2013-01-30/2013-02-01")
        expectOne("les 9 et 10 avril 2013", "9 et 10 avril 2013", "2013-04-09/2013-04-10")
        expectOne("►26-28 mai 2013 : Assises", "26-28 mai 2013", "2013-05-26/2013-05-28")
        expectOne("du 28 décembre 2012 au 3 janvier 2013", "28 décembre 2012 au 3 janvier 2013", "2012-12-28/2013-01-03")
    }

    @Test("Numeric dates")
    func numericDates() {
        expectOne("reçu le 12/03/2013 en préfecture", "12/03/2013", "2013-03-12")
        expectOne("Envoi Préfecture : 17/02/2015", "17/02/2015", "2015-02-17")
        expectOne("daté du 12.03.2013", "12.03.2013", "2013-03-12")
        expectOne("modifié le 2013-03-12", "2013-03-12", "2013-03-12")
        expectOne("le 05/11/98", "05/11/98", "1998-11-05")
        #expect(dates("le 31/02/2013").isEmpty)
        #expect(dates("ratio 12/13/2013").isEmpty)
    }

    @Test("Months, years, ranges and decades")
    func coarseDates() {
        expectOne("Vade-mecum (MAE/DAECT/CNCD), juin 2012", "juin 2012", "2012-06")
        expectOne("en Juin 2012", "Juin 2012", "2012-06")
        expectOne("de janvier à mars 2013", "janvier à mars 2013", "2013-01/2013-03")
        expectOne("janvier-mars 2013", "janvier-mars 2013", "2013-01/2013-03")
        expectOne("cofinancés en 2012 pour un montant", "2012", "2012")
        expectOne("Exemples de projets en 2011-2012", "2011-2012", "2011/2012")
        expectOne("CONVENTION-CADRE Période 2012-2015", "2012-2015", "2012/2015")
        expectOne("programme 2016/2017", "2016/2017", "2016/2017")
        expectOne("Dans les années 1980, les projets", "années 1980", "1980/1989")
        expectOne("Depuis les années 90, Belfort", "années 90", "1990/1999")
        expectOne("les années 2000 ont vu", "années 2000", "2000/2009")
        expectOne("entre 2007 et 2011 dans les domaines", "2007 et 2011", "2007/2011")
        expectOne("de 2007 à 2011, la commune", "2007 à 2011", "2007/2011")
        expectOne("Jumelées depuis 1984, les communes", "1984", "1984")
        expectOne("dès 2010, la ville", "2010", "2010")
        expectOne("la réforme de 2003.", "2003", "2003")
        expectOne("le rapport annuel (2013) montre", "2013", "2013")
        expectOne("d'ici 2030, objectif", "2030", "2030")
        expectOne("jusqu'en 2015 inclus", "2015", "2015")
        expectOne("à la mi-2012, le projet", "2012", "2012")
        expectOne("fin 2012, le projet", "2012", "2012")
    }

    @Test("Never dates: law numbers, articles, phones, amounts, addresses, counts, URLs")
    func neverDates() {
        let negatives = [
            "la loi n° 2005-95 permet", "loi n°2005-95", "la loi 2007-147 a modifié",
            "le décret n° 2014-1403", "l'article L. 1115-1 du CGCT", "article L1115-1-1",
            "articles L. 2131-1, L. 2131-2", "Téléphone : 01 43 17 62 70 / 01 43 17 62 64",
            "7,5 millions d'euros", "depuis 30 ans", "57, boulevard des Invalides 75007 Paris",
            "2 place André Mignot, 78000 VERSAILLES", "plus de 4 800 collectivités",
            "plus de 13 000 projets", "plus de 2000 habitants", "de 2000 euros", "1 euro apporté",
            "en 2012 %", "Rapport n° 3610", "proposition de loi n° 2624", "page 2160",
            "http://www.diplomatie.gouv.fr/fr/agenda-2013/", "Intercommunalités 2012 »",
            "association loi 1901", "le 1er Forum Mondial", "les 26 régions françaises",
            "le taux de 2013,5", "Agenda 2030", "PACT2", "en 10 ans", "à 1 %",
            "cle8fc2c7-1.pdf", "les 48 pays", "Plus de 144 pays", "la mars", "5 mars",
        ]
        for text in negatives {
            #expect(dates(text).isEmpty, "« \(text) » gave \(dates(text))")
        }
    }

    @Test("Offsets are UTF-8 byte offsets into the text")
    func offsets() {
        let text = "Été : réunion le 5 mars 2013."
        let e = try! #require(recognizer.recognize(text: text).first)
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[e.start..<e.end], as: UTF8.self) == "5 mars 2013")
        #expect(e.type == .date)
    }

    @Test("Several dates in order, no overlap")
    func severalDates() {
        let found = dates("Adoptée le 25 janvier 2007, publiée le 6 février 2007, en vigueur en 2008.")
        #expect(found.map(\.1) == ["2007-01-25", "2007-02-06", "2008"])
    }
}
