import Entities

/// Reads the convention's duration or term: "conclue pour une durée de trois ans",
/// "pour une période de 36 mois", "jusqu'au 31 décembre 2026", "pour la période
/// 2024-2026", "convention triennale", "durée indéterminée", "tacite reconduction".
struct DurationReader: Sendable {
    private static let numberWords: [(String, Int)] = [
        ("un", 1), ("une", 1), ("deux", 2), ("trois", 3), ("quatre", 4), ("cinq", 5), ("six", 6), ("sept", 7),
        ("huit", 8), ("neuf", 9), ("dix", 10), ("onze", 11), ("douze", 12), ("quinze", 15), ("dix-huit", 18),
        ("vingt-quatre", 24), ("trente-six", 36), ("quarante-huit", 48), ("soixante", 60),
    ]

    /// Looks first in the articles about duration ("Durée", "Entrée en vigueur",
    /// "Validité"), then in all articles, then anywhere (a preamble recalling a former
    /// agreement's duration must not win over the convention's own clause).
    func read(_ text: ConventionText, entities: [Entity]) -> DurationClause? {
        let f = text.folded
        let tacit = f.contains("tacite reconduction") || f.contains("reconduite tacitement") || f.contains("reconduction tacite")
        var scopes: [[Range<Int>]] = []
        let durationArticles = text.articles.filter {
            FoldedText($0.foldedTitle).containsAny(["duree", "validite", "entree en vigueur", "prise d'effet", "effet", "terme", "reconduction"])
        }
        if !durationArticles.isEmpty {
            scopes.append(durationArticles.map { f.foldedIndex(ofOriginal: $0.start)..<f.foldedIndex(ofOriginal: $0.end) })
        }
        if let first = text.articles.first, let last = text.articles.last {
            scopes.append([f.foldedIndex(ofOriginal: first.start)..<f.foldedIndex(ofOriginal: last.end)])
        }
        scopes.append([0..<f.count])
        for scope in scopes {
            for range in scope {
                if let clause = read(text, in: range, tacit: tacit) { return clause }
            }
        }
        return nil
    }

    private func read(_ text: ConventionText, in scope: Range<Int>, tacit: Bool) -> DurationClause? {
        let f = text.folded
        if let at = f.firstOf(["duree indeterminee", "duree illimitee", "sans limitation de duree"], in: scope) {
            return DurationClause(indefinite: true, tacitRenewal: tacit, passage: text.sentence(around: f.originalStart(at.at)))
        }
        // A length: "durée de trois ans", "pour une durée d'un an", "conclue pour 3 ans", "période de 36 mois".
        for marker in ["duree de", "duree d'", "pour une duree", "pour une periode de", "periode de", "conclue pour", "conclu pour", "signee pour", "valable pour", "valable", "pour une duree totale de", "d'une duree de"] {
            for at in f.find(Array(marker.utf8), in: scope) {
                let from = at + marker.utf8.count
                let window = f.string(from..<min(f.count, from + 50))
                let sentence = text.sentence(around: f.originalStart(at))
                if let months = length(in: window), !recallsAnotherAct(sentence) {
                    return DurationClause(months: months, tacitRenewal: tacit, passage: sentence)
                }
            }
        }
        // A term: "jusqu'au 31 décembre 2026", "prend fin le …", "expire le …", "s'achève le …".
        for marker in ["jusqu'au", "prend fin le", "prendra fin le", "expire le", "expirera le", "s'acheve le", "s'achevera le", "au plus tard le", "terme le"] {
            for at in f.find(Array(marker.utf8), in: scope) {
                var from = at + marker.utf8.count
                if from < f.count, f.bytes[from] == 0x20 { from += 1 }
                let rest = Substring(f.string(from..<min(f.count, from + 40)))
                let sentence = text.sentence(around: f.originalStart(at))
                if let (iso, _) = FrenchDate.parse(rest), !recallsAnotherAct(sentence) {
                    return DurationClause(until: iso, tacitRenewal: tacit, passage: sentence)
                }
            }
        }
        // A term tied to the mandate of the assembly: "pour la durée du mandat municipal en
        // cours", "jusqu'à la fin de la mandature", "jusqu'au prochain renouvellement général
        // du conseil" — a determinable term, its date given by the electoral calendar.
        for marker in ["duree du mandat", "duree de la mandature", "fin du mandat", "terme du mandat", "fin de la mandature", "prochain renouvellement"] {
            for at in f.find(Array(marker.utf8), in: scope) {
                let sentence = text.sentence(around: f.originalStart(at))
                if !recallsAnotherAct(sentence) { return DurationClause(tacitRenewal: tacit, passage: sentence) }
            }
        }
        // A period of years: "pour la période 2024-2026", "2016/2017/2018", "de 2024 à 2026".
        for marker in ["periode", "pour les annees", "au titre des annees", "programme", "convention"] {
            for at in f.find(Array(marker.utf8), in: scope) {
                let from = at + marker.utf8.count
                let window = f.string(from..<min(f.count, from + 30))
                let sentence = text.sentence(around: f.originalStart(at))
                if let years = yearSpan(window), !recallsAnotherAct(sentence) {
                    return DurationClause(months: years * 12, tacitRenewal: tacit, passage: sentence)
                }
            }
        }
        // "convention triennale", "accord quinquennal".
        for (word, months) in [("triennale", 36), ("triennal", 36), ("biennale", 24), ("quadriennale", 48), ("quinquennale", 60), ("quinquennal", 60), ("annuelle", 12)] {
            for at in f.find(Array(word.utf8), in: scope) {
                let sentence = text.sentence(around: f.originalStart(at))
                if FoldedText(sentence.text).containsAny(["convention", "accord", "partenariat", "programme"]), !recallsAnotherAct(sentence) {
                    return DurationClause(months: months, tacitRenewal: tacit, passage: sentence)
                }
            }
        }
        return nil
    }

    /// A sentence that recalls another act does not state this convention's term: a "Vu …"
    /// recital, or the story of a former agreement ("ont signé le 9 novembre 2007 un accord
    /// … pour une durée de 5 ans", "leur première convention … triennale en 2010", "s'est
    /// engagée en 2010 sur un programme triennal"), unless it speaks of the present act.
    private func recallsAnotherAct(_ sentence: Passage) -> Bool {
        let s = FoldedText(sentence.text)
        let start = s.string(0..<min(s.count, 12))
        if start.hasPrefix("vu ") || start.hasPrefix("considerant") { return true }
        if s.containsAny(["present accord", "present protocole", "present avenant", "presente convention", "presente charte", "presentes"]) { return false }
        return s.containsAny([
            "ont signe*", "avaient signe*", "avait signe*", "a signe*", "a ete signe*", "ont ete signe*", "avait ete signe*",
            "a ete conclu*", "avait ete conclu*", "ont conclu*", "avaient conclu*", "s'est engage*", "se sont engage*",
            "s'etait engage*", "premiere convention", "precedente convention", "convention precedente", "ancienne convention",
            "convention initiale", "precedent accord", "accord precedent",
        ])
    }

    /// "trois (3) ans", "36 mois", "un an", "deux années" at the start of the window → months.
    private func length(in window: String) -> Int? {
        var rest = Substring(window).drop { $0 == " " }
        var n: Int?
        let digits = rest.prefix { $0.isNumber }
        if !digits.isEmpty {
            n = Int(digits)
            rest = rest.dropFirst(digits.count)
        } else {
            for (word, value) in DurationReader.numberWords.sorted(by: { $0.0.count > $1.0.count })
            where rest.hasPrefix(word + " ") || rest.hasPrefix(word + "(") {
                n = value
                rest = rest.dropFirst(word.count)
                break
            }
        }
        guard let count = n, count > 0 else { return nil }
        rest = rest.drop { $0 == " " }
        if rest.hasPrefix("(") { rest = rest.drop { $0 != ")" }.dropFirst().drop { $0 == " " } }
        if rest.hasPrefix("ans") || rest.hasPrefix("an ") || rest.hasPrefix("an,") || rest.hasPrefix("an.") || rest == "an" || rest.hasPrefix("annee") { return count * 12 }
        if rest.hasPrefix("mois") { return count }
        return nil
    }

    /// "2024-2026", "2024 a 2026", "2016/2017/2018" → number of years covered.
    private func yearSpan(_ window: String) -> Int? {
        let years = window.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.filter { $0 >= 1950 && $0 <= 2150 }
        guard years.count >= 2, let first = years.first, let last = years.last, last > first, last - first <= 15 else { return nil }
        return last - first + 1
    }
}
