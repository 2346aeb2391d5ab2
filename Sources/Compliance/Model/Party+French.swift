extension Party.Kind {
    /// How the report names this kind of body.
    public var frenchLabel: String {
        switch self {
        case .commune: return "commune"
        case .departement: return "département"
        case .region: return "région"
        case .epci: return "établissement public de coopération intercommunale"
        case .syndicat: return "syndicat"
        case .collectivite: return "collectivité territoriale"
        case .foreignLocalAuthority: return "autorité locale étrangère"
        case .state: return "État ou administration d'État"
        case .association: return "association ou organisme privé"
        case .company: return "entreprise"
        case .unknown: return "nature non déterminée"
        }
    }
}

extension Party.Kind {
    /// The label with its indefinite article ("une commune", "un département").
    public var frenchLabelWithArticle: String {
        switch self {
        case .commune, .region, .collectivite, .foreignLocalAuthority, .association, .company: return "une " + frenchLabel
        case .unknown: return "de " + frenchLabel
        default: return "un " + frenchLabel
        }
    }
}

extension Party.Role {
    public var frenchLabel: String {
        switch self {
        case .frenchAuthority: return "collectivité française"
        case .foreignAuthority: return "autorité locale étrangère"
        case .foreignState: return "État étranger"
        case .other: return "autre"
        }
    }
}
