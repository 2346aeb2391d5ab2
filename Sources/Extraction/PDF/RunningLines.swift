/// Running headers and footers of a PDF: a line at the top or the bottom of a page that
/// comes back on many pages, its numbers aside ("La coopération décentralisée — 30 ans —
/// page 4", "- 12 -", "Rapport annuel 2024 | 7"). Left in the text, such a line cuts the
/// sentence that runs from one page to the next, and with it a word or a URL broken at the
/// page end; search finds it on every page.
enum RunningLines {
    /// Lines looked at on each edge of a page (a header may sit above a chapter line).
    static let edgeLines = 2
    /// A running line is longer than no real header: longer lines are body text.
    static let maximumLength = 160
    /// On how many pages with text (fraction, and at least `minimumPages`) a line must come
    /// back at the same edge: a book's even and odd pages may each carry their own header.
    static let minimumShare = 0.4
    static let minimumPages = 3

    /// For each page (its lines in reading order), the indices of its running lines.
    static func find(in pages: [[[UInt8]]]) -> [Set<Int>] {
        var result = [Set<Int>](repeating: [], count: pages.count)
        let withText = pages.filter { !$0.isEmpty }.count
        guard withText >= minimumPages else { return result }
        let needed = max(minimumPages, Int((Double(withText) * minimumShare).rounded(.up)))

        // The edge lines of every page with their keys, once; then, per edge and key, the
        // pages where a line of that key sits on that edge.
        struct EdgeLine {
            var index: Int
            var key: [UInt8]
            var top: Bool
        }
        let edges: [[EdgeLine]] = pages.map { lines in
            [true, false].flatMap { top in
                candidates(lines, top: top).compactMap { i in key(lines[i]).map { EdgeLine(index: i, key: $0, top: top) } }
            }
        }
        var top: [[UInt8]: Set<Int>] = [:]
        var bottom: [[UInt8]: Set<Int>] = [:]
        for (p, lines) in edges.enumerated() {
            for line in lines {
                if line.top { top[line.key, default: []].insert(p) } else { bottom[line.key, default: []].insert(p) }
            }
        }
        let runningTop = Set(top.filter { $0.value.count >= needed }.keys)
        let runningBottom = Set(bottom.filter { $0.value.count >= needed }.keys)
        guard !runningTop.isEmpty || !runningBottom.isEmpty else { return result }
        for (p, lines) in edges.enumerated() {
            for line in lines where (line.top ? runningTop : runningBottom).contains(line.key) {
                result[p].insert(line.index)
            }
        }
        // A page never loses all its lines to this (a page holding only a repeated line is
        // content: a divider page, a form).
        for p in pages.indices where !pages[p].isEmpty && result[p].count == pages[p].count { result[p] = [] }
        return result
    }

    /// Indices of the lines on one edge of a page: `edgeLines` of a full page, one of a short
    /// one (whose body lines would otherwise be on both edges), none of a one-line page.
    private static func candidates(_ lines: [[UInt8]], top: Bool) -> [Int] {
        let n = lines.count >= 3 * edgeLines ? edgeLines : (lines.count >= 2 ? 1 : 0)
        return top ? Array(0..<n) : Array((lines.count - n)..<lines.count)
    }

    /// What a line is, numbers aside: ASCII letters lowercased, every run of digits (a page
    /// number, a date) as one `#`, spaces collapsed. Nil for a line too long to be a header,
    /// or one with neither a letter nor a digit (a rule, a lone dash).
    static func key(_ line: [UInt8]) -> [UInt8]? {
        guard !line.isEmpty, line.count <= maximumLength else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(line.count)
        var inDigits = false
        var pendingSpace = false
        var substance = false
        for b in line {
            if b >= 0x30 && b <= 0x39 {
                if !inDigits {
                    if pendingSpace && !out.isEmpty { out.append(0x20) }
                    out.append(UInt8(ascii: "#"))
                }
                inDigits = true
                pendingSpace = false
                substance = true
                continue
            }
            inDigits = false
            if b == 0x20 || b == 0x09 {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            if b >= 0x41 && b <= 0x5A {
                out.append(b | 0x20)
                substance = true
            } else {
                // Letters: ASCII, or a UTF-8 sequence led by a letter block (Latin-1 letters
                // and beyond; not 0xC2 or 0xE2, the Latin-1 and general punctuation).
                if (b >= 0x61 && b <= 0x7A) || (b >= 0xC3 && b <= 0xDF) || b >= 0xE3 { substance = true }
                out.append(b)
            }
        }
        return substance ? out : nil
    }
}
