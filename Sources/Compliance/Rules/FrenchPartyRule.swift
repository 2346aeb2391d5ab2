/// `partie-francaise`: the French party is a collectivité territoriale or a groupement.
struct FrenchPartyRule: ComplianceRule {
    let id = "partie-francaise"
    let title = "Partie française : collectivité territoriale ou groupement"
    let basis = "CGCT, art. L1115-1"
    let lawText = LawTexts.l1115_1_conventions

    func evaluate(_ reading: ConventionReading) -> RuleOutcome {
        if let french = reading.parties.first(where: { $0.role == .frenchAuthority }) {
            var explanation = "La partie française est \(french.kind.frenchLabelWithArticle)"
            if let code = french.normalized { explanation += " (\(code))" }
            explanation += "."
            if !reading.deliberations.isEmpty { explanation += " Une délibération autorisant la signature est mentionnée." }
            return RuleOutcome(.ok, evidence: [french.name] + reading.deliberations.prefix(1), explanation)
        }
        if reading.parties.isEmpty {
            return RuleOutcome(.missing, "Les parties n'ont pas pu être identifiées : aucune clause « Entre … d'une part, et … d'autre part » ni titre les nommant.")
        }
        let others = reading.parties.filter { $0.role == .other }
        if let other = others.first {
            return RuleOutcome(
                .nonCompliant, evidence: others.map(\.name),
                "Aucune partie n'est une collectivité territoriale française ou un groupement : « \(other.name.text) » est \(other.kind.frenchLabelWithArticle). Seuls les collectivités et leurs groupements peuvent conclure une convention au titre de l'article L1115-1.")
        }
        return RuleOutcome(.nonCompliant, evidence: reading.parties.map(\.name), "Aucune des parties identifiées n'est une collectivité territoriale française ou un groupement.")
    }
}
