/// Cuts a page's glyphs into lines: at poppler's newlines, and also where two glyphs of one
/// line are separated by a gap much wider than a word space (poppler sometimes puts the
/// lines of two columns on one line; the gap is the gutter).
enum TextLineBuilder {
    /// A horizontal gap wider than this many glyph heights splits a line.
    static let splitGapFactor = 1.6

    static func lines(from page: PageGlyphs) -> [TextLine] {
        let bytes = page.utf8
        let boxes = page.boxes
        var lines: [TextLine] = []
        lines.reserveCapacity(64)
        // Scalar starts, so box k goes with the k-th scalar.
        var scalarCount = 0
        for b in bytes where b & 0xC0 != 0x80 { scalarCount += 1 }
        guard boxes.count == scalarCount, scalarCount > 0 else {
            return linesWithoutGeometry(bytes)
        }

        var current: [UInt8] = []
        var heights: [Double] = []
        var x0 = Double.infinity, y0 = Double.infinity, x1 = -Double.infinity, y1 = -Double.infinity
        var lastGlyphX1 = -Double.infinity
        var pendingSpace = false
        var lineHeight = 0.0

        func flush() {
            // Trim trailing blanks.
            while let last = current.last, last == 0x20 || last == 0x09 { current.removeLast() }
            if !current.isEmpty && x1 > x0 {
                heights.sort()
                let h = heights.isEmpty ? (y1 - y0) : heights[heights.count / 2]
                lines.append(TextLine(utf8: current, x0: x0, y0: y0, x1: x1, y1: y1, glyphHeight: h))
            }
            current.removeAll(keepingCapacity: true)
            heights.removeAll(keepingCapacity: true)
            x0 = .infinity; y0 = .infinity; x1 = -.infinity; y1 = -.infinity
            lastGlyphX1 = -.infinity
            pendingSpace = false
            lineHeight = 0
        }

        var i = 0
        var k = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let length = min(UTF8Class.sequenceLength(b), n - i)
            let box = boxes[k]
            k += 1
            if b == 0x0A {
                flush()
                i += length
                continue
            }
            if b == 0x20 || b == 0x09 {
                if !current.isEmpty { pendingSpace = true }
                i += length
                continue
            }
            let h = box.y1 - box.y0
            // A wide gap on the same line, or a glyph going backwards: a new line.
            if !current.isEmpty {
                let median = lineHeight > 0 ? lineHeight : h
                let gap = box.x0 - lastGlyphX1
                let sameBaseline = abs(box.y1 - y1) < max(median, h) * 0.8 || (box.y0 < y1 && box.y1 > y0)
                if gap > splitGapFactor * max(median, 1) || gap < -max(median, 1) * 2 || !sameBaseline {
                    flush()
                }
            }
            if pendingSpace && !current.isEmpty { current.append(0x20) }
            pendingSpace = false
            if length == 1 {
                current.append(b)
            } else {
                for k in i..<(i + length) { current.append(bytes[k]) }
            }
            if h > 0 {
                heights.append(h)
                lineHeight = max(lineHeight, h)
            }
            x0 = min(x0, box.x0); y0 = min(y0, box.y0); x1 = max(x1, box.x1); y1 = max(y1, box.y1)
            lastGlyphX1 = box.x1
            i += length
        }
        flush()
        return lines
    }

    /// Without boxes: poppler's lines in poppler's order, stacked one unit apart.
    static func linesWithoutGeometry(_ bytes: [UInt8]) -> [TextLine] {
        var lines: [TextLine] = []
        var y = 0.0
        for part in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
            var line = Array(part)
            while let last = line.last, last == 0x20 || last == 0x09 || last == 0x0D { line.removeLast() }
            guard !line.isEmpty else { continue }
            lines.append(TextLine(utf8: line, x0: 0, y0: y, x1: 1, y1: y + 1, glyphHeight: 1))
            y += 1.2
        }
        return lines
    }
}
