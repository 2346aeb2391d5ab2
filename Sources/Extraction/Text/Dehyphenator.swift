// PLACEHOLDER — the PDF/text work replaces the body; keep the signature.

/// Repairs line-end hyphenation ("coopé-⏎ration" → "coopération") while keeping real
/// compounds ("Oudin-⏎Santini", "quasi-⏎totalité"), using a French lexicon and the words
/// of the document itself; rejoins URLs and e-mail addresses broken across lines.
public struct Dehyphenator: Sendable {
    public init() {}
    public func repair(_ text: String) -> String { text }
}
