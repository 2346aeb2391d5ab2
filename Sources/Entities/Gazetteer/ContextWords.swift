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
