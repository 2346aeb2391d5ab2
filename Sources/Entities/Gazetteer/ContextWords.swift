/// Word ids of the context words the recognizers look at ("ville de", "conseil général",
/// "millions d’euros"). The reference compiler interns them into the gazetteer's
/// vocabulary (`GazetteerCompiler`); at load they are looked up (`Gazetteer.wordID`).
struct ContextWords: Sendable {
    var function: WordSet = WordSet()
    var articles: WordSet = WordSet()
    var communeCue: WordSet = WordSet()
    var regionCue: WordSet = WordSet()
    /// Plural cues ("villes de", "régions") vouch for French names only.
    var communeCueWeak: WordSet = WordSet()
    var regionCueWeak: WordSet = WordSet()
    var departementCue: WordSet = WordSet()
    var location: WordSet = WordSet()
    /// Streets, venues and institutions named after a place or a person ("avenue Hassan II",
    /// "rue de Paris", "gare de Lyon", "lycée Victor Hugo"): what follows is not a collectivité.
    var streetCue: WordSet = WordSet()
    /// Institutions named after their seat, a few words before the name ("tribunal de grande
    /// instance de Paris", "cour d’appel de Colmar", "académie de Caen", "communauté urbaine
    /// de Lyon", "port autonome de Paris"): the name is the institution's, not a collectivité.
    var institutionHead: WordSet = WordSet()
    /// Treaties named after a city, right before it ("convention de Genève", "traité de Rome").
    var treatyHead: WordSet = WordSet()
    /// Words that end the look-back for an institution head (prepositions and conjunctions
    /// between two phrases: "la convention entre le tribunal et la ville de …").
    var phraseBreak: WordSet = WordSet()
    /// "communauté de communes", "communauté d’agglomération": an EPCI, not its communes.
    var communaute: WordSet = WordSet()
    /// The collectivité's own bodies and officers ("l’assemblée de Guyane", "le président du
    /// conseil de …"): an institution look-back stops there.
    var collectiviteBody: WordSet = WordSet()
    /// Small words between a name and the next one glued by a hyphen: "Corse-du-Sud",
    /// "Bouches-du-Rhône", "Saône-et-Loire", "Paris-la-Défense".
    var compoundJoiners: WordSet = WordSet()
    /// Small words between a foreign place's name and its country: "Sud du Cameroun",
    /// "Salé, au Maroc", "province Sud de la Nouvelle-Calédonie".
    var countryLink: WordSet = WordSet()
    var conseil: Int32 = -1
    var councilRegion: WordSet = WordSet()
    var councilDepartement: WordSet = WordSet()
    var councilCommune: WordSet = WordSet()
    var multipliers: [Int32: Double] = [:]
    var euro: WordSet = WordSet()
    var percentWords: WordSet = WordSet()
    var syndicat: Int32 = -1
    var syndicatKind: WordSet = WordSet()
    /// Small words inside a proper name ("de", "des", "pour", "et").
    var nameJoiners: WordSet = WordSet()
    var et: Int32 = -1
    var ou: Int32 = -1
    var pour: Int32 = -1
    var cent: Int32 = -1

    /// `id` gives the word id of one context word (-1 when it is not one folded word).
    init(_ id: (String) -> Int32) {
        func ids(_ words: [String]) -> WordSet { WordSet(words.map { id($0) }.filter { $0 >= 0 }) }
        function = ids(["de", "d’", "du", "des", "la", "le", "l’", "les"])
        articles = ids(["le", "la", "les", "l’", "du", "au", "aux", "des"])
        communeCue = ids([
            "ville", "commune", "mairie", "maire", "municipalité", "cité", "agglomération", "village",
            "bourgmestre",
        ])
        communeCueWeak = ids(["villes", "communes", "municipalités", "mairies", "maires"])
        regionCue = ids([
            "région", "province", "land", "comté", "oblast", "gouvernorat", "wilaya", "préfecture", "état",
        ])
        regionCueWeak = ids(["régions", "provinces", "länder", "comtés"])
        departementCue = ids(["département", "départements"])
        location = ids(["à", "a", "vers", "depuis"])
        streetCue = ids([
            "rue", "avenue", "boulevard", "bd", "allée", "allées", "quai", "impasse", "chemin", "square",
            "place", "cours", "route", "esplanade", "lycée", "collège", "école", "université", "stade",
            "hôpital", "gare", "aéroport", "port", "pont", "parc", "musée", "résidence", "hôtel",
        ])
        institutionHead = ids([
            "tribunal", "tribunaux", "cour", "cours", "juridiction", "juridictions", "académie", "académies", "rectorat",
            "chambre", "chambres", "barreau", "conservatoire", "observatoire", "communauté", "communautés",
            "métropole", "métropoles", "syndicat", "syndicats",
        ])
        treatyHead = ids(["convention", "conventions", "traité", "traités", "accord", "accords", "protocole", "pacte"])
        phraseBreak = ids([
            "à", "a", "et", "ou", "entre", "avec", "pour", "par", "sur", "sous", "dans", "en", "vers", "chez", "contre",
            "selon", "auprès", "que", "qui",
        ])
        communaute = ids(["communauté", "communautés"])
        collectiviteBody = ids([
            "assemblée", "assemblées", "conseil", "conseils", "collectivité", "collectivités", "territoire", "territoires",
            "président", "présidente", "maire", "préfet",
        ])
        compoundJoiners = ids([
            "de", "d’", "du", "des", "la", "le", "l’", "les", "et", "en", "sur", "sous", "lès", "lez", "aux", "au",
        ])
        countryLink = ids(["de", "d’", "du", "des", "la", "le", "l’", "les", "en", "au", "aux"])
        conseil = id("conseil")
        councilRegion = ids(["régional", "régionale"])
        councilDepartement = ids(["général", "départemental", "départementale"])
        councilCommune = ids(["municipal"])
        for (w, m) in [
            ("million", 1e6), ("millions", 1e6), ("milliard", 1e9), ("milliards", 1e9), ("mille", 1e3),
            ("md", 1e9), ("mds", 1e9), ("m", 1e6), ("k", 1e3),
        ] {
            multipliers[id(w)] = m
        }
        euro = ids(["euro", "euros", "eur"])
        percentWords = ids(["pourcent", "pourcents"])
        syndicat = id("syndicat")
        syndicatKind = ids(["mixte", "intercommunal"])
        nameJoiners = ids(["de", "d’", "du", "des", "la", "le", "l’", "les", "et", "pour", "en", "à", "au", "aux", "sur"])
        et = id("et")
        ou = id("ou")
        pour = id("pour")
        cent = id("cent")
    }
}

extension ContextWords {
    /// Every context word, in the order `init` asks for them (what the compiler interns).
    static let allWords: [String] = {
        var words: [String] = []
        _ = ContextWords { words.append($0); return -1 }
        return words
    }()
}
