/// The text of one PDF page as poppler gives it, with one box per Unicode scalar
/// (newlines included). Plain Swift values: no C pointer survives the page's extraction.
struct PageGlyphs: Sendable {
    struct Box: Sendable, Equatable {
        var x0: Double
        var y0: Double
        var x1: Double
        var y1: Double
    }

    /// UTF-8 bytes of the page text (poppler's order).
    var utf8: [UInt8]
    /// One box per scalar of `utf8`, origin at the top left, y growing downwards; empty
    /// when poppler gave no layout (then `utf8` is used in poppler's order).
    var boxes: [Box]
    var width: Double
    var height: Double
}
