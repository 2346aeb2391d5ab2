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
        EntityRecognizer()
    }

    private init() {}

    /// Entities of `text`, in document order (by start offset), non-overlapping per type.
    public func recognize(text: String, types: Set<EntityType> = Set(EntityType.allCases)) -> [Entity] {
        []
    }

    public func recognize(_ document: Document, types: Set<EntityType> = Set(EntityType.allCases)) -> [Entity] {
        recognize(text: document.text, types: types)
    }
}
