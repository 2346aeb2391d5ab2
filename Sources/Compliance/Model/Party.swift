/// One party to the convention, as designated in its text ("La commune de Belfort,
/// représentée par son maire…").
public struct Party: Sendable, Equatable {
    /// The contract's roles.
    public enum Role: String, Sendable {
        case frenchAuthority = "collectivite-francaise"
        case foreignAuthority = "autorite-etrangere"
        case foreignState = "etat-etranger"
        case other = "autre"
    }

    /// What kind of body the designation names.
    public enum Kind: String, Sendable {
        case commune, departement, region, epci, syndicat
        /// A French territorial authority of another or unknown kind (collectivité à statut particulier…).
        case collectivite
        /// A local authority abroad (municipalité, province, gouvernorat, wilaya…).
        case foreignLocalAuthority = "collectivite-etrangere"
        /// A State, its government, a ministry or an embassy.
        case state = "etat"
        case association
        case company = "entreprise"
        case unknown = "inconnu"
    }

    public var role: Role
    public var kind: Kind
    /// The designation as written ("la commune de Belfort").
    public var name: Passage
    /// The whole clause that introduces the party (with its representative).
    public var clause: Passage
    /// Linked identifier from the entity recognizer (`commune:90010`,
    /// `etranger:SN:Ziguinchor`), else nil.
    public var normalized: String?
    /// ISO 3166-1 alpha-2 code of the country named for this party, when known; for a
    /// French overseas collectivité that has a code of its own, "FR-" and that code
    /// ("FR-NC", as in ISO 3166-2): French territory, not a foreign country.
    public var country: String?
    /// Representative ("son maire, M. Jean Dupont"), when stated.
    public var representative: String?

    public init(
        role: Role, kind: Kind, name: Passage, clause: Passage, normalized: String? = nil,
        country: String? = nil, representative: String? = nil
    ) {
        self.role = role
        self.kind = kind
        self.name = name
        self.clause = clause
        self.normalized = normalized
        self.country = country
        self.representative = representative
    }

    /// Located in a French overseas collectivité ("FR-NC", "FR-PF"): French, not foreign.
    public var isFrenchOverseas: Bool { country?.hasPrefix("FR-") ?? false }
}
