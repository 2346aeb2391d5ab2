/// `objet`: the convention states the object of the actions envisaged.
struct ObjectRule: ComplianceRule {
    let id = "objet"
    let title = "Objet des actions envisagées"
    let basis = "CGCT, art. L1115-1"
    let lawText = LawTexts.l1115_1_content

    func evaluate(_ reading: ConventionReading) -> RuleOutcome {
        guard let object = reading.object else {
            return RuleOutcome(.missing, "Aucun article « Objet » ni phrase « a pour objet » décrivant les actions envisagées : la loi exige que la convention précise l'objet des actions.")
        }
        let where_ = object.article.map { "L'\($0.lowercased()) " } ?? "Le texte "
        return RuleOutcome(.ok, evidence: [object], where_ + "énonce l'objet des actions envisagées.")
    }
}
