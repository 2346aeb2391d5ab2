/// `pas-d-etat-etranger`: no convention with a foreign State (CGCT L1115-5), save the
/// cross-border groupings that article allows with the préfet's prior authorization.
struct NoForeignStateRule: ComplianceRule {
    let id = "pas-d-etat-etranger"
    let title = "Pas de convention avec un État étranger"
    let basis = "CGCT, art. L1115-5"
    let lawText = LawTexts.l1115_5

    func evaluate(_ reading: ConventionReading) -> RuleOutcome {
        let states = reading.parties.filter { $0.role == .foreignState }
        guard let state = states.first else {
            if reading.parties.isEmpty {
                return RuleOutcome(.toVerify, "Les parties n'ayant pas été identifiées, l'absence d'État étranger parmi elles n'a pas pu être vérifiée.")
            }
            return RuleOutcome(.ok, evidence: reading.parties.map(\.name), "Aucune partie n'est un État étranger, son gouvernement ou l'un de ses ministères.")
        }
        if let grouping = reading.crossBorderGrouping {
            return RuleOutcome(
                .toVerify, evidence: [state.name, grouping],
                "« \(state.name.text) » est un État, mais l'accord vise un groupement de coopération transfrontalière que l'article L1115-5 admet : vérifier l'autorisation préalable du représentant de l'État dans la région.")
        }
        return RuleOutcome(
            .nonCompliant, evidence: states.map(\.name),
            "« \(state.name.text) » est un État étranger ou une administration d'État : une collectivité ne peut conclure de convention avec lui, hors les groupements transfrontaliers prévus par l'article L1115-5.")
    }
}
