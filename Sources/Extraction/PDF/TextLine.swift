/// One line of text on a page (or one side of a line poppler merged across a gutter),
/// with its bounding box in page coordinates (origin top left, y downwards).
struct TextLine: Sendable {
    var utf8: [UInt8]
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double
    /// Median glyph height: the font size, roughly.
    var glyphHeight: Double

    var width: Double { x1 - x0 }
    var height: Double { y1 - y0 }
}
