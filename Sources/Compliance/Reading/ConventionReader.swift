import Entities
import Extraction

/// Reads a convention's structure and wording into a `ConventionReading`: nature of the
/// document, parties, object, money, capped budgets, duration, signature, transmission
/// to the préfet. Works from the text alone; the recognizer's entities (collectivités
/// with INSEE codes, countries, dates, amounts), when given, link and sharpen it.
public struct ConventionReader: Sendable {
    public init() {}

    public func read(_ document: Document, entities: [Entity] = []) -> ConventionReading {
        let text = ConventionText(document)
        var reading = ConventionReading(nature: .unknown)
        reading.parties = PartyReader().read(text, entities: entities)
        (reading.nature, reading.natureEvidence) = nature(text, hasParties: reading.parties.count >= 2)
        reading.object = object(text)
        let amounts = AmountReader().read(text, entities: entities)
        reading.financialArticle = articleHeading(text, matching: ConventionReader.financialTitles)
        (reading.commitments, reading.cappedBudgetResources) = classify(amounts, text)
        reading.cappedFunding = cappedFunding(text)
        reading.duration = DurationReader().read(text, entities: entities)
        reading.entryIntoForce = firstSentence(text, containing: ["entre en vigueur", "entrera en vigueur", "prend effet", "prendra effet", "entree en vigueur"])
        reading.transmission = transmission(text, parties: reading.parties)
        reading.signature = SignatureReader().read(text, parties: reading.parties, entities: entities)
        // The deliberations that authorize the signature come first.
        let deliberations = sentences(text, containing: ["deliberation"]).filter { !$0.text.isEmpty }
        let authorizing = deliberations.filter { FoldedText($0.text).containsAny(["autoris*", "habilit*", "approuv*", "en vertu"]) }
        reading.deliberations = authorizing + deliberations.filter { d in !authorizing.contains { $0.start == d.start } }
        // A recital that quotes the law ("Vu le code …, qui permet … dans le respect des
        // engagements internationaux de la France") recalls the rule, it does not settle it.
        reading.internationalCommitments = sentences(text, containing: ["engagements internationaux de la france", "engagements internationaux souscrits par la france"])
            .first { !FoldedText($0.text).bytes.starts(with: Array("vu ".utf8)) }
        reading.crossBorderGrouping = firstSentence(text, containing: [
            "groupement europeen de cooperation territoriale", "gect", "groupement euroregional de cooperation",
            "groupement local de cooperation transfrontaliere", "glct",
        ])
        return reading
    }

    // MARK: Nature

    private func nature(_ text: ConventionText, hasParties: Bool) -> (ConventionReading.Nature, Passage?) {
        let f = text.folded
        // The title: the document's own, else its first lines.
        var headEnd = min(f.count, 400)
        if let title = text.document.title, let at = f.first(String(decoding: FoldedText(title).bytes, as: UTF8.self)) {
            headEnd = max(headEnd, min(f.count, at + title.utf8.count + 10))
        }
        let head = 0..<headEnd
        let conventionWords = ["convention", "accord de cooperation", "protocole d'accord", "accord-cadre", "accord cadre", "charte de cooperation", "avenant", "contrat"]
        let aidWords = ["aide d'urgence", "aide humanitaire d'urgence", "secours d'urgence", "urgence humanitaire", "aide humanitaire", "aide exceptionnelle", "catastrophe"]
        let decisionWords = ["deliberation", "decide", "decision", "arrete", "extrait du registre", "le conseil municipal", "le conseil departemental", "le conseil regional", "le conseil communautaire", "apres en avoir delibere"]
        if hasParties, let at = f.firstOf(conventionWords, in: head) {
            return (.convention, text.sentence(around: f.originalStart(at.at)))
        }
        // An emergency-aid decision says so in its heading (title, "Objet :" line), which
        // also names the decision (délibération, arrêté, décision); a brochure that speaks
        // of humanitarian aid somewhere is not one.
        let decisionHead = 0..<min(f.count, max(headEnd, 900))
        if let aid = f.firstOf(aidWords, in: decisionHead), f.containsAny(decisionWords, in: decisionHead) {
            // A decision that only grants emergency aid: no "d'une part / d'autre part".
            if !hasParties || !f.containsAny(["d'une part", "d'autre part"]) {
                return (.emergencyAid, text.sentence(around: f.originalStart(aid.at)))
            }
        }
        if let at = f.firstOf(conventionWords, in: head) {
            return (.convention, text.sentence(around: f.originalStart(at.at)))
        }
        if hasParties { return (.convention, nil) }
        return (.unknown, nil)
    }

    // MARK: Object

    /// Bounds that keep a huge non-convention fast: a convention has a few dozen amounts
    /// and funding sentences, never thousands.
    static let maximumAmounts = 2000
    static let maximumSentences = 400

    static let objectTitles = ["objet", "objectif", "objectifs", "but", "finalite"]
    static let financialTitles = [
        "engagements financiers", "financier", "financiers", "financiere", "financieres", "financement", "financements",
        "budget", "contribution", "contributions", "participation", "cout", "moyens", "dotation", "subvention",
    ]

    private func object(_ text: ConventionText) -> Passage? {
        for article in text.articles where titleMatches(article.foldedTitle, ConventionReader.objectTitles) {
            if let body = articleBody(text, article, maxBytes: 600) { return body }
        }
        if let sentence = firstSentence(text, containing: [
            "a pour objet", "ont pour objet", "a pour but", "ont pour but", "a pour objectif", "ont pour objectif",
            "objet de la presente convention", "la presente convention vise", "le present accord vise", "a pour finalite",
        ]) {
            return sentence
        }
        return undertaking(text)
    }

    /// Without an object clause, the parties' undertaking to act states what they will do:
    /// "nous prenons l'engagement solennel de maintenir des liens permanents …, de favoriser
    /// en tous domaines les échanges …" (a jumelage oath), "les parties s'engagent à
    /// développer …". An undertaking to pay is a financial commitment, not an object.
    private func undertaking(_ text: ConventionText) -> Passage? {
        let f = text.folded
        let actions = ["maintenir", "favoriser", "developper", "promouvoir", "renforcer", "cooperer", "mener", "mettre en oeuvre", "echanger", "soutenir", "conjuguer"]
        for marker in ["prenons l'engagement", "prennent l'engagement", "s'engagent a", "s'engagent mutuellement a", "nous engageons a"] {
            for at in f.find(Array(marker.utf8)) {
                let o = f.originalStart(at)
                var sentence = text.sentence(around: o)
                let markerEnd = f.originalEnd(at + marker.utf8.count)
                // "En ce jour nous prenons l'engagement solennel" heading the paragraph that says what.
                if sentence.end <= markerEnd + 15 {
                    var next = sentence.end
                    while next < text.utf8.count, ConventionText.isSpace(text.utf8[next]) { next += 1 }
                    guard next < text.utf8.count else { continue }
                    let following = text.sentence(around: next)
                    sentence = text.passage(sentence.start, following.end)
                }
                let words = FoldedText(text.string(markerEnd, sentence.end))
                if words.containsAny(actions), !words.containsAny(["verser", "payer", "financer", "rembourser"]) { return sentence }
            }
        }
        return nil
    }

    /// The article's body (after its heading), cut to whole sentences within `maxBytes`;
    /// nil when the body is empty or a placeholder ("[à compléter]", "…").
    private func articleBody(_ text: ConventionText, _ article: ArticleSection, maxBytes: Int) -> Passage? {
        var end = min(article.end, article.bodyStart + maxBytes)
        if end < article.end {
            let r = text.sentenceRange(around: end)
            end = r.lowerBound > article.bodyStart ? r.lowerBound : min(article.end, r.upperBound)
        }
        let p = text.passage(article.bodyStart, end)
        let letters = p.text.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        let f = FoldedText(p.text)
        if letters < 25 || f.containsAny(["a completer", "a preciser", "neant", "xxx"]) && letters < 60 { return nil }
        return p
    }

    private func articleHeading(_ text: ConventionText, matching titles: [String]) -> Passage? {
        guard let a = text.articles.first(where: { titleMatches($0.foldedTitle, titles) }) else { return nil }
        return text.passage(a.start, a.bodyStart > a.start ? a.bodyStart : min(a.end, a.start + 80))
    }

    private func titleMatches(_ foldedTitle: String, _ words: [String]) -> Bool {
        let f = FoldedText(foldedTitle)
        return f.containsAny(words)
    }

    // MARK: Money

    /// Splits amounts into commitments and resources of a capped budget.
    private func classify(_ amounts: [Amount], _ text: ConventionText) -> ([Amount], [Amount]) {
        var commitments: [Amount] = []
        var resources: [Amount] = []
        let financial = text.articles.filter { titleMatches($0.foldedTitle, ConventionReader.financialTitles) }
        let f = text.folded
        for amount in amounts.prefix(ConventionReader.maximumAmounts) {
            let sentence = f.foldedIndex(ofOriginal: amount.sentence.start)..<f.foldedIndex(ofOriginal: amount.sentence.end)
            let local = f.foldedIndex(ofOriginal: max(amount.sentence.start, amount.passage.start - 90))..<f.foldedIndex(ofOriginal: amount.passage.end)
            let isResource = f.containsAny(["ressources", "recettes", "produit de la", "produit du"], in: local)
                || (f.containsAny(["budget annexe", "budget de l'eau", "budget du service", "budgets des services", "budget de l'assainissement", "budget eau", "budget assainissement"], in: local)
                    && f.containsAny(["s'eleve*", "est de", "sont de", "represent*", "atteint*", "montant total", "total"], in: sentence))
            if isResource {
                resources.append(amount)
                continue
            }
            let inFinancialArticle = financial.contains { amount.passage.start >= $0.start && amount.passage.start < $0.end }
            let financialWords = f.containsAny([
                "engag*", "vers*", "contribu*", "subvention*", "financ*", "allou*", "apport*", "particip*", "dotation*",
                "montant*", "budget*", "prend en charge", "prise en charge", "consacr*", "mobilis*", "aide*", "cofinanc*",
                "somme*", "enveloppe*", "credit*", "attribu*", "octroi*",
            ], in: sentence)
            if inFinancialArticle || financialWords { commitments.append(amount) }
        }
        return (commitments, resources)
    }

    /// Sentences saying the actions are funded on a budget capped by L1115-1-1 to L1115-3.
    private func cappedFunding(_ text: ConventionText) -> [CappedFunding] {
        let funding = [
            "budget annexe", "budget de l'eau", "budget eau", "budget assainissement", "budget de l'assainissement",
            "budget du service", "budgets des services", "budget des services", "budgets de ces services", "budget dechets",
            "budget des dechets", "budget mobilite", "budget transports", "budget des transports", "ressources", "recettes",
            "1 %", "1%", "1 pour cent", "un pour cent", "oudin", "santini", "2005-95", "1115-1-1", "1115-2", "1115-3", "l1115-1-1",
            "versement mobilite", "teom", "reom", "redevance",
        ]
        let domains: [(CappedFunding.Domain, [String])] = [
            (.water, ["eau potable", "assainissement", "service de l'eau", "services de l'eau", "budget de l'eau", "budget eau", "oudin", "2005-95", "services d'eau", "service d'eau", "1115-1-1", "l1115-1-1"]),
            (.energy, ["electricite", "gaz", "distribution d'energie"]),
            (.waste, ["dechets", "ordures menageres", "teom", "reom", "1115-2"]),
            (.mobility, ["mobilite", "transports urbains", "transport public", "versement mobilite", "versement transport", "1115-3"]),
        ]
        var out: [CappedFunding] = []
        var seen = Set<Int>()
        var examined: [Range<Int>] = []
        let f = text.folded
        for marker in funding {
            for at in f.find(Array(marker.utf8)) where examined.count < ConventionReader.maximumSentences {
                let o = f.originalStart(at)
                // One look per sentence: skip a mark inside a sentence already read.
                if examined.contains(where: { $0.contains(o) }) { continue }
                let range = text.sentenceRange(around: o)
                examined.append(range)
                let sentence = text.passage(range.lowerBound, range.upperBound)
                guard !seen.contains(sentence.start) else { continue }
                let s = FoldedText(sentence.text)
                // A recital quoting the law ("Vu la loi Oudin…") is not a funding decision.
                if s.containsAny(["vu la loi", "vu le code", "vu l'article"]), !s.containsAny(["impute*", "preleve*", "finance sur", "financee sur", "finances sur", "sur le budget", "budget annexe"]) { continue }
                for (domain, words) in domains where s.containsAny(words) {
                    seen.insert(sentence.start)
                    out.append(CappedFunding(domain: domain, passage: sentence))
                    break
                }
            }
        }
        return out.sorted { $0.passage.start < $1.passage.start }
    }

    // MARK: Transmission to the préfet

    private func transmission(_ text: ConventionText, parties: [Party]) -> Passage? {
        let f = text.folded
        let partyRanges = parties.map { $0.clause.start..<max($0.clause.end, $0.clause.start + 1) }
        for marker in ["representant de l'etat", "prefet", "prefete", "prefecture", "controle de legalite", "sous-prefecture"] {
            for at in f.find(Array(marker.utf8)) {
                let o = f.originalStart(at)
                if partyRanges.contains(where: { $0.contains(o) }) { continue }
                let sentence = text.sentence(around: o)
                let s = FoldedText(sentence.text)
                if s.containsAny(["transmi*", "controle de legalite", "executoire*", "depot", "depos*", "adress*", "notifi*", "communiqu*"]) {
                    return sentence
                }
            }
        }
        return nil
    }

    // MARK: Sentences

    /// The first sentence containing one of `patterns`, outside article headings
    /// ("Article 4 – Durée et entrée en vigueur" names a subject, it states nothing).
    func firstSentence(_ text: ConventionText, containing patterns: [String]) -> Passage? {
        var best: Int?
        for p in patterns {
            for at in text.folded.find(Array(p.utf8)) {
                let o = text.folded.originalStart(at)
                if let a = text.article(at: o), o < a.bodyStart { continue }
                if best == nil || o < best! { best = o }
                break
            }
        }
        return best.map { text.sentence(around: $0) }
    }

    func sentences(_ text: ConventionText, containing patterns: [String]) -> [Passage] {
        var out: [Passage] = []
        var seen = Set<Int>()
        for p in patterns {
            for at in text.folded.find(Array(p.utf8)) {
                let s = text.sentence(around: text.folded.originalStart(at))
                if seen.insert(s.start).inserted { out.append(s) }
            }
        }
        return out.sorted { $0.start < $1.start }
    }
}
