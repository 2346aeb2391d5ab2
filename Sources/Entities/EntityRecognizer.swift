import Extraction

// PLACEHOLDER API — the Entities work replaces the body; keep the public signatures
// (other stages call them).

/// All recognizers behind one call. Loading reads the reference data once (gazetteer,
/// country names, law registry); recognizing is thread-safe and allocation-light.
public final class EntityRecognizer: Sendable {
    /// Loads the reference data from `referenceDirectory`, or from the default place
    /// (`$COOPLEX_REFERENCE`, else `Corpus/reference` found from the executable or the
    /// current directory).
    public static func load(referenceDirectory: String? = nil) throws -> EntityRecognizer {
        EntityRecognizer(dates: DateRecognizer(), laws: try LawRecognizer.load(referenceDirectory: referenceDirectory ?? "Corpus/reference"))
    }

    private let dates: DateRecognizer
    private let laws: LawRecognizer

    private init(dates: DateRecognizer, laws: LawRecognizer) {
        self.dates = dates
        self.laws = laws
    }

    /// Entities of `text`, in document order (by start offset), non-overlapping per type.
    public func recognize(text: String, types: Set<EntityType> = Set(EntityType.allCases)) -> [Entity] {
        var out: [Entity] = []
        if types.contains(.date) { out += dates.recognize(text: text) }
        if types.contains(.loi) { out += laws.recognize(text: text) }
        return out.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// Resolves a name typed by a user to a normalized id of `type`, for search filters:
    /// `pays` "Maroc" → "MA"; `collectivite` "Belfort" → "commune:90010"; `loi`
    /// "Oudin-Santini" → "loi:2005-95". Nil when unknown (the caller then uses the value as typed).
    public func resolve(_ value: String, as type: EntityType) -> String? {
        switch type {
        case .loi: return laws.resolve(value)
        default: return nil
        }
    }

    public func recognize(_ document: Document, types: Set<EntityType> = Set(EntityType.allCases)) -> [Entity] {
        recognize(text: document.text, types: types)
    }
}
