/// Reading order of a page: finds column gutters from the lines' boxes, then reads the page
/// top to bottom in bands: a run of lines that sit inside columns is read column by column
/// (left column entirely, then the right), a line that crosses a gutter (a full-width
/// title, a footer) is read where it stands. Lines of two columns are never interleaved.
/// Also marks where paragraphs start (a wider vertical gap, a change of font size).
struct ColumnLayout {
    struct OrderedLine {
        var line: TextLine
        var startsParagraph: Bool
        /// Column index inside its band (0 for a full-width line).
        var column: Int
    }

    /// The x-intervals of the gutters found on the page (empty for a single column).
    private(set) var gutters: [ClosedRange<Double>] = []
    private(set) var ordered: [OrderedLine] = []

    /// A column needs at least this many lines for its gutter to count.
    static let minimumLinesPerColumn = 3

    init(lines: [TextLine]) {
        guard !lines.isEmpty else { return }
        gutters = ColumnLayout.findGutters(lines)
        ordered = gutters.isEmpty ? ColumnLayout.singleColumn(lines) : ColumnLayout.byBands(lines, gutters)
        ColumnLayout.markParagraphs(&ordered)
    }

    // MARK: Gutters

    static func findGutters(_ lines: [TextLine]) -> [ClosedRange<Double>] {
        var left = Double.infinity
        var right = -Double.infinity
        var heights: [Double] = []
        heights.reserveCapacity(lines.count)
        for l in lines {
            left = min(left, l.x0)
            right = max(right, l.x1)
            heights.append(l.glyphHeight)
        }
        let areaWidth = right - left
        guard areaWidth > 0 else { return [] }
        heights.sort()
        let typicalHeight = max(heights[heights.count / 2], 1)
        // Lines narrower than ~55 % of the text area can sit in a column.
        let narrow = lines.filter { $0.width < 0.55 * areaWidth }
        guard narrow.count >= 2 * minimumLinesPerColumn else { return [] }
        // Coverage of the x axis by narrow lines, 1-point bins. A gutter is a run of bins
        // that (almost) no line covers: a centred footer or heading may cross it.
        let binCount = Int(areaWidth.rounded(.up)) + 2
        var delta = [Int](repeating: 0, count: binCount + 1)
        for l in narrow {
            let a = max(0, min(binCount, Int((l.x0 - left).rounded(.down))))
            let b = max(0, min(binCount, Int((l.x1 - left).rounded(.up))))
            delta[a] += 1
            delta[b] -= 1
        }
        let tolerance = max(1, narrow.count / 25)
        let minimumWidth = max(0.8 * typicalHeight, 4)
        var candidates: [ClosedRange<Double>] = []
        var coverage = 0
        var runStart = -1
        var seenCovered = false
        for bin in 0..<binCount {
            coverage += delta[bin]
            if coverage <= tolerance {
                if runStart < 0 { runStart = bin }
            } else {
                if runStart >= 0 && seenCovered && Double(bin - runStart) >= minimumWidth {
                    candidates.append((left + Double(runStart))...(left + Double(bin)))
                }
                runStart = -1
                seenCovered = true
            }
        }
        // Keep gutters with enough lines on both sides, and with lines that start near
        // the gutter's right edge (a real column, not a ragged right margin).
        var gutters: [ClosedRange<Double>] = []
        for gap in candidates {
            var leftCount = 0
            var rightCount = 0
            var alignedRight = 0
            for l in narrow {
                if l.x1 <= gap.lowerBound + 0.01 { leftCount += 1 }
                if l.x0 >= gap.upperBound - 0.01 {
                    rightCount += 1
                    if l.x0 - gap.upperBound < 2 * typicalHeight { alignedRight += 1 }
                }
            }
            if leftCount >= minimumLinesPerColumn && rightCount >= minimumLinesPerColumn
                && alignedRight >= minimumLinesPerColumn
            {
                gutters.append(gap)
            }
        }
        return gutters
    }

    // MARK: Ordering

    /// No gutter: poppler's own order (its flow analysis is good on single-column pages),
    /// with the fragments of one line joined again.
    static func singleColumn(_ lines: [TextLine]) -> [OrderedLine] {
        mergeBaselines(lines).map { OrderedLine(line: $0, startsParagraph: false, column: 0) }
    }

    /// Joins consecutive fragments that share a baseline, left to right (the words of a
    /// justified line that the line builder cut at wide spaces).
    static func mergeBaselines(_ lines: [TextLine]) -> [TextLine] {
        var out: [TextLine] = []
        out.reserveCapacity(lines.count)
        for line in lines {
            if var last = out.last {
                let tolerance = 0.35 * min(last.glyphHeight, line.glyphHeight)
                if abs(last.y1 - line.y1) <= tolerance && line.x0 >= last.x1 - 0.5 {
                    last.utf8.append(0x20)
                    last.utf8.append(contentsOf: line.utf8)
                    last.x1 = line.x1
                    last.y0 = min(last.y0, line.y0)
                    last.y1 = max(last.y1, line.y1)
                    out[out.count - 1] = last
                    continue
                }
            }
            out.append(line)
        }
        return out
    }

    static func byBands(_ lines: [TextLine], _ gutters: [ClosedRange<Double>]) -> [OrderedLine] {
        let sorted = lines.enumerated().sorted { a, b in
            if a.element.y0 != b.element.y0 { return a.element.y0 < b.element.y0 }
            return a.offset < b.offset
        }.map(\.element)
        var out: [OrderedLine] = []
        out.reserveCapacity(lines.count)
        var columns = [[TextLine]](repeating: [], count: gutters.count + 1)

        func flushBand() {
            for (index, column) in columns.enumerated() where !column.isEmpty {
                let inOrder = column.sorted { a, b in
                    let tolerance = 0.5 * min(a.glyphHeight, b.glyphHeight)
                    if abs(a.y1 - b.y1) > tolerance { return a.y1 < b.y1 }
                    return a.x0 < b.x0
                }
                for line in mergeBaselines(inOrder) {
                    out.append(OrderedLine(line: line, startsParagraph: false, column: index))
                }
            }
            for index in columns.indices { columns[index].removeAll(keepingCapacity: true) }
        }

        for line in sorted {
            var column = 0
            var crosses = false
            for gutter in gutters {
                if line.x1 <= gutter.lowerBound + 0.01 { break }
                if line.x0 >= gutter.upperBound - 0.01 {
                    column += 1
                } else {
                    crosses = true
                    break
                }
            }
            if crosses {
                flushBand()
                out.append(OrderedLine(line: line, startsParagraph: false, column: 0))
            } else {
                columns[column].append(line)
            }
        }
        flushBand()
        return out
    }

    // MARK: Paragraphs

    /// A paragraph starts at the first line, after a vertical gap clearly wider than the
    /// usual line pitch, at a change of font size, or at a column switch after a short line.
    static func markParagraphs(_ lines: inout [OrderedLine]) {
        guard !lines.isEmpty else { return }
        var pitches: [Double] = []
        for k in 1..<max(lines.count, 1) where lines[k].column == lines[k - 1].column {
            let pitch = lines[k].line.y1 - lines[k - 1].line.y1
            if pitch > 0 { pitches.append(pitch) }
        }
        pitches.sort()
        let typicalPitch = pitches.isEmpty ? 0 : pitches[pitches.count / 2]
        lines[0].startsParagraph = true
        for k in 1..<lines.count {
            let previous = lines[k - 1].line
            let line = lines[k].line
            let sizeChange = abs(line.glyphHeight - previous.glyphHeight) > 0.2 * max(previous.glyphHeight, 1)
            if sizeChange {
                lines[k].startsParagraph = true
                continue
            }
            let pitch = line.y1 - previous.y1
            if pitch > 0 && typicalPitch > 0 {
                if pitch > 1.25 * typicalPitch { lines[k].startsParagraph = true }
            } else if pitch < 0 {
                // Column switch (or back to the top): a new paragraph when the previous line
                // stopped short of its column's right edge and closed a sentence.
                if let last = previous.utf8.last, last == 0x2E || last == 0x3A || last == 0x21 || last == 0x3F {
                    lines[k].startsParagraph = true
                }
            }
        }
    }
}
