/// `partie-etrangere`: the other party is a foreign local authority or a groupement of them.
struct ForeignPartyRule: ComplianceRule {
    let id = "partie-etrangere"
    let title = "Partie étrangère : autorité locale étrangère ou groupement"
    let basis = "CGCT, art. L1115-1"
    let lawText = LawTexts.l1115_1_conventions

    func evaluate(_ reading: ConventionReading) -> RuleOutcome {
        let nonFrench = reading.parties.filter { $0.role != .frenchAuthority }
        if let foreign = reading.parties.first(where: { $0.role == .foreignAuthority }) {
            let others = nonFrench.filter { $0.role == .other }
            var explanation = "La partie étrangère est une autorité locale étrangère"
            if let c = foreign.country, !c.hasPrefix("?") { explanation += " (\(c))" }
            explanation += "."
            if let o = others.first {
                // A third party that is not a local authority (association, company) may sign
                // alongside, but the convention under L1115-1 binds the authorities.
                explanation += " Une autre partie, « \(o.name.text) », n'est pas une autorité locale : vérifier qu'elle n'est associée qu'à l'exécution."
                return RuleOutcome(.toVerify, evidence: [foreign.name, o.name], explanation)
            }
            return RuleOutcome(.ok, evidence: [foreign.name], explanation)
        }
        if reading.parties.isEmpty {
            return RuleOutcome(.missing, "Aucune partie étrangère n'a pu être identifiée dans le texte.")
        }
        if let state = nonFrench.first(where: { $0.role == .foreignState }) {
            return RuleOutcome(.nonCompliant, evidence: [state.name], "La partie étrangère « \(state.name.text) » est un État ou une administration d'État, non une autorité locale.")
        }
        if let other = nonFrench.first {
            return RuleOutcome(
                .nonCompliant, evidence: [other.name],
                "La partie étrangère « \(other.name.text) » n'est pas une autorité locale étrangère (\(other.kind.frenchLabel)). Une convention de l'article L1115-1 se conclut avec des autorités locales étrangères ; un partenariat avec une association ou une entreprise relève d'un autre cadre (subvention, marché).")
        }
        if let overseas = reading.parties.first(where: { $0.role == .frenchAuthority && $0.isFrenchOverseas }) {
            // Both parties are French: cooperation between French collectivités, not the
            // external action of L1115-1.
            let code = overseas.country.map { String($0.dropFirst(3)) } ?? ""
            return RuleOutcome(
                .notApplicable, evidence: [overseas.name],
                "« \(overseas.name.text) » relève d'une collectivité française d'outre-mer (\(code)) : ce n'est pas une autorité locale étrangère. Une convention entre collectivités françaises ne relève pas de l'action extérieure des collectivités (article L1115-1) ; l'exigence d'une partie étrangère est sans objet.")
        }
        return RuleOutcome(.missing, evidence: reading.parties.map(\.name), "Seule la partie française a été identifiée : aucune autorité locale étrangère n'est nommée comme partie.")
    }
}
