/// The status of one rule for one convention (the contract's strings).
public enum RuleStatus: String, Sendable, CaseIterable {
    case ok
    case missing = "manquant"
    case nonCompliant = "non-conforme"
    case toVerify = "a-verifier"
    case notApplicable = "sans-objet"

    /// The mark shown in the French report.
    public var symbol: String {
        switch self {
        case .ok: return "✓"
        case .missing, .nonCompliant: return "✗"
        case .toVerify: return "?"
        case .notApplicable: return "–"
        }
    }

    public var frenchLabel: String {
        switch self {
        case .ok: return "conforme"
        case .missing: return "manquant"
        case .nonCompliant: return "non conforme"
        case .toVerify: return "à vérifier"
        case .notApplicable: return "sans objet"
        }
    }
}

/// What a rule concluded, with the passages behind it.
public struct RuleOutcome: Sendable {
    public var status: RuleStatus
    public var evidence: [Passage]
    /// One or two French sentences for a lawyer: what was found and why it matters.
    public var explanation: String
    /// Whether an `a-verifier` status makes the whole convention `a-verifier`. False for
    /// reminders that concern the file rather than the text (France's international
    /// commitments, the transmission to the préfet once signed): they are listed but do
    /// not hold the verdict. `manquant` and `non-conforme` always make it `non-conforme`.
    public var holdsVerdict: Bool
    /// The words of the law that decided this outcome, when only part of the rule's
    /// `lawText` applies (the 1 % article of the budget concerned); nil for all of it.
    public var law: String?

    public init(_ status: RuleStatus, evidence: [Passage] = [], _ explanation: String, holdsVerdict: Bool = true, law: String? = nil) {
        self.status = status
        self.evidence = evidence
        self.explanation = explanation
        self.holdsVerdict = holdsVerdict
        self.law = law
    }
}

/// One check of a convention against the law. Each rule is one type, in its own file,
/// carrying its stable id, its title, its legal basis and the exact words of the law it
/// applies; `RuleCatalog.standard` lists them. Adding a rule is adding one type there.
public protocol ComplianceRule: Sendable {
    /// Stable id (`objet`, `engagements-financiers`…), as in the contract.
    var id: String { get }
    /// Short French title.
    var title: String { get }
    /// "CGCT, art. L1115-1".
    var basis: String { get }
    /// The words of the law the rule applies, quoted exactly (see `Corpus/reference/droit/`).
    var lawText: String { get }
    func evaluate(_ reading: ConventionReading) -> RuleOutcome
}

/// The rules `cooplex check` applies, in report order.
public enum RuleCatalog {
    public static let standard: [any ComplianceRule] = [
        FrenchPartyRule(),
        ForeignPartyRule(),
        NoForeignStateRule(),
        ObjectRule(),
        FinancialCommitmentsRule(),
        OnePercentCapRule(),
        SignatureRule(),
        DurationRule(),
        TransmissionToPrefetRule(),
        InternationalCommitmentsRule(),
    ]
}
