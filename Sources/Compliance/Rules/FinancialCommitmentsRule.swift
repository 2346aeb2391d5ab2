/// `engagements-financiers`: the convention states the estimated amount of the financial
/// commitments.
struct FinancialCommitmentsRule: ComplianceRule {
    let id = "engagements-financiers"
    let title = "Montant prévisionnel des engagements financiers"
    let basis = "CGCT, art. L1115-1"
    let lawText = LawTexts.l1115_1_content

    func evaluate(_ reading: ConventionReading) -> RuleOutcome {
        let commitments = reading.commitments
        guard !commitments.isEmpty else {
            if let article = reading.financialArticle {
                return RuleOutcome(
                    .missing, evidence: [article],
                    "L'article financier ne chiffre aucun engagement : la loi exige le montant prévisionnel des engagements financiers dans la convention elle-même (un renvoi à des avenants ou au budget ne suffit pas).")
            }
            return RuleOutcome(.missing, "Aucun montant d'engagement financier n'a été trouvé : la loi exige que la convention précise le montant prévisionnel des engagements financiers.")
        }
        let listed = commitments.prefix(4).map { a -> String in
            switch a.period {
            case .annual: return a.formatted + " par an"
            case .total: return a.formatted + " au total"
            case .unspecified: return a.formatted
            }
        }
        let more = commitments.count > 4 ? " (et \(commitments.count - 4) autre(s))" : ""
        var evidence: [Passage] = []
        for a in commitments where !evidence.contains(where: { $0.start == a.sentence.start }) { evidence.append(a.sentence) }
        return RuleOutcome(.ok, evidence: Array(evidence.prefix(4)), "Montant(s) prévisionnel(s) indiqué(s) : \(listed.joined(separator: " ; "))\(more).")
    }
}
