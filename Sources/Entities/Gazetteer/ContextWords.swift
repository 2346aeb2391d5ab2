/// Word ids of the context words the recognizers look at ("ville de", "conseil général",
/// "millions d’euros"), interned into the gazetteer's vocabulary at load.
struct ContextWords: Sendable {
    var function: Set<Int32> = []
    var articles: Set<Int32> = []
    var communeCue: Set<Int32> = []
    var regionCue: Set<Int32> = []
    /// Plural cues ("villes de", "régions") vouch for French names only.
    var communeCueWeak: Set<Int32> = []
    var regionCueWeak: Set<Int32> = []
    var departementCue: Set<Int32> = []
    var location: Set<Int32> = []
    var conseil: Int32 = -1
    var councilRegion: Set<Int32> = []
    var councilDepartement: Set<Int32> = []
    var councilCommune: Set<Int32> = []
    var multipliers: [Int32: Double] = [:]
    var euro: Set<Int32> = []
    var percentWords: Set<Int32> = []
    var syndicat: Int32 = -1
    var syndicatKind: Set<Int32> = []
    /// Small words inside a proper name ("de", "des", "pour", "et").
    var nameJoiners: Set<Int32> = []
    var pour: Int32 = -1
    var cent: Int32 = -1

    init(_ g: inout Gazetteer) {
        func ids(_ words: [String]) -> Set<Int32> { Set(words.map { g.intern($0) }.filter { $0 >= 0 }) }
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
        conseil = g.intern("conseil")
        councilRegion = ids(["régional", "régionale"])
        councilDepartement = ids(["général", "départemental", "départementale"])
        councilCommune = ids(["municipal"])
        for (w, m) in [
            ("million", 1e6), ("millions", 1e6), ("milliard", 1e9), ("milliards", 1e9), ("mille", 1e3),
            ("md", 1e9), ("mds", 1e9), ("m", 1e6), ("k", 1e3),
        ] {
            multipliers[g.intern(w)] = m
        }
        euro = ids(["euro", "euros", "eur"])
        percentWords = ids(["pourcent", "pourcents"])
        syndicat = g.intern("syndicat")
        syndicatKind = ids(["mixte", "intercommunal"])
        nameJoiners = ids(["de", "d’", "du", "des", "la", "le", "l’", "les", "et", "pour", "en", "à", "au", "aux", "sur"])
        pour = g.intern("pour")
        cent = g.intern("cent")
    }
}
