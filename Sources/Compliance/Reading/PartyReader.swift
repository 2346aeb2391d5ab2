import Entities

/// Reads the parties from the convention's opening ("Entre la commune de X, représentée
/// par …, d'une part, et la municipalité de Y (Sénégal), représentée par …, d'autre
/// part"), from a title ("Convention entre X et Y") or from the extractor's metadata
/// (Akoma Ntoso `parties`), and tells what each one is.
struct PartyReader: Sendable {
    /// Words that open a French collectivité's designation.
    static let frenchHeads = [
        "commune", "ville", "mairie", "departement", "conseil departemental", "conseil general", "region",
        "conseil regional", "collectivite territoriale", "collectivite de corse", "collectivite europeenne d'alsace",
        "metropole", "communaute de communes", "communaute d'agglomeration", "communaute urbaine", "agglomeration",
        "syndicat", "sivu", "sivom", "etablissement public de cooperation intercommunale", "pole metropolitain",
        "etablissement public territorial", "territoire de belfort", "eurometropole", "grand",
    ]
    /// Designations only used for local authorities abroad.
    static let foreignLocalHeads = [
        "municipalite", "commune urbaine", "commune rurale", "commune d'arrondissement", "province", "gouvernorat",
        "wilaya", "prefecture", "conseil de cercle", "cercle", "district", "comte", "land", "canton", "oblast",
        "voivodie", "municipio", "city", "county", "gemeinde", "stadt", "comune", "ayuntamiento", "conseil provincial",
        "conseil de la region", "conseil regional de la region", "kraj", "okrug", "raion", "daira", "moughataa",
        "arrondissement", "regence", "etat federe", "intercommunalite", "communaute rurale", "commune de plein exercice",
    ]
    /// Designations of a State, its government or its services.
    static let stateHeads = [
        "etat", "republique", "royaume", "gouvernement", "ministere", "ministre", "ambassade", "principaute",
        "emirat", "sultanat", "confederation", "federation de russie", "grand-duche",
    ]
    /// Designations of a private body or a body that is not a local authority.
    static let otherHeads = [
        "association", "comite de jumelage", "ong", "organisation non gouvernementale", "fondation", "societe",
        "sarl", "sas", "sa", "entreprise", "cooperative", "gie", "groupement d'interet economique", "federation",
        "universite", "ecole", "hopital", "chambre de commerce", "chambre", "agence", "institut", "club", "union",
        "fonds", "compagnie", "etablissement",
    ]

    func read(_ text: ConventionText, entities: [Entity]) -> [Party] {
        var segments = fromOpening(text)
        if segments.isEmpty { segments = fromTitle(text) }
        var parties = segments.map { describe(text, clause: $0, entities: entities) }
        if parties.isEmpty {
            // A jumelage oath names the communes through their mayors.
            parties = fromMayors(text).map { range in
                var party = describe(text, clause: range, entities: entities)
                if party.kind == .unknown { party.kind = .commune }
                return party
            }
        }
        if parties.isEmpty, let meta = text.document.metadata["parties"] {
            parties = fromMetadata(text, meta, entities: entities)
        }
        countriesFromHeading(text, &parties)
        assignRoles(&parties)
        return parties
    }

    // MARK: Finding the clauses

    /// Byte ranges of each party's clause between "Entre" and "d'autre part" (or the
    /// start of the preamble / first article).
    private func fromOpening(_ text: ConventionText) -> [Range<Int>] {
        let f = text.folded
        let limit = text.articles.first.map { f.foldedIndex(ofOriginal: $0.start) } ?? min(f.count, 6000)
        let head = 0..<max(0, min(limit, f.count))
        // The "Entre" that opens the parties is the last one before "d'une part" (a title
        // "Convention entre X et Y" may come first), else the first clause-like one.
        // It opens its own line ("Entre :", "Entre la commune de …") or is followed by a colon;
        // "… une concertation entre l'État et les collectivités" inside a sentence is not one.
        let entres = f.find(Array("entre".utf8), in: head).filter {
            isClauseStart(f, $0) && (isLineStartInOriginal(text, folded: $0) || f.string(($0 + 5)..<min(f.count, $0 + 8)).hasPrefix(" :") || f.string(($0 + 5)..<min(f.count, $0 + 7)).hasPrefix(":"))
        }
        let firstUnePart = f.first("d'une part", in: head)
        // Without "d'une part", an "Entre" opening its own line wins over one ending a title line.
        let lineOpening = entres.filter { isLineStartInOriginal(text, folded: $0) }
        guard let entre = firstUnePart.flatMap({ limit in entres.last(where: { $0 < limit }) }) ?? lineOpening.first ?? entres.first else {
            return withoutEntre(text, head: head)
        }
        var cursor = entre + 5
        while cursor < f.count, f.bytes[cursor] == 0x20 || f.bytes[cursor] == 0x3A { cursor += 1 }
        if let soussignes = f.firstOf(["les soussignes", "les parties soussignees", "les parties suivantes"], in: cursor..<min(f.count, cursor + 40)), soussignes.at == cursor {
            cursor += soussignes.length
        }
        let searchEnd = max(cursor, head.upperBound)
        // A "d'une part" after the preamble has begun ("une nouvelle convention est convenue
        // entre, d'une part la Ville …") is prose, not the parties' clause.
        let closing = f.firstOf(PartyReader.closingMarkers, in: cursor..<searchEnd)?.at ?? searchEnd
        if let unePart = f.first("d'une part", in: cursor..<searchEnd), unePart < closing {
            var second = unePart + "d'une part".utf8.count
            while second < f.count, [0x20, 0x2C, 0x3B, 0x3A, 0x2E].contains(f.bytes[second]) { second += 1 }
            if f.first("et", in: second..<min(f.count, second + 2)) == second { second += 2 }
            while second < f.count, [0x20, 0x2C, 0x3A].contains(f.bytes[second]) { second += 1 }
            let end = f.first("d'autre part", in: second..<searchEnd) ?? endOfParties(f, from: second, limit: searchEnd)
            return [range(f, cursor, unePart), range(f, second, end)].compactMap { $0 }
        }
        // "Entre : A, représentée par … Et : B, représentée par … [Et : C …]"
        let stop = endOfParties(f, from: cursor, limit: searchEnd)
        let ets = f.find(Array("et".utf8), in: cursor..<stop).filter { isLineStartInOriginal(text, folded: $0) || isCapitalisedEt(text, folded: $0) }
        guard !ets.isEmpty else {
            // No "Et": the designations themselves separate the parties.
            let parts = splitAtDesignations(text, cursor..<stop)
            return parts.count >= 2 ? parts : []
        }
        var clauses: [Range<Int>] = []
        var from = cursor
        for et in ets + [stop] {
            if let r = range(f, from, et) { clauses.append(r) }
            guard et < stop else { break }
            var next = et + 2
            while next < f.count, [0x20, 0x3A, 0x2C].contains(f.bytes[next]) { next += 1 }
            from = next
        }
        return clauses.flatMap { splitAtDesignations(text, $0) }
    }

    /// Words that close the parties' clause and open what follows (preamble, agreement).
    static let closingMarkers = [
        "preambule", "il a ete convenu", "il est convenu", "ont convenu", "conviennent", "il a ete arrete",
        "etant prealablement expose", "il est rappele", "il a ete expose", "expose des motifs",
    ]

    /// "La commune de X, représentée par …, d'une part, et la commune de Y …, d'autre part"
    /// with no "Entre": the first clause starts at the first designation of the block that
    /// ends with "d'une part".
    private func withoutEntre(_ text: ConventionText, head: Range<Int>) -> [Range<Int>] {
        let f = text.folded
        guard let unePart = f.first("d'une part", in: head) else { return [] }
        let closing = f.firstOf(PartyReader.closingMarkers, in: head)?.at ?? head.upperBound
        guard unePart < closing else { return [] }
        // Back over the lines of the block: up to a blank line, a line ending with a full
        // stop or a colon, or the start of the text.
        var lineStart = f.originalStart(unePart)
        while lineStart > 0, text.utf8[lineStart - 1] != 0x0A { lineStart -= 1 }
        var blockStart = lineStart
        var firstDesignation: Int?
        while true {
            if startsWithDesignation(text, line: blockStart) { firstDesignation = blockStart }
            guard blockStart > 0 else { break }
            var prevEnd = blockStart - 1
            while prevEnd > 0, text.utf8[prevEnd - 1] == 0x20 || text.utf8[prevEnd - 1] == 0x0D { prevEnd -= 1 }
            guard prevEnd > 0, text.utf8[prevEnd - 1] != 0x0A, ![0x2E, 0x3A, 0x3B].contains(text.utf8[prevEnd - 1]) else { break }
            var prevStart = prevEnd - 1
            while prevStart > 0, text.utf8[prevStart - 1] != 0x0A { prevStart -= 1 }
            blockStart = prevStart
        }
        // Both clauses open with a designation; prose that says "d'une part … d'autre part"
        // ("menées par des collectivités françaises, d'une part, et des autorités étrangères,
        // d'autre part") names no party.
        guard let firstDesignation else { return [] }
        let start = f.foldedIndex(ofOriginal: firstDesignation)
        var second = unePart + "d'une part".utf8.count
        while second < f.count, [0x20, 0x2C, 0x3B, 0x3A, 0x2E].contains(f.bytes[second]) { second += 1 }
        if f.first("et", in: second..<min(f.count, second + 2)) == second { second += 2 }
        while second < f.count, [0x20, 0x2C, 0x3A].contains(f.bytes[second]) { second += 1 }
        guard designationHead(FoldedText(f.string(second..<min(f.count, second + 120)))) != nil else { return [] }
        let end = f.first("d'autre part", in: second..<head.upperBound) ?? endOfParties(f, from: second, limit: head.upperBound)
        return [range(f, start, unePart), range(f, second, end)].compactMap { $0 }
    }

    /// True when the original line starting at `line` opens with a designation: an article
    /// and a head word followed by the authority's name ("La commune de …", "LA VILLE DE
    /// SEGOU", "L'AGGLOMERATION DU GRAND ANGOULEME").
    private func startsWithDesignation(_ text: ConventionText, line: Int) -> Bool {
        var i = line
        while i < text.utf8.count, text.utf8[i] == 0x20 || text.utf8[i] == 0x09 { i += 1 }
        guard i < text.utf8.count, text.utf8[i] >= 0x41, text.utf8[i] <= 0x5A || text.utf8[i] == 0xC3 else { return false }
        return designationHead(FoldedText(text.string(i, min(text.utf8.count, i + 120)))) != nil
    }

    /// The head word of a designation at the start of folded `f`, when a name follows it.
    private func designationHead(_ f: FoldedText) -> String? {
        var name = Substring(f.string(0..<f.count))
        for article in ["la ", "le ", "les ", "l'"] where name.hasPrefix(article) {
            name = name.dropFirst(article.count)
            break
        }
        let heads = PartyReader.frenchHeads + PartyReader.foreignLocalHeads + PartyReader.stateHeads + PartyReader.otherHeads
        return heads.filter { h in [" de ", " d'", " du ", " des "].contains { name.hasPrefix(h + $0) } }.max { $0.count < $1.count }
    }

    /// An "Et" written with a capital inside a line, after a punctuation mark or a closing
    /// quote ("…, Et : La Préfecture de Blitta", "« Commune de Saponé ». Et Eau Vive"),
    /// opens the next party as a line-initial "Et" does.
    private func isCapitalisedEt(_ text: ConventionText, folded at: Int) -> Bool {
        let o = text.folded.originalStart(at)
        guard o + 2 <= text.utf8.count, text.utf8[o] == UInt8(ascii: "E"), text.utf8[o + 1] == UInt8(ascii: "t") else { return false }
        var p = o - 1
        while p >= 0, text.utf8[p] == 0x20 { p -= 1 }
        guard p >= 0 else { return false }
        let b = text.utf8[p]
        // ',', '.', ';', ':' or the last byte of "»" (U+00BB: C2 BB).
        return b == 0x2C || b == 0x2E || b == 0x3B || b == 0x3A || b == 0xBB
    }

    /// One clause may hold several parties: a new line that opens with a designation, or a
    /// designation right after "Ci-après dénommée « … »", starts the next one.
    private func splitAtDesignations(_ text: ConventionText, _ clause: Range<Int>) -> [Range<Int>] {
        let f = text.folded
        var cuts: [Int] = []
        let o0 = f.originalStart(clause.lowerBound)
        let o1 = f.originalEnd(clause.upperBound)
        var i = o0
        while i < o1 {
            if text.utf8[i] == 0x0A, i + 1 < o1, startsWithDesignation(text, line: i + 1) {
                cuts.append(f.foldedIndex(ofOriginal: i + 1))
            }
            i += 1
        }
        for named in f.find(Array("ci-apres denomme".utf8), in: clause, wholeWord: false) {
            // The name in quotes, then what follows it.
            guard let open = f.first("\"", in: named..<min(clause.upperBound, named + 40), wholeWord: false),
                let close = f.first("\"", in: (open + 1)..<min(clause.upperBound, open + 80), wholeWord: false)
            else { continue }
            var next = close + 1
            while next < clause.upperBound, f.bytes[next] == 0x20 { next += 1 }
            let o = f.originalStart(next)
            guard next < clause.upperBound, o < text.utf8.count, text.utf8[o] >= 0x41, text.utf8[o] <= 0x5A else { continue }
            if designationHead(FoldedText(text.string(o, min(text.utf8.count, o + 120)))) != nil { cuts.append(next) }
        }
        guard !cuts.isEmpty else { return [clause] }
        var out: [Range<Int>] = []
        var from = clause.lowerBound
        for cut in cuts.sorted() where cut > from {
            if let r = range(f, from, cut) { out.append(r) }
            from = cut
        }
        if let r = range(f, from, clause.upperBound) { out.append(r) }
        return out
    }

    /// "Convention de coopération entre la commune de X et la province de Y" in the first lines.
    private func fromTitle(_ text: ConventionText) -> [Range<Int>] {
        let f = text.folded
        let head = 0..<min(f.count, 700)
        // The title's "entre": on a line that names the kind of act, or on one of the first
        // lines; an "entre" in a recital or in the body ("des liens permanents entre les
        // municipalités", "Considérant … entre la République française et …") is not one.
        guard let entre = f.find(Array("entre".utf8), in: head).first(where: { isTitleLine(text, folded: $0) }) else { return [] }
        let start = entre + 6
        // The title ends at the end of its line in the original text.
        let originalStart = f.originalStart(start)
        var lineEnd = originalStart
        while lineEnd < text.utf8.count, text.utf8[lineEnd] != 0x0A { lineEnd += 1 }
        // A title can wrap on two lines; take the next line too when this one ends on "et".
        let foldedEnd = f.foldedIndex(ofOriginal: lineEnd)
        let ets = f.find(Array("et".utf8), in: start..<min(f.count, foldedEnd + 200))
        guard let et = ets.first(where: { $0 < foldedEnd + 3 }) ?? ets.first else { return [] }
        var second = et + 3
        let secondOriginal = f.originalStart(second)
        var secondEnd = secondOriginal
        while secondEnd < text.utf8.count, text.utf8[secondEnd] != 0x0A { secondEnd += 1 }
        second = min(second, f.count)
        return [range(f, start, et), range(f, second, f.foldedIndex(ofOriginal: secondEnd))].compactMap { $0 }
    }

    private func isTitleLine(_ text: ConventionText, folded at: Int) -> Bool {
        let o = text.folded.originalStart(at)
        var s = o
        while s > 0, text.utf8[s - 1] != 0x0A { s -= 1 }
        var e = o
        while e < text.utf8.count, text.utf8[e] != 0x0A { e += 1 }
        let line = FoldedText(text.string(s, e))
        let l = line.string(0..<line.count).trimmingSpaces()
        if l.hasPrefix("vu ") || l.hasPrefix("considerant") { return false }
        let kinds = ["convention", "protocole", "accord", "charte", "avenant", "contrat", "serment", "jumelage", "declaration", "pacte"]
        if line.containsAny(kinds) { return true }
        // Among the first three non-empty lines, if it reads as a title (short, no full stop).
        if l.count > 150 || l.hasSuffix(".") { return false }
        var lines = 0
        var i = 0
        while i < s {
            var j = i
            while j < s, text.utf8[j] != 0x0A { j += 1 }
            if !text.string(i, j).trimmingSpaces().isEmpty { lines += 1 }
            i = j + 1
        }
        return lines < 3
    }

    /// "Nous, Maire de Hodoşa (Roumanie) et de Venerque (France), librement désignés …":
    /// the places after the mayors, one range each.
    private func fromMayors(_ text: ConventionText) -> [Range<Int>] {
        let f = text.folded
        let head = 0..<min(f.count, 1200)
        guard let nous = f.find(Array("nous".utf8), in: head).first(where: { isLineStartInOriginal(text, folded: $0) }),
            let mayor = f.firstOf(["maires de", "maires d'", "maire de", "maire d'", "bourgmestres de", "bourgmestre de"], in: nous..<min(f.count, nous + 40))
        else { return [] }
        var start = mayor.at + mayor.length
        while start < f.count, f.bytes[start] == 0x20 { start += 1 }
        guard let et = f.firstOf([" et de ", " et d'", " et du "], in: start..<min(f.count, start + 120)) else { return [] }
        var second = et.at + et.length
        while second < f.count, f.bytes[second] == 0x20 { second += 1 }
        // The second place ends with its line or at the next comma.
        var lineEnd = f.originalStart(second)
        while lineEnd < text.utf8.count, text.utf8[lineEnd] != 0x0A { lineEnd += 1 }
        var end = min(f.foldedIndex(ofOriginal: lineEnd), second + 120)
        if let comma = f.first(",", in: second..<end, wholeWord: false) { end = comma }
        return [range(f, start, et.at), range(f, second, end)].compactMap { $0 }
    }

    /// "Convention … entre ANGOULEME (FRANCE) et SEGOU (REPUBLIQUE DU MALI)": a place with
    /// its country in parentheses in the heading gives that country to the party named
    /// after it, when nothing in the party's own clause did.
    private func countriesFromHeading(_ text: ConventionText, _ parties: inout [Party]) {
        guard parties.contains(where: { $0.country == nil && $0.normalized == nil }) else { return }
        let f = text.folded
        let firstClause = parties.map { f.foldedIndex(ofOriginal: $0.clause.start) }.min() ?? 0
        let head = 0..<min(f.count, max(firstClause, 300), 1500)
        for open in f.find(Array("(".utf8), in: head, wholeWord: false) {
            guard let close = f.first(")", in: open..<min(head.upperBound, open + 40), wholeWord: false) else { continue }
            let inside = f.string((open + 1)..<close).trimmingSpaces()
            guard inside.count >= 4, !inside.contains(where: { $0.isNumber }) else { continue }
            // The place: the word just before the parenthesis.
            var e = open
            while e > 0, f.bytes[e - 1] == 0x20 { e -= 1 }
            var b = e
            while b > 0, FoldedText.isWordByte(f.bytes[b - 1]) || f.bytes[b - 1] == UInt8(ascii: "-") { b -= 1 }
            let place = f.string(b..<e)
            guard place.count >= 3 else { continue }
            for i in parties.indices where parties[i].country == nil && parties[i].normalized == nil {
                let name = FoldedText(parties[i].name.text)
                if !name.find(Array(place.utf8)).isEmpty { parties[i].country = inside == "france" ? "FR" : "?" + inside }
            }
        }
    }

    private func fromMetadata(_ text: ConventionText, _ meta: String, entities: [Entity]) -> [Party] {
        let names = meta.split(whereSeparator: { $0 == ";" || $0 == "\n" || $0 == "|" }).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        return names.map { name in
            let folded = Array(FoldedText(name).bytes)
            if let at = text.folded.find(folded).first {
                let r = at..<(at + folded.count)
                return describe(text, clause: r, entities: entities)
            }
            let passage = Passage(start: 0, end: 0, text: name)
            let (kind, _) = classify(String(decoding: folded, as: UTF8.self))
            return Party(role: .other, kind: kind, name: passage, clause: passage)
        }
    }

    private func isClauseStart(_ f: FoldedText, _ at: Int) -> Bool {
        // "Entre" opening a clause, not "entre les deux villes" inside a sentence.
        let after = at + 5
        guard after < f.count else { return false }
        let next = f.string(after..<min(f.count, after + 20))
        if next.hasPrefix(" :") || next.hasPrefix(":") || next.hasPrefix(" les soussign") { return true }
        for head in ["la ", "le ", "l'", "les "] where next.hasPrefix(" " + head) { return true }
        return false
    }

    private func isLineStartInOriginal(_ text: ConventionText, folded at: Int) -> Bool {
        var o = text.folded.originalStart(at) - 1
        while o >= 0, text.utf8[o] == 0x20 || text.utf8[o] == 0x09 || text.utf8[o] == 0x0D { o -= 1 }
        return o < 0 || text.utf8[o] == 0x0A
    }

    private func endOfParties(_ f: FoldedText, from: Int, limit: Int) -> Int {
        let markers = [
            "d'autre part", "il a ete convenu", "il est convenu", "ont convenu", "conviennent", "il a ete arrete",
            "preambule", "ci-apres denommees", "ci-apres ensemble", "ci-apres designees", "etant prealablement expose",
            "vu le code", "considerant",
        ]
        let end = min(f.count, max(from, limit))
        let hit = f.firstOf(markers, in: from..<end)
        return hit?.at ?? min(end, from + 800)
    }

    private func range(_ f: FoldedText, _ from: Int, _ to: Int) -> Range<Int>? {
        guard to > from + 3 else { return nil }
        return from..<to
    }

    // MARK: Describing one party

    private func describe(_ text: ConventionText, clause: Range<Int>, entities: [Entity]) -> Party {
        let f = text.folded
        var start = clause.lowerBound
        // Skip list markers and articles: "1. ", "- ", "la ", "le ", "l'".
        while start < clause.upperBound, [0x20, 0x2D, 0x2C, 0x3A, 0x2E, 0x31, 0x32, 0x29].contains(f.bytes[start]) { start += 1 }
        let body = f.string(start..<clause.upperBound)
        // The designation ends at the first comma, "représenté(e) par", "dont le siège", "ci-après" …
        var nameLength = body.utf8.count
        for stop in [",", " represente", " dont ", " sise", " sis ", " ci-apres", " agissant", " ayant son siege", " domicili", " situe", ";", " d'une part", " d'autre part"] {
            if let r = body.range(of: stop) {
                let n = body.utf8.distance(from: body.startIndex, to: r.lowerBound)
                // Keep a parenthesis opened before the stop ("(République du Sénégal)").
                nameLength = min(nameLength, n)
            }
        }
        nameLength = min(nameLength, 200)
        var nameEnd = start + nameLength
        // Extend over a parenthesised country right after the stop: "X, (Sénégal)" is rare; "X (Sénégal)" is inside.
        while nameEnd > start, f.bytes[nameEnd - 1] == 0x20 { nameEnd -= 1 }
        let namePassage = text.passage(folded: start..<nameEnd)
        let clausePassage = text.passage(folded: start..<clause.upperBound)
        let foldedName = f.string(start..<nameEnd)
        var (kind, _) = classify(foldedName)
        if kind == .unknown {
            // A name with its nature in apposition: "Eau Vive, association de solidarité
            // internationale", "X, société anonyme".
            let after = f.string(nameEnd..<min(clause.upperBound, nameEnd + 60))
            if after.hasPrefix(", ") {
                let (apposed, head) = classify(String(after.dropFirst(2)))
                if apposed == .association || apposed == .company, head != nil { kind = apposed }
            }
        }

        // Entities inside the clause link the party and settle French versus foreign.
        var normalized: String?
        var country: String?
        let inClause = entities.filter { $0.start >= clausePassage.start && $0.end <= clausePassage.end }
        // An association or a company named after a place ("Fédération … de la région de
        // Matam") is not that place: no link for them.
        let linkable = kind != .association && kind != .company
        // A French designation links to an entity of its own kind: "L'Agglomération du Grand
        // Angoulême" is not the commune of Grand, nor "le Département de la Vienne" the
        // commune of Vienne; a foreign authority found in it still settles the side.
        let designated = [Party.Kind.commune, .departement, .region, .epci, .syndicat].contains(kind) ? kind : nil
        if linkable, let c = inClause.first(where: {
            $0.type == .collectivite && $0.start < namePassage.end + 1
                && (designated == nil || $0.normalized.hasPrefix("etranger:") || PartyReader.frenchKind(of: $0) == designated)
        }) {
            normalized = c.normalized
            if c.normalized.hasPrefix("etranger:") {
                country = c.normalized.split(separator: ":").dropFirst().first.map(String.init)
                // A town of an overseas collectivité (Nouméa, Papeete) is French.
                if c.attributes["sovereign"] == "FR" {
                    country = country.map { "FR-" + $0 }
                } else if kind != .state && kind != .association && kind != .company {
                    kind = .foreignLocalAuthority
                }
            } else if kind == .unknown || kind == .foreignLocalAuthority {
                kind = PartyReader.frenchKind(of: c)
            }
        }
        if country == nil, !linkable { country = placeInClause(text, start..<clause.upperBound) }
        if country == nil, let p = inClause.first(where: { $0.type == .pays && $0.start < namePassage.end + 60 }) {
            country = p.attributes["sovereign"] == "FR" ? "FR-" + p.normalized : p.normalized
        }
        if country == nil {
            country = parenthesisedPlace(foldedName) ?? placeInClause(text, start..<clause.upperBound)
        }
        if country == nil, let r = f.firstOf(["republique", "royaume", "etat de", "etat du", "federation de", "emirat", "principaute"], in: nameEnd..<clause.upperBound),
            !f.containsAny(["republique francaise"], in: r.at..<min(f.count, r.at + 25))
        {
            // "…, République socialiste du Viêt Nam, dont le siège…": a foreign country named in the clause.
            country = "?" + f.string(r.at..<min(clause.upperBound, r.at + 40))
        }
        var representative: String?
        if let r = f.firstOf(["representee par", "represente par", "representes par", "representees par"], in: start..<clause.upperBound) {
            let from = r.at + r.length
            let rest = f.string(from..<clause.upperBound)
            var length = min(rest.utf8.count, 160)
            for stop in [", agissant", ", dument", ", en vertu", ", ci-apres", ";", ", habilite", ", autorise", ", en application"] {
                if let x = rest.range(of: stop) { length = min(length, rest.utf8.distance(from: rest.startIndex, to: x.lowerBound)) }
            }
            let written = text.passage(folded: from..<(from + length)).text
            representative = String(written.reversed().drop { ",;. ".contains($0) }.reversed())
        }
        return Party(
            role: .other, kind: kind, name: namePassage, clause: clausePassage, normalized: normalized,
            country: country, representative: representative)
    }

    static func frenchKind(of entity: Entity) -> Party.Kind {
        let prefix = entity.normalized.split(separator: ":").first.map(String.init) ?? ""
        switch entity.attributes["kind"] ?? prefix {
        case "commune": return .commune
        case "departement": return .departement
        case "region": return .region
        case "epci": return .epci
        case "syndicat": return .syndicat
        default: return .collectivite
        }
    }

    /// A country named in the clause: "(France)" / "(Sénégal)" after an address, or the
    /// adjective of "collectivité territoriale française / sénégalaise". "FR" for France,
    /// "?<words>" for another country (the recognizer, when present, gives ISO codes).
    private func placeInClause(_ text: ConventionText, _ range: Range<Int>) -> String? {
        let f = text.folded
        for marker in ["collectivite territoriale", "collectivite locale", "autorite locale", "association", "commune", "region", "province", "ville"] {
            for at in f.find(Array(marker.utf8), in: range) {
                let after = at + marker.utf8.count + 1
                guard after < range.upperBound else { continue }
                let word = f.string(after..<min(range.upperBound, after + 20)).prefix { $0.isLetter || $0 == "-" }
                if word == "francaise" || word == "francais" { return "FR" }
                if word.count >= 5, word.hasSuffix("aise") || word.hasSuffix("ienne") || word.hasSuffix("aine") || word.hasSuffix("ine") || word.hasSuffix("oise") || word.hasSuffix("ane") || word.hasSuffix("ique") || word.hasSuffix("que") {
                    if !["publique", "politique", "unique", "juridique", "economique", "urbaine", "rurale", "territoriale", "locale", "voisine", "ukrainienne"].contains(String(word)) || word == "ukrainienne" {
                        return "?" + word
                    }
                }
            }
        }
        var i = range.lowerBound
        while i < range.upperBound {
            guard f.bytes[i] == UInt8(ascii: "(") else { i += 1; continue }
            var j = i + 1
            while j < range.upperBound, f.bytes[j] != UInt8(ascii: ")"), j - i < 40 { j += 1 }
            guard j < range.upperBound, f.bytes[j] == UInt8(ascii: ")") else { break }
            let inside = f.string((i + 1)..<j).trimmingSpaces()
            let original = text.passage(folded: (i + 1)..<j).text
            // Not a postal code, not an acronym ("(FADERMA)"), not "(ci-après …)".
            let hasDigit = inside.contains { $0.isNumber }
            let isAcronym = original == original.uppercased() && original.count <= 12 && original.count > 1 && !original.contains(" ")
            if !hasDigit, !isAcronym, inside.count >= 3, !inside.hasPrefix("ci-apres"), !inside.hasPrefix("ci apres") {
                if inside == "france" { return "FR" }
                return "?" + inside
            }
            i = j + 1
        }
        return nil
    }

    /// "(Sénégal)" or "(République du Mali)" in a designation: the country as written,
    /// upper-cased to a marker (not an ISO code) unless it is France.
    private func parenthesisedPlace(_ foldedName: String) -> String? {
        guard let open = foldedName.lastIndex(of: "("), let close = foldedName[open...].firstIndex(of: ")") else { return nil }
        let inside = foldedName[foldedName.index(after: open)..<close].trimmingSpaces()
        guard inside.count >= 3 else { return nil }
        if inside == "france" { return "FR" }
        return "?" + inside
    }

    /// The kind of body a folded designation names, from its first words.
    func classify(_ foldedName: String) -> (Party.Kind, String?) {
        var name = Substring(foldedName)
        for article in ["la ", "le ", "les ", "l'", "l ", "a la ", "au "] where name.hasPrefix(article) {
            name = name.dropFirst(article.count)
            break
        }
        func starts(_ heads: [String]) -> String? {
            heads.filter { name.hasPrefix($0 + " ") || name.hasPrefix($0 + ",") || name == Substring($0) || name.hasPrefix($0 + "-") || name.hasPrefix($0 + "'") }
                .max { $0.count < $1.count }
        }
        let state = starts(PartyReader.stateHeads)
        let foreign = starts(PartyReader.foreignLocalHeads)
        let french = starts(PartyReader.frenchHeads)
        let other = starts(PartyReader.otherHeads)
        // The longest matching head wins ("commune urbaine" over "commune").
        let candidates: [(String, Party.Kind)] = [
            state.map { ($0, Party.Kind.state) }, foreign.map { ($0, Party.Kind.foreignLocalAuthority) },
            french.map { ($0, PartyReader.frenchKind(head: $0)) }, other.map { ($0, otherKind($0)) },
        ].compactMap { $0 }
        guard let best = candidates.max(by: { $0.0.count < $1.0.count }) else {
            // Official names that end with their kind: "Brest métropole", "Rennes Métropole",
            // "Grenoble-Alpes Métropole", "Cergy-Pontoise Agglomération".
            for suffix in ["metropole", "agglomeration", "agglo"] where name.hasSuffix(" " + suffix) || name.hasSuffix("-" + suffix) {
                return (.epci, suffix == "agglo" ? "agglomeration" : suffix)
            }
            // An executive or council named after its authority: "Comité populaire de la
            // Province de Ninh Bình", "Conseil municipal de X", "Mairie centrale de Y".
            for (i, _) in name.enumerated() where i > 0 {
                let tail = name.dropFirst(i)
                guard tail.hasPrefix(" de la ") || tail.hasPrefix(" du ") || tail.hasPrefix(" de l'") || tail.hasPrefix(" de ") else { continue }
                let rest = tail.drop { $0 == " " }.drop { $0 != " " && $0 != "'" }.dropFirst()
                let (kind, head) = classify(String(rest))
                if kind == .foreignLocalAuthority || kind == .state { return (kind, head) }
                if [.commune, .departement, .region, .epci, .syndicat, .collectivite].contains(kind) { return (kind, head) }
            }
            return (.unknown, nil)
        }
        if best.1 == .state, name.contains("federe") { return (.foreignLocalAuthority, best.0) }
        return (best.1, best.0)
    }

    private func otherKind(_ head: String) -> Party.Kind {
        ["societe", "sarl", "sas", "sa", "entreprise", "gie", "groupement d'interet economique", "compagnie"].contains(head) ? .company : .association
    }

    static func frenchKind(head: String) -> Party.Kind {
        switch head {
        case "commune", "ville", "mairie": return .commune
        case "departement", "conseil departemental", "conseil general", "territoire de belfort": return .departement
        case "region", "conseil regional": return .region
        case "syndicat", "sivu", "sivom": return .syndicat
        case "metropole", "communaute de communes", "communaute d'agglomeration", "communaute urbaine", "agglomeration",
            "etablissement public de cooperation intercommunale", "eurometropole", "etablissement public territorial", "grand":
            return .epci
        default: return .collectivite
        }
    }

    // MARK: Roles

    /// French collectivité versus foreign party: entities and country marks first, then
    /// the designation's words; a party of unknown kind next to a French collectivité is
    /// read as the foreign partner only if its words say it is a local authority.
    private func assignRoles(_ parties: inout [Party]) {
        func isFrenchKind(_ k: Party.Kind) -> Bool { [.commune, .departement, .region, .epci, .syndicat, .collectivite].contains(k) }
        func isForeignCountry(_ p: Party) -> Bool { p.country.map { $0 != "FR" } ?? false }
        for i in parties.indices {
            let p = parties[i]
            if p.isFrenchOverseas && p.kind != .association && p.kind != .company {
                // An overseas collectivité, its government, one of its provinces or communes.
                parties[i].role = .frenchAuthority
                if [.state, .foreignLocalAuthority, .unknown].contains(p.kind) { parties[i].kind = .collectivite }
                continue
            }
            switch p.kind {
            case .state:
                parties[i].role = p.country == "FR" ? .other : .foreignState
            case .association, .company, .unknown:
                parties[i].role = .other
            case .foreignLocalAuthority:
                parties[i].role = p.country == "FR" ? .other : .foreignAuthority
            default:
                let frenchCode = p.normalized.map { !$0.hasPrefix("etranger:") } ?? false
                if !frenchCode, isForeignCountry(p) || (p.normalized?.hasPrefix("etranger:") ?? false) {
                    parties[i].role = .foreignAuthority
                    parties[i].kind = .foreignLocalAuthority
                } else {
                    parties[i].role = .frenchAuthority
                }
            }
        }
        // No French party, but French-looking designations whose only foreign mark is a
        // place in parentheses ("la Commune de Saint-Brieuc (Côtes-d'Armor)" next to "la
        // Commune de Mbour (République du Sénégal)"): the marks that name a State are the
        // foreign ones; when none does, the first party is read as the French one.
        if !parties.contains(where: { $0.role == .frenchAuthority }) {
            let guessed = parties.indices.filter {
                parties[$0].role == .foreignAuthority && parties[$0].normalized == nil && (parties[$0].country?.hasPrefix("?") ?? false)
                    && PartyReader.frenchKind(head: classify(FoldedText(parties[$0].name.text).string(0..<FoldedText(parties[$0].name.text).count)).1 ?? "") != .collectivite
            }
            if guessed.count >= 2 {
                let stateWords = ["republique", "royaume", "etat", "federation", "emirat", "sultanat", "principaute", "confederation"]
                let named = guessed.filter { i in stateWords.contains { parties[i].country!.contains($0) } }
                let french = guessed.filter { !named.contains($0) }
                if let pick = named.isEmpty ? guessed.first : (french.count == 1 ? french.first : nil) {
                    parties[pick].role = .frenchAuthority
                    parties[pick].country = nil
                    parties[pick].kind = PartyReader.frenchKind(head: classify(FoldedText(parties[pick].name.text).string(0..<FoldedText(parties[pick].name.text).count)).1 ?? "")
                }
            }
        }
        // Two French-looking parties with no country marks: the one without a French link
        // (INSEE code) when the recognizer gave one to the other, else the second one, is
        // the foreign partner — a convention under L1115-1 has one on each side.
        let french = parties.indices.filter { parties[$0].role == .frenchAuthority }
        if french.count >= 2, !parties.contains(where: { $0.role == .foreignAuthority || $0.role == .foreignState || $0.isFrenchOverseas }) {
            let unlinked = french.filter { parties[$0].normalized == nil && parties[$0].country != "FR" }
            let linked = french.filter { parties[$0].normalized != nil || parties[$0].country == "FR" }
            let pick: Int? = !linked.isEmpty && !unlinked.isEmpty ? unlinked.first : (linked.isEmpty ? french.last : nil)
            if let pick {
                parties[pick].role = .foreignAuthority
                parties[pick].kind = .foreignLocalAuthority
            }
        }
        _ = isFrenchKind
    }
}
