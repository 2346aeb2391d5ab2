/// `duree`: the convention states its duration or term.
struct DurationRule: ComplianceRule {
    let id = "duree"
    let title = "Durée ou terme de la convention"
    let basis = "CGCT, art. L1115-1 (action annuelle ou pluriannuelle)"
    let lawText = LawTexts.l1115_1_al1

    func evaluate(_ reading: ConventionReading) -> RuleOutcome {
        guard let d = reading.duration else {
            return RuleOutcome(.missing, "Aucune durée ni date de fin n'est indiquée : une collectivité ne peut s'engager sans terme, et l'action doit être annuelle ou pluriannuelle.")
        }
        if d.indefinite {
            return RuleOutcome(.nonCompliant, evidence: [d.passage], "Convention conclue pour une durée indéterminée : une collectivité ne peut s'engager sans terme, l'action doit être annuelle ou pluriannuelle.")
        }
        var explanation: String
        if let months = d.months {
            explanation = months % 12 == 0 ? "Conclue pour \(months / 12) an(s)." : "Conclue pour \(months) mois."
        } else if let until = d.until {
            explanation = "Conclue jusqu'au \(until)."
        } else {
            explanation = "Durée indiquée."
        }
        if d.tacitRenewal { explanation += " Renouvelable par tacite reconduction : chaque reconduction engage la collectivité sans nouvelle délibération, à vérifier." }
        var evidence = [d.passage]
        if let e = reading.entryIntoForce, e.start != d.passage.start { evidence.append(e) }
        return RuleOutcome(.ok, evidence: evidence, explanation)
    }
}
