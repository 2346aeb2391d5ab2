/// The overall answer for one convention.
///
/// How it aggregates the rules:
/// - `non-conforme` when any rule is `non-conforme` or `manquant` (the text lacks, or
///   contradicts, something the law requires);
/// - else `a-verifier` when a rule is `a-verifier` *and holds the verdict*: a human must
///   check something substantive the text leaves open (the 1 % ratio without one of its
///   figures, a third party that is not a local authority, a State party in a
///   cross-border grouping, an entry-into-force clause contrary to the law);
/// - else `conforme`. Reminders about the file rather than the text (France's
///   international commitments, the transmission to the préfet after signature) are
///   reported as `a-verifier` but do not hold the verdict.
public enum Verdict: String, Sendable {
    case compliant = "conforme"
    case nonCompliant = "non-conforme"
    case toVerify = "a-verifier"

    public var frenchLabel: String {
        switch self {
        case .compliant: return "CONFORME"
        case .nonCompliant: return "NON CONFORME"
        case .toVerify: return "À VÉRIFIER"
        }
    }

    static func aggregate(_ results: [RuleResult]) -> Verdict {
        if results.contains(where: { $0.outcome.status == .nonCompliant || $0.outcome.status == .missing }) { return .nonCompliant }
        if results.contains(where: { $0.outcome.status == .toVerify && $0.outcome.holdsVerdict }) { return .toVerify }
        return .compliant
    }
}

/// One rule applied to one convention.
public struct RuleResult: Sendable {
    public var id: String
    public var title: String
    public var basis: String
    public var lawText: String
    public var outcome: RuleOutcome

    public init(rule: any ComplianceRule, outcome: RuleOutcome) {
        id = rule.id
        title = rule.title
        basis = rule.basis
        lawText = outcome.law ?? rule.lawText
        self.outcome = outcome
    }
}
