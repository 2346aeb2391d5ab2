/// What the convention reader found in one document: the facts every rule reads.
public struct ConventionReading: Sendable {
    /// What the document is.
    public enum Nature: String, Sendable {
        /// A cooperation convention (or agreement, protocol) between parties.
        case convention
        /// A decision granting humanitarian emergency aid, which needs no convention.
        case emergencyAid = "aide-urgence"
        /// Neither could be recognized.
        case unknown = "inconnu"
    }

    public var nature: Nature
    public var natureEvidence: Passage?
    public var parties: [Party]
    /// The article or sentence stating the object of the actions.
    public var object: Passage?
    /// The financial article (its heading), when there is one.
    public var financialArticle: Passage?
    /// Sums the parties commit to.
    public var commitments: [Amount]
    /// Resources of a capped budget (water, energy, waste, mobility) given as a figure.
    public var cappedBudgetResources: [Amount]
    /// Mentions that actions are funded from a capped budget, by domain.
    public var cappedFunding: [CappedFunding]
    public var duration: DurationClause?
    public var entryIntoForce: Passage?
    public var signature: SignatureReading
    /// Mentions of transmission to the State's representative (préfet) or legality control.
    public var transmission: Passage?
    /// Deliberations that authorized the signature.
    public var deliberations: [Passage]
    /// A clause on France's international commitments.
    public var internationalCommitments: Passage?
    /// Mentions of a cross-border grouping (GECT, GEC, GLCT) that L1115-5 allows with a State.
    public var crossBorderGrouping: Passage?

    public init(nature: Nature) {
        self.nature = nature
        self.parties = []
        self.commitments = []
        self.cappedBudgetResources = []
        self.cappedFunding = []
        self.signature = SignatureReading()
        self.deliberations = []
    }
}

/// A mention that actions are funded on a budget capped at 1 % by CGCT L1115-1-1 to L1115-3.
public struct CappedFunding: Sendable, Equatable {
    public enum Domain: String, Sendable, CaseIterable {
        case water = "eau et assainissement"
        case energy = "distribution d'électricité et de gaz"
        case waste = "collecte et traitement des déchets"
        case mobility = "mobilité"
    }

    public var domain: Domain
    public var passage: Passage

    public init(domain: Domain, passage: Passage) {
        self.domain = domain
        self.passage = passage
    }
}

/// The duration or term of the convention.
public struct DurationClause: Sendable, Equatable {
    /// Length in months when stated as a length ("trois ans" → 36).
    public var months: Int?
    /// End date (ISO 8601) when stated as a term.
    public var until: String?
    /// "durée indéterminée".
    public var indefinite: Bool
    public var tacitRenewal: Bool
    public var passage: Passage

    public init(months: Int? = nil, until: String? = nil, indefinite: Bool = false, tacitRenewal: Bool = false, passage: Passage) {
        self.months = months
        self.until = until
        self.indefinite = indefinite
        self.tacitRenewal = tacitRenewal
        self.passage = passage
    }

    public var years: Double? { months.map { Double($0) / 12 } }
}

/// The signature block: "Fait à …, le …" and who signs for each party.
public struct SignatureReading: Sendable, Equatable {
    public var place: String?
    /// ISO 8601 date when it could be read.
    public var date: String?
    /// "Fait à …, le …" line (even when left blank).
    public var clause: Passage?
    /// Blank date or place ("le ………", "le __/__/____").
    public var dateLeftBlank: Bool
    /// "Pour la commune de X, le maire, Y" blocks.
    public var signatories: [Signatory]

    public init() {
        dateLeftBlank = false
        signatories = []
    }
}

public struct Signatory: Sendable, Equatable {
    /// The block as written.
    public var passage: Passage
    /// Index into `ConventionReading.parties` of the party signed for, when matched.
    public var partyIndex: Int?
    /// Name and quality of the signer, when written under the block.
    public var signer: String?

    public init(passage: Passage, partyIndex: Int? = nil, signer: String? = nil) {
        self.passage = passage
        self.partyIndex = partyIndex
        self.signer = signer
    }
}
