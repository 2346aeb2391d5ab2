/// `plafond-1-pourcent`: actions funded on the water and sanitation, electricity and gas,
/// waste or mobility budgets stay within 1 % of the resources allocated to those budgets.
struct OnePercentCapRule: ComplianceRule {
    let id = "plafond-1-pourcent"
    let title = "Plafond de 1 % des budgets eau, énergie, déchets, mobilité"
    let basis = "CGCT, art. L1115-1-1 (eau, assainissement, électricité, gaz), L1115-2 (déchets), L1115-3 (mobilité)"
    /// The three caps, one per line: L1115-1-1, L1115-2, L1115-3.
    let lawText = [LawTexts.l1115_1_1, LawTexts.l1115_2, LawTexts.l1115_3].joined(separator: "\n")

    func evaluate(_ reading: ConventionReading) -> RuleOutcome {
        let funding = reading.cappedFunding
        let resources = reading.cappedBudgetResources.filter { $0.currency == "EUR" }
        if funding.isEmpty && resources.isEmpty {
            return RuleOutcome(.notApplicable, "Aucun financement sur un budget d'eau, d'assainissement, d'électricité et de gaz, de déchets ou de mobilité n'est mentionné : le plafond de 1 % ne s'applique pas.")
        }
        let domains = Array(Set(funding.map(\.domain.rawValue))).sorted()
        // The article of each budget concerned.
        var articles: [String] = []
        for d in CappedFunding.Domain.allCases where funding.contains(where: { $0.domain == d }) {
            let text = d == .waste ? LawTexts.l1115_2 : d == .mobility ? LawTexts.l1115_3 : LawTexts.l1115_1_1
            if !articles.contains(text) { articles.append(text) }
        }
        let law = articles.isEmpty ? nil : articles.joined(separator: "\n")
        let domainText = domains.isEmpty ? "un budget plafonné" : "le budget « " + domains.joined(separator: " », « ") + " »"
        // The commitment funded on the capped budget: the amounts in the sentences that
        // name that budget, else all commitments (an upper bound).
        let fundingStarts = Set(funding.map(\.passage.start))
        var funded = reading.commitments.filter { $0.currency == "EUR" && fundingStarts.contains($0.sentence.start) }
        let fromFundingSentence = !funded.isEmpty
        if funded.isEmpty { funded = reading.commitments.filter { $0.currency == "EUR" } }
        var evidence = funding.prefix(2).map(\.passage)
        // L1115-1-1 and L1115-2 open the 1 % to communes, EPCI and syndicats mixtes only.
        var eligibility = ""
        if let french = reading.parties.first(where: { $0.role == .frenchAuthority }), french.kind == .departement || french.kind == .region,
            funding.contains(where: { $0.domain != .mobility })
        {
            eligibility = " En outre, la partie française est \(french.kind.frenchLabelWithArticle) : les articles L1115-1-1 et L1115-2 ne visent que les communes, les EPCI et les syndicats mixtes chargés de ces services."
        }
        guard !funded.isEmpty, !resources.isEmpty else {
            evidence += resources.prefix(1).map(\.sentence)
            let missing = funded.isEmpty ? "le montant engagé sur ce budget" : "le montant des ressources affectées à ce budget"
            return RuleOutcome(.toVerify, evidence: evidence, "L'action est financée sur \(domainText), mais le texte ne donne pas \(missing) : le rapport aux 1 % ne peut pas être calculé." + eligibility, law: law)
        }
        let years = reading.duration?.years
        var annual = 0.0
        var notes: [String] = []
        for a in funded {
            switch a.period {
            case .annual: annual += a.value
            case .total:
                if let y = years, y >= 1 { annual += a.value / y; notes.append("\(a.formatted) au total ramenés à l'année sur \(Self.number(y)) an(s)") } else { annual += a.value }
            case .unspecified: annual += a.value
            }
        }
        let budget = resources.reduce(0) { $0 + $1.value }
        let ratio = annual / budget * 100
        for p in funded.prefix(2).map(\.sentence) + resources.prefix(2).map(\.sentence) where !evidence.contains(where: { $0.start == p.start }) {
            evidence.append(p)
        }
        var explanation = "Engagement annuel de \(Amount.format(annual, currency: "EUR")) sur \(domainText) pour \(Amount.format(budget, currency: "EUR")) de ressources : \(Self.percent(ratio))"
        if !notes.isEmpty { explanation += " (" + notes.joined(separator: " ; ") + ")" }
        if !fromFundingSentence { explanation += " ; faute de montant rattaché au budget plafonné, tous les engagements sont comptés" }
        if ratio <= 1.0 {
            if !eligibility.isEmpty { return RuleOutcome(.toVerify, evidence: evidence, explanation + ", dans la limite de 1 %." + eligibility, law: law) }
        return RuleOutcome(.ok, evidence: evidence, explanation + ", dans la limite de 1 %.", law: law)
        }
        return RuleOutcome(.nonCompliant, evidence: evidence, explanation + ", au-delà du plafond de 1 % des ressources affectées au budget." + eligibility, law: law)
    }

    static func percent(_ r: Double) -> String {
        let rounded = (r * 100).rounded() / 100
        return String(rounded).replacingOccurrences(of: ".", with: ",") + " %"
    }

    static func number(_ y: Double) -> String {
        y == y.rounded() ? String(Int(y)) : String(y).replacingOccurrences(of: ".", with: ",")
    }
}
