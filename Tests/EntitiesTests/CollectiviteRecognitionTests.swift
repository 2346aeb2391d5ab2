import Entities
import Testing

@Suite("Collectivités françaises")
struct CollectiviteRecognitionTests {
    typealias S = EntityTestSupport

    @Test("communes named like ordinary words need a context word")
    func ambiguousCommunes() throws {
        #expect(try S.normalized("La ville de Sens a signé avec la commune d’Orange.", .collectivite)
            == ["commune:89387", "commune:84087"])
        #expect(try S.normalized("Le sens de cette démarche est clair. Orange est une couleur.", .collectivite).isEmpty)
        #expect(try S.normalized("Il prend un verre au Bar. Sens interdit.", .collectivite).isEmpty)
    }

    @Test("compound and large communes stand on their own")
    func bareCommunes() throws {
        #expect(try S.normalized("Les échanges entre Bar-le-Duc et Tours se poursuivent.", .collectivite)
            == ["commune:55029", "commune:37261"])
        #expect(try S.found("La mairie de Clermont Ferrand", .collectivite).map(\.1) == ["commune:63113"])
    }

    @Test("streets, venues and institutions named after a place are not collectivités")
    func streetsAndVenues() throws {
        #expect(try S.normalized("Le siège est situé avenue Hassan II à Tiznit.", .collectivite) == ["etranger:MA:Tiznit"])
        #expect(try S.normalized("Rendez-vous rue de Paris, puis gare de Lyon, lycée Marseille.", .collectivite).isEmpty)
        #expect(try S.normalized("La ville de Lyon et Paris signent.", .collectivite) == ["commune:69123", "commune:75056"])
    }

    @Test("the article of a commune: Le Havre, du Havre, au Havre")
    func articles() throws {
        let found = try S.found("Le Havre coopère avec Dakar ; la ville du Havre envoie une mission au Havre.", .collectivite)
        #expect(found.map(\.0) == ["Le Havre", "Dakar", "Havre", "Havre"])
        #expect(found.map(\.1) == ["commune:76351", "etranger:SN:Dakar", "commune:76351", "commune:76351"])
        // Without its article, "Havre" is not the commune.
        #expect(try S.normalized("Un havre de paix. Havre est un mot.", .collectivite).isEmpty)
    }

    @Test("départements under their council's name, with or without hyphens")
    func departements() throws {
        #expect(try S.normalized("Le Conseil général des Hautes Alpes et le conseil départemental du Nord", .collectivite)
            == ["departement:05", "departement:59"])
        #expect(try S.normalized("au nord du pays, le Nord du Mali", .collectivite).isEmpty)
        #expect(try S.normalized("Le département de la Vienne et la ville de Vienne", .collectivite)
            == ["departement:86", "commune:38544"])
    }

    @Test("current and pre-2016 régions keep their own codes")
    func regions() throws {
        #expect(try S.normalized("Le Conseil régional d’Auvergne, la Région PACA et Nord-Pas-de-Calais", .collectivite)
            == ["region:83", "region:93", "region:31"])
        #expect(try S.normalized("la région Auvergne-Rhône-Alpes et l’Occitanie", .collectivite) == ["region:84", "region:76"])
        #expect(try S.normalized("La Région Centre finance le centre de santé.", .collectivite) == ["region:24"])
    }

    @Test("EPCI by their full name")
    func epci() throws {
        #expect(try S.normalized("La Communauté urbaine de Dunkerque et l’Eurométropole de Strasbourg", .collectivite)
            == ["epci:245900428", "epci:246700488"])
    }

    @Test("syndicats mixtes with their acronym, defined before or after the name")
    func syndicats() throws {
        let found = try S.found(
            "portée par le SMTD (Syndicat Mixte de Traitement des Déchets). Le SMTD gère l’usine.", .collectivite)
        #expect(found.map(\.0) == ["SMTD", "Syndicat Mixte de Traitement des Déchets", "SMTD"])
        #expect(Set(found.map(\.1)) == ["syndicat:SMTD"])
        #expect(try S.normalized("Le Syndicat mixte du Pays de Morlaix (SMPM) et la ville de Pau", .collectivite)
            == ["syndicat:SMPM", "syndicat:SMPM", "commune:64445"])
        #expect(try S.normalized("aux syndicats mixtes chargés des services publics d’eau", .collectivite).isEmpty)
        let e = try #require(S.recognizer().recognize(text: "le Syndicat intercommunal des Eaux de la Vallée", types: [.collectivite]).first)
        #expect(e.normalized == "syndicat:syndicat-intercommunal-des-eaux-de-la-vallee")
        #expect(e.attributes["kind"] == "syndicat")
    }

    @Test("the rest of the document: a name confirmed by a context word is trusted elsewhere")
    func documentContext() throws {
        // "Orange" alone is a colour; after "la ville d’Orange" it is the commune.
        #expect(try S.normalized("La ville d’Orange et Bamako. Les élus d’Orange ont voté.", .collectivite)
            == ["commune:84087", "etranger:ML:Bamako", "commune:84087"])
        // …but not as the first word of a sentence.
        #expect(try S.normalized("La ville d’Orange signe. Orange est aussi une couleur.", .collectivite)
            == ["commune:84087"])
        // "Yvelines" without its article, once "le Département des Yvelines" is named.
        #expect(try S.normalized("Le Département des Yvelines adopte « Yvelines, partenaires ».", .collectivite)
            == ["departement:78", "departement:78"])
        #expect(try S.normalized("« Yvelines, partenaires ».", .collectivite).isEmpty)
    }

    @Test("à before a mid-size commune named like a word")
    func locationCue() throws {
        #expect(try S.normalized("Le colloque se tient à Sens en juin.", .collectivite) == ["commune:89387"])
        #expect(try S.normalized("Il faut donner du sens à cette action.", .collectivite).isEmpty)
    }

    @Test("names in capitals (headings, addresses)")
    func capitals() throws {
        #expect(try S.normalized("LE DEPARTEMENT DES YVELINES, 78000 VERSAILLES", .collectivite)
            == ["departement:78", "commune:78646"])
    }

    @Test("attributes: kind and official name")
    func attributes() throws {
        let e = try #require(S.recognizer().recognize(text: "la ville du Havre", types: [.collectivite]).first)
        #expect(e.attributes["kind"] == "commune")
        #expect(e.attributes["name"] == "Le Havre")
    }

    @Test("a country name is not a commune unless the context says so")
    func countryOrCommune() throws {
        #expect(try S.normalized("Un projet en Argentine.", .collectivite).isEmpty)
        #expect(try S.normalized("Un projet en Argentine.", .pays) == ["AR"])
        #expect(try S.normalized("La commune d’Argentine (Savoie).", .collectivite) == ["commune:73019"])
        #expect(try S.normalized("La commune d’Argentine (Savoie).", .pays).isEmpty)
    }
}

@Suite("Autorités locales étrangères")
struct ForeignAuthorityTests {
    typealias S = EntityTestSupport

    @Test("cities and provinces, country from the gazetteer")
    func foreignPlaces() throws {
        #expect(try S.normalized("La municipalité de Ségou et la province du Québec", .collectivite)
            == ["etranger:ML:Ségou", "etranger:CA:Québec"])
        #expect(try S.normalized("un jumelage avec Hanoï et Tombouctou", .collectivite)
            == ["etranger:VN:Hanoï", "etranger:ML:Tombouctou"])
    }

    @Test("the document's countries choose among homonyms")
    func countryContext() throws {
        #expect(try S.normalized("Au Kosovo, la municipalité de Prizren.", .collectivite) == ["etranger:XK:Prizren"])
        let e = try #require(S.recognizer().recognize(text: "la région de Catalogne", types: [.collectivite]).first)
        #expect(e.normalized == "etranger:ES:Catalogne")
        #expect(e.attributes["kind"] == "etrangere")
        #expect(e.attributes["country"] == "ES")
    }

    @Test("ordinary words are not foreign towns")
    func noFalseForeign() throws {
        #expect(try S.normalized("Le Comité des régions de l’Union européenne. Une mission de concorde.", .collectivite).isEmpty)
    }
}
