/// `engagements-internationaux`: the action respects France's international commitments.
/// A text cannot prove it; the rule is `a-verifier` unless the convention settles it.
struct InternationalCommitmentsRule: ComplianceRule {
    let id = "engagements-internationaux"
    let title = "Respect des engagements internationaux de la France"
    let basis = "CGCT, art. L1115-1"
    let lawText = LawTexts.l1115_1_al1

    func evaluate(_ reading: ConventionReading) -> RuleOutcome {
        if let clause = reading.internationalCommitments {
            return RuleOutcome(.ok, evidence: [clause], "La convention s'inscrit expressément dans le respect des engagements internationaux de la France.")
        }
        return RuleOutcome(
            .toVerify,
            "Le texte ne dit rien des engagements internationaux de la France : vérifier que le partenaire et le pays ne sont pas visés par des mesures restrictives (sanctions, avis du ministère des Affaires étrangères).",
            holdsVerdict: false)
    }
}
