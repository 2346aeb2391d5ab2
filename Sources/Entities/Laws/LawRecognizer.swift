// PLACEHOLDER API — the laws work replaces the body; keep the signatures
// (EntityRecognizer and the search stage call them).

/// Finds references to lois, décrets, ordonnances, circulaires and CGCT articles and links
/// them to the law registry (`Corpus/reference/`).
public final class LawRecognizer: Sendable {
    /// Loads the law registry from the reference directory.
    public static func load(referenceDirectory: String) throws -> LawRecognizer { LawRecognizer() }

    private init() {}

    public func recognize(text: String) -> [Entity] { [] }

    /// Resolves what a user types after `loi:` ("2005-95", "Oudin-Santini", "loi Thiollière",
    /// "L1115-1") to a normalized id (`loi:2005-95`, `cgct:L1115-1`), or nil.
    public func resolve(_ name: String) -> String? { nil }
}
