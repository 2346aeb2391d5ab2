import Foundation

// PLACEHOLDER — the PDF/text work replaces the body; keep the signature.

/// Cleans extracted text: Unicode NFC, soft hyphens removed, ligatures (ﬁ, ﬂ…) expanded,
/// non-breaking and other exotic spaces turned into plain spaces, control characters dropped.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }
}
