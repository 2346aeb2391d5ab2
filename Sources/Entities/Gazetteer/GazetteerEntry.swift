/// One named thing of the reference data: a collectivité, a country, a foreign place, an
/// organisation or a demonym.
struct GazetteerEntry: Sendable {
    enum Kind: UInt8, Sendable, CaseIterable {
        case commune, departement, region, epci, pays, etranger, organisation, demonyme

        /// The largest raw value (kinds stored in an image are checked against it).
        static let allCasesMax: UInt8 = allCases.map(\.rawValue).max()!
    }

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// May be recognized without a context word.
        static let bare = Flags(rawValue: 1)
        /// A homonym that loses to a more populous namesake.
        static let homonym = Flags(rawValue: 2)
        /// A foreign subdivision (province, county, region), not a city.
        static let subdivision = Flags(rawValue: 4)
        /// A country code that is French territory (an overseas collectivité with an ISO
        /// code of its own: PF, NC, PM, BL, MF, WF, TF); on `pays` entries.
        static let overseas = Flags(rawValue: 8)
    }

    var kind: Kind
    /// Linked id: `commune:76351`, `MA`, `etranger:CN:Liaoning`, `daect`…
    var id: String
    /// Official or display name ("Le Havre").
    var name: String
    var population: Int
    var flags: Flags
    /// Country (ISO alpha-2) for `pays`, `etranger` and `demonyme`; "FR" for French collectivités.
    var country: String
}

/// The fields of a `GazetteerEntry` that the recognition rules read for every candidate,
/// without `String`s (no reference counting in the hot loop); same index as the entry.
struct GazetteerEntryInfo: Sendable {
    var kind: GazetteerEntry.Kind
    var flags: GazetteerEntry.Flags
    /// The two ASCII letters of the ISO code ("FR" = 0x4652), 0 for none.
    var country: UInt16
    var population: Int
}

/// One surface form of an entry, as a path in the phrase trie.
struct GazetteerPattern: Sendable {
    var entry: Int32
    /// Needs an article before it ("du Havre" for "Le Havre").
    var needsArticle: Bool
    /// An acronym: matched only when written in capitals.
    var acronym: Bool
    /// "franco-" + demonym ("franco-marocaine").
    var franco: Bool
    /// Never recognized bare, even when its entry is: this surface form is an ordinary
    /// French word ("Sêûl" for Séoul folds to "seul").
    var contextOnly: Bool
}
