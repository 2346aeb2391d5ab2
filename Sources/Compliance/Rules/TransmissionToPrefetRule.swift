/// `transmission-prefet`: the convention enters into force on transmission to the
/// State's representative (préfet), under the legality control.
struct TransmissionToPrefetRule: ComplianceRule {
    let id = "transmission-prefet"
    let title = "Entrée en vigueur à la transmission au représentant de l'État"
    let basis = "CGCT, art. L1115-1"
    let lawText = LawTexts.l1115_1_entryIntoForce

    func evaluate(_ reading: ConventionReading) -> RuleOutcome {
        if let t = reading.transmission {
            return RuleOutcome(.ok, evidence: [t], "Le texte prévoit la transmission au représentant de l'État (contrôle de légalité), condition de son entrée en vigueur.")
        }
        // A clause that sets entry into force on signature contradicts the law.
        if let e = reading.entryIntoForce {
            let f = FoldedText(e.text)
            if f.containsAny(["signature", "signee", "date de sa conclusion"]) {
                return RuleOutcome(
                    .toVerify, evidence: [e],
                    "La convention dit entrer en vigueur à sa signature, alors que la loi subordonne son entrée en vigueur à sa transmission au représentant de l'État : la clause est sans effet avant cette transmission, à corriger ou à vérifier.")
            }
        }
        return RuleOutcome(
            .toVerify, evidence: reading.entryIntoForce.map { [$0] } ?? [],
            "Le texte ne mentionne pas la transmission au représentant de l'État : rappel, la convention n'entre en vigueur qu'une fois transmise (vérifier l'accusé de réception de la préfecture).",
            holdsVerdict: false)
    }
}
