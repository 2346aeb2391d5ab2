/// Finds collectivités (French and foreign) and pays in one walk of the phrase trie over
/// the text's words, then decides each candidate name with general rules:
/// - capitalization (proper names only; acronyms only in capitals),
/// - the words before it ("ville de", "Conseil général des", "Région", "province de"),
/// - a prior per entry and per surface form computed from the data (names that are
///   ordinary French words or small villages need a context word; homonyms lose to a much
///   larger namesake),
/// - the countries named: right after a foreign name they say whose it is ("Gent
///   (Belgique)", "province Sud de la Nouvelle-Calédonie"); anywhere in the document they
///   pick among foreign homonyms and back "à" before a foreign name,
/// - the rest of the document (a name confirmed once by a context word is trusted
///   elsewhere in the document).
/// Precision first: when in doubt, no entity.
struct PlaceRecognizer: Sendable {
    let gazetteer: Gazetteer
    let words: ContextWords

    typealias Span = TrieMatch

    enum Cue { case none, commune, communeWeak, region, regionWeak, departement, location, street, institution }

    struct Decision {
        var entry: Int32
        var franco: Bool
    }

    /// The countries a document names (capitalized names and demonyms), and where the
    /// names start (token index → countries).
    struct Countries {
        var named = Set<UInt16>()
        var at: [Int: [UInt16]] = [:]
    }

    /// What the first pass learns from the whole document: the names confirmed by a context
    /// word (the entries, and the surface forms, trie nodes, they were confirmed with), and
    /// the forms a country was named right after (trie node → those countries).
    struct Confirmed {
        var entries = Set<Int32>()
        var forms = Set<Int32>()
        var pinned: [Int32: [UInt16]] = [:]
    }

    func candidates(_ tokens: [Token]) -> TrieMatches {
        TrieMatches(tokens, trie: gazetteer.trie)
    }

    func recognize(_ tokens: [Token], spans: TrieMatches, text: UnsafeBufferPointer<UInt8>, types: Set<EntityType>)
        -> [Entity]
    {
        // Countries named anywhere in the document (names, demonyms): they pick among
        // foreign homonyms ("Prizren" in Kosovo rather than the Serbian district).
        var documentCountries = Countries()
        for span in spans.all {
            do {
                var p = gazetteer.trie.firstPattern(span.node)
                while p >= 0 {
                    defer { p = gazetteer.trie.nextPattern(p) }
                    let pattern = gazetteer.patterns[Int(p)]
                    let entry = gazetteer.info[Int(pattern.entry)]
                    if entry.kind == .pays && tokens[span.start].flags.contains(.capitalized) {
                        documentCountries.named.insert(entry.country)
                        documentCountries.at[span.start, default: []].append(entry.country)
                    } else if entry.kind == .demonyme {
                        documentCountries.named.insert(entry.country)
                    }
                }
            }
        }
        var confirmed = Confirmed()
        _ = walk(tokens, spans: spans, text: text, countries: documentCountries, confirmed: &confirmed, firstPass: true)
        let decisions = walk(tokens, spans: spans, text: text, countries: documentCountries, confirmed: &confirmed, firstPass: false)
        var out: [Entity] = []
        let syndicats = types.contains(.collectivite) ? SyndicatRule(words: words).recognize(tokens, text: text) : []
        func insideSyndicat(_ start: Int, _ end: Int) -> Bool {
            syndicats.contains { $0.start < end && start < $0.end }
        }
        out += syndicats
        for (span, decision) in decisions {
            let entry = gazetteer.entries[Int(decision.entry)]
            let start = tokens[span.start].start
            let end = tokens[span.end - 1].end
            if OrganisationRecognizer.insideURL(text, start) { continue }
            let surface = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
            if entry.kind == .pays || entry.kind == .demonyme {
                guard types.contains(.pays) else { continue }
                let countryName = gazetteer.countryByCode[entry.country].map { gazetteer.entries[Int($0)].name } ?? entry.name
                var attributes = ["name": countryName]
                if decision.franco { attributes["form"] = "adjectif" }
                if isFrenchTerritory(entry.country) { attributes["sovereign"] = "FR" }
                out.append(Entity(type: .pays, start: start, end: end, text: surface, normalized: entry.country, attributes: attributes))
            } else {
                guard types.contains(.collectivite), !insideSyndicat(start, end) else { continue }
                var attributes = ["name": entry.name]
                switch entry.kind {
                case .commune: attributes["kind"] = "commune"
                case .departement: attributes["kind"] = "departement"
                case .region: attributes["kind"] = "region"
                case .epci: attributes["kind"] = "epci"
                default:
                    // A town of an overseas collectivité (Nouméa, Papeete) is French, not
                    // a foreign authority; it has no INSEE code in our data, so it keeps
                    // the id of the place list it comes from.
                    attributes["country"] = entry.country
                    if isFrenchTerritory(entry.country) {
                        attributes["kind"] = "outre-mer"
                        attributes["sovereign"] = "FR"
                    } else {
                        attributes["kind"] = "etrangere"
                    }
                }
                out.append(Entity(type: .collectivite, start: start, end: end, text: surface, normalized: entry.id, attributes: attributes))
            }
        }
        return out.sorted { $0.start < $1.start }
    }

    /// Whether an ISO code ("NC") is French territory (`pays` entry flagged overseas).
    private func isFrenchTerritory(_ code: String) -> Bool {
        guard let e = gazetteer.countryByCode[code] else { return false }
        return gazetteer.info[Int(e)].flags.contains(.overseas)
    }

    private func walk(
        _ tokens: [Token], spans: TrieMatches, text: UnsafeBufferPointer<UInt8>, countries: Countries,
        confirmed: inout Confirmed, firstPass: Bool
    ) -> [(Span, Decision)] {
        var out: [(Span, Decision)] = []
        // End of the last name taken as an institution's ("tribunaux d’instance d’Illkirch,
        // de Schiltigheim et de Strasbourg": the list goes on).
        var institutionListEnd = -1
        var i = 0
        while i < tokens.count {
            var taken = false
            var longestEnd = -1
            for span in spans.starting(at: i).reversed() {
                // A known name glued by a hyphen ("Saint-Denis") that was not taken: not the
                // shorter name inside it ("Saint").
                if longestEnd < 0 {
                    longestEnd = span.end
                } else if span.end < longestEnd && tokens[span.end].flags.contains(.hyphenBefore) {
                    continue
                }
                var (cue, hint) = cueBefore(tokens, span.start)
                if cue == .none
                    && (institutionBefore(tokens, span.start, text)
                        || (institutionListEnd >= 0 && continuesList(tokens, from: institutionListEnd, to: span.start, text)))
                {
                    cue = .institution
                }
                if cue == .institution { institutionListEnd = span.end }
                if insideCompound(tokens, span, previousEnd: out.last?.0.end) { continue }
                let after = countriesAfter(tokens, span.end, text, countries)
                if firstPass && !after.isEmpty { confirmed.pinned[span.node, default: []] += after }
                if let d = decide(
                    tokens, span, cue: cue, hint: hint, after: after, countries: countries, confirmed: confirmed,
                    firstPass: firstPass)
                {
                    if firstPass && (cue == .commune || cue == .region || cue == .departement) {
                        confirmed.entries.insert(d.entry)
                        confirmed.forms.insert(span.node)
                    }
                    out.append((span, d))
                    i = span.end
                    taken = true
                    break
                }
                if cue == .institution {
                    // The whole name is the institution's: no shorter name inside it.
                    i = span.end
                    taken = true
                    break
                }
            }
            if !taken { i += 1 }
        }
        return out
    }

    /// A name glued by a hyphen into a longer compound that is not itself a name we took:
    /// "Corse-du-Sud", "Bouches-du-Rhône", "Haute-Corse", "Paris-la-Défense", "Celle-ci".
    /// Two names joined by a hyphen ("Paris-Dakar", "Haute-Savoie–Tiznit") are both kept,
    /// and so is a name after a prefix ("ex-Yougoslavie").
    private func insideCompound(_ tokens: [Token], _ span: Span, previousEnd: Int?) -> Bool {
        if span.end < tokens.count {
            // "Corse-du-Sud", "Celle-ci": a lower-case word glued after the name.
            let next = tokens[span.end]
            if next.flags.contains(.hyphenBefore) && !next.flags.contains(.capitalized) && !next.flags.contains(.numeric) {
                return true
            }
        }
        let first = tokens[span.start]
        guard first.flags.contains(.hyphenBefore), span.start > 0 else { return false }
        let previous = tokens[span.start - 1]
        if !previous.flags.contains(.capitalized) { return words.compoundJoiners.contains(previous.id) }
        return previousEnd != span.start
    }

    /// An institution named after its seat, a few words before token `start` ("tribunal de
    /// grande instance de", "cour d’appel de", "communauté urbaine de", "port autonome de",
    /// "musée des beaux-arts de"), or a treaty right before it ("convention de Genève"). The
    /// look-back stays in one phrase: lower-case words only (the head may be capitalized),
    /// at most two of them, no punctuation, no preposition or conjunction between, and no
    /// body of the collectivité itself ("la résidence du président de l’assemblée de Guyane").
    private func institutionBefore(_ tokens: [Token], _ start: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = start - 1
        var content = 0
        while k >= 0 {
            let t = tokens[k]
            guard Self.onePhrase(text, t.end, tokens[k + 1].start) else { return false }
            if words.function.contains(t.id) {
                k -= 1
                continue
            }
            if words.institutionHead.contains(t.id) || words.streetCue.contains(t.id) { return true }
            if content == 0 && words.treatyHead.contains(t.id) { return true }
            if t.flags.contains(.capitalized) || t.flags.contains(.numeric) || t.flags.contains(.sentenceStart)
                || words.phraseBreak.contains(t.id) || words.collectiviteBody.contains(t.id) || content == 2
            {
                return false
            }
            content += 1
            k -= 1
        }
        return false
    }

    /// Only list joiners (",", "et", "ou", "de", "d’"…) between tokens `from` (exclusive end
    /// of the previous name) and `to`.
    private func continuesList(_ tokens: [Token], from: Int, to: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard from < to, to - from <= 3 else { return false }
        for k in from..<to {
            let id = tokens[k].id
            guard words.function.contains(id) || id == words.et || id == words.ou else { return false }
        }
        for k in from...to where !Self.onePhrase(text, tokens[k - 1].end, tokens[k].start, comma: true) { return false }
        return true
    }

    /// Only spaces, line breaks, apostrophes or hyphens (and commas when `comma`, an
    /// opening parenthesis when `parenthesis`) between two words.
    private static func onePhrase(
        _ text: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, comma: Bool = false, parenthesis: Bool = false
    ) -> Bool {
        var p = a
        while p < b {
            let c = text[p]
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x27 || c == 0x2D || (comma && c == 0x2C) || (parenthesis && c == 0x28) {
                p += 1
                continue
            }
            if c == 0xC2, p + 1 < b, text[p + 1] == 0xA0 { p += 2; continue }
            if c == 0xE2, p + 2 < b, text[p + 1] == 0x80, text[p + 2] == 0x99 || text[p + 2] == 0xAF || text[p + 2] == 0x91 {
                p += 3
                continue
            }
            return false
        }
        return true
    }

    /// The context word before token `start`, skipping articles and prepositions
    /// ("ville du", "Conseil général des") and one demonym ("Province chinoise du").
    private func cueBefore(_ tokens: [Token], _ start: Int) -> (Cue, UInt16?) {
        // A context word of the previous sentence says nothing ("… à la commune. Celle-ci").
        if tokens[start].flags.contains(.sentenceStart) { return (.none, nil) }
        var k = start - 1
        var skipped = 0
        var hint: UInt16?
        while k >= 0 && skipped < 3 && words.function.contains(tokens[k].id) { k -= 1; skipped += 1 }
        if k >= 0, !tokens[k].flags.contains(.capitalized), let c = demonymCountry(tokens[k].id) {
            hint = c
            k -= 1
            while k >= 0 && skipped < 5 && words.function.contains(tokens[k].id) { k -= 1; skipped += 1 }
        }
        guard k >= 0 else { return (.none, hint) }
        let id = tokens[k].id
        if id < 0 { return (.none, hint) }
        if words.communeCue.contains(id) || words.communeCueWeak.contains(id) {
            // "communauté d’agglomération de …", "communauté de communes du …": an EPCI named
            // after its communes, not a commune.
            var j = k - 1
            while j >= 0 && words.function.contains(tokens[j].id) { j -= 1 }
            if j >= 0 && j < k - 1 && words.communaute.contains(tokens[j].id) { return (.institution, hint) }
        }
        if words.communeCue.contains(id) { return (.commune, hint) }
        if words.regionCue.contains(id) { return (.region, hint) }
        if words.communeCueWeak.contains(id) { return (.communeWeak, hint) }
        if words.regionCueWeak.contains(id) { return (.regionWeak, hint) }
        if words.departementCue.contains(id) { return (.departement, hint) }
        if k >= 1 && tokens[k - 1].id == words.conseil {
            if words.councilRegion.contains(id) { return (.region, hint) }
            if words.councilDepartement.contains(id) { return (.departement, hint) }
            if words.councilCommune.contains(id) { return (.commune, hint) }
        }
        if words.location.contains(id) && skipped == 0 { return (.location, hint) }
        if words.streetCue.contains(id) { return (.street, hint) }
        return (.none, hint)
    }

    /// The countries named right after the name ending before token `end`, in the same
    /// phrase, with at most two small words between: "Gent (Belgique)", "Salé, au Maroc",
    /// "Sud du Cameroun", "province Sud de la Nouvelle-Calédonie".
    private func countriesAfter(
        _ tokens: [Token], _ end: Int, _ text: UnsafeBufferPointer<UInt8>, _ countries: Countries
    ) -> [UInt16] {
        guard !countries.at.isEmpty else { return [] }
        var k = end
        while k < tokens.count && k <= end + 2 {
            let t = tokens[k]
            if t.flags.contains(.sentenceStart) || !Self.onePhrase(text, tokens[k - 1].end, t.start, comma: true, parenthesis: true) {
                return []
            }
            if let named = countries.at[k] { return named }
            guard words.countryLink.contains(t.id) else { return [] }
            k += 1
        }
        return []
    }

    private func demonymCountry(_ id: Int32) -> UInt16? {
        guard id >= 0 else { return nil }
        // Single-word demonym patterns end at the child of the root.
        guard let node = gazetteer.trie.child(0, id) else { return nil }
        var p = gazetteer.trie.firstPattern(node)
        while p >= 0 {
            defer { p = gazetteer.trie.nextPattern(p) }
            let pattern = gazetteer.patterns[Int(p)]
            let entry = gazetteer.info[Int(pattern.entry)]
            if entry.kind == .demonyme && !pattern.franco { return entry.country }
        }
        return nil
    }

    /// `after`: the countries named right after the name (`countriesAfter`).
    private func decide(
        _ tokens: [Token], _ span: Span, cue: Cue, hint: UInt16?, after: [UInt16], countries: Countries,
        confirmed: Confirmed, firstPass: Bool
    ) -> Decision? {
        let first = tokens[span.start]
        var allCaps = true
        for t in span.start..<span.end where !tokens[t].flags.contains(.allCaps) && !tokens[t].flags.contains(.numeric) {
            allCaps = false
        }
        // An article, or a context word naming the kind ("la région Nouvelle-Aquitaine"), before
        // a name stored without its article.
        let articleBefore = (span.start > 0 && words.articles.contains(tokens[span.start - 1].id))
            || cue == .commune || cue == .region || cue == .departement
        let articleFirst = span.end - span.start >= 2 && words.articles.contains(first.id)
        var communes: [Int32] = []
        var others: [Int32] = []
        var francoCountries = Set<UInt16>()
        var francoEntry: Int32 = -1
        var articleless: [Int32] = []
        // Entries matched here only through a surface form that never stands alone.
        var contextOnly: [Int32] = []
        var p = gazetteer.trie.firstPattern(span.node)
        while p >= 0 {
            defer { p = gazetteer.trie.nextPattern(p) }
            let pattern = gazetteer.patterns[Int(p)]
            let entry = gazetteer.info[Int(pattern.entry)]
            if pattern.franco {
                if span.end - span.start >= 2 && tokens[span.start + 1].flags.contains(.hyphenBefore) {
                    francoCountries.insert(entry.country)
                    francoEntry = pattern.entry
                }
                continue
            }
            if entry.kind == .demonyme || entry.kind == .organisation { continue }
            if pattern.acronym ? !allCaps : !first.flags.contains(.capitalized) { continue }
            // An article capitalized at the start of a sentence is not a name's: "La réunion
            // intervient…" is not "La Réunion".
            if !pattern.acronym && articleFirst && !tokens[span.start + 1].flags.contains(.capitalized) { continue }
            if pattern.needsArticle && !articleBefore {
                // "Yvelines" without "les": only if the document names it properly elsewhere.
                articleless.append(pattern.entry)
                continue
            }
            if pattern.contextOnly { contextOnly.append(pattern.entry) }
            if entry.kind == .commune { communes.append(pattern.entry) } else { others.append(pattern.entry) }
        }
        if francoCountries.count == 1 { return Decision(entry: francoEntry, franco: true) }
        if cue == .street { return nil }
        if cue == .institution {
            // A court, body or treaty named after a place is not a collectivité; a country
            // named there is still the country ("Cour suprême du Canada").
            var best: Int32?
            for e in others where gazetteer.info[Int(e)].kind == .pays && gazetteer.info[Int(e)].flags.contains(.bare) {
                if best == nil { best = e }
            }
            return best.map { Decision(entry: $0, franco: false) }
        }
        if communes.isEmpty && others.isEmpty && (firstPass || articleless.isEmpty) { return nil }

        func entry(_ e: Int32) -> GazetteerEntryInfo { gazetteer.info[Int(e)] }
        /// May stand without a context word: the entry may, and so does this surface form.
        func bare(_ e: Int32) -> Bool { entry(e).flags.contains(.bare) && !contextOnly.contains(e) }
        func pick(_ list: [Int32], _ kind: GazetteerEntry.Kind, bareOnly: Bool) -> Int32? {
            var best: Int32?
            for e in list where entry(e).kind == kind && (!bareOnly || bare(e)) {
                if best == nil || entry(e).population > entry(best!).population { best = e }
            }
            return best
        }
        func dominantCommune(bareOnly: Bool) -> Int32? {
            // The namesake that is not a homonym loser.
            var best: Int32?
            for e in communes where !entry(e).flags.contains(.homonym) && (!bareOnly || bare(e)) {
                if best == nil || entry(e).population > entry(best!).population { best = e }
            }
            return best
        }
        // A country named right after a foreign name says whose it is: the namesakes of other
        // countries are out, here and, for the same form, elsewhere in the document ("la
        // province Sud de la Nouvelle-Calédonie … la province Sud"); right here, it is also
        // evidence enough for a name that cannot stand alone.
        let whose = after.isEmpty && !firstPass ? confirmed.pinned[span.node] ?? [] : after
        func foreign(subdivision: Bool?, bareOnly: Bool, in required: Set<UInt16>? = nil) -> Int32? {
            var best: Int32?
            var bestScore = -1.0
            for e in others where entry(e).kind == .etranger {
                let g = entry(e)
                if bareOnly && !bare(e) { continue }
                if let subdivision, g.flags.contains(.subdivision) != subdivision { continue }
                if !whose.isEmpty && !whose.contains(g.country) { continue }
                if let required, !required.contains(g.country) { continue }
                var score = Double(g.population)
                if g.flags.contains(.subdivision) { score += 1e10 }
                if countries.named.contains(g.country) { score += 1e12 }
                if hint == g.country { score += 2e12 }
                if score > bestScore { best = e; bestScore = score }
            }
            return best
        }
        func accept(_ e: Int32?) -> Decision? { e.map { Decision(entry: $0, franco: false) } }

        // "Saint-Louis (Sénégal)", "la ville de Gent, en Belgique": the country named.
        if !after.isEmpty, let e = foreign(subdivision: cue == .region ? true : nil, bareOnly: false) { return accept(e) }
        // What the context word asks for comes first…
        switch cue {
        case .commune:
            if let e = dominantCommune(bareOnly: false) { return accept(e) }
            if let e = foreign(subdivision: nil, bareOnly: false) { return accept(e) }
        case .departement:
            if let e = pick(others, .departement, bareOnly: false) { return accept(e) }
        case .region:
            if let e = pick(others, .region, bareOnly: false) { return accept(e) }
            if let e = foreign(subdivision: true, bareOnly: false) { return accept(e) }
        case .communeWeak:
            if let e = dominantCommune(bareOnly: false) { return accept(e) }
        case .regionWeak:
            if let e = pick(others, .region, bareOnly: false) { return accept(e) }
        case .none, .location, .street, .institution:
            break
        }
        // …then names that stand on their own.
        do {
            if let e = pick(others, .pays, bareOnly: true) { return accept(e) }
            if let e = pick(others, .region, bareOnly: true) { return accept(e) }
            if let e = dominantCommune(bareOnly: true), entry(e).population >= 100_000 { return accept(e) }
            if let e = pick(others, .departement, bareOnly: true) { return accept(e) }
            // A commune named like a département or a région ("Doubs", "Indre", "Mayenne")
            // is not the one meant by the bare name.
            let namesake = (others + articleless).contains {
                entry($0).kind == .departement || entry($0).kind == .region
            }
            if !namesake, let e = dominantCommune(bareOnly: true) { return accept(e) }
            if let e = pick(others, .epci, bareOnly: true) { return accept(e) }
            if let e = foreign(subdivision: nil, bareOnly: true) { return accept(e) }
            if !firstPass && !first.flags.contains(.sentenceStart) {
                // Confirmed elsewhere in the document by a context word.
                // A form that cannot stand alone only when that same form was confirmed.
                for e in communes + others + articleless where confirmed.entries.contains(e) {
                    if contextOnly.contains(e) && !confirmed.forms.contains(span.node) { continue }
                    if entry(e).kind == .etranger && !whose.isEmpty && !whose.contains(entry(e).country) { continue }
                    return accept(e)
                }
            }
            if cue == .location && !first.flags.contains(.sentenceStart), let e = dominantCommune(bareOnly: false),
                entry(e).population >= 5000
            {
                return accept(e)
            }
            // "à Trévise" in a document that names Italy.
            if cue == .location && !first.flags.contains(.sentenceStart),
                let e = foreign(subdivision: nil, bareOnly: false, in: countries.named)
            {
                return accept(e)
            }
            return nil
        }
    }
}
