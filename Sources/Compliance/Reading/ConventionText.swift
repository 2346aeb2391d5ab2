import Extraction

/// One article of the convention: its label ("Article 4"), its heading words
/// ("Engagements financiers") and its span in the text.
struct ArticleSection: Sendable {
    var label: String
    /// Folded heading (lower-case, no accents) for matching, and as written.
    var foldedTitle: String
    var title: String
    /// Byte range of the whole article in the original text (heading included).
    var start: Int
    var end: Int
    /// Byte offset where the body starts (after the heading line).
    var bodyStart: Int
}

/// The document's text with what every reader needs: the folded copy for matching,
/// the articles, pages, and helpers to turn spans into `Passage`s.
struct ConventionText: Sendable {
    let document: Document
    let utf8: [UInt8]
    let folded: FoldedText
    let articles: [ArticleSection]
    /// (start byte, page) of page blocks, sorted.
    private let pageStarts: [(Int, Int)]

    init(_ document: Document) {
        self.document = document
        utf8 = Array(document.text.utf8)
        folded = FoldedText(document.text)
        var pages: [(Int, Int)] = []
        for block in document.blocks {
            if let page = block.page { pages.append((block.start, page)) }
        }
        pages.sort { $0.0 < $1.0 }
        pageStarts = pages
        articles = ConventionText.findArticles(document: document, utf8: utf8)
    }

    // MARK: Passages

    func page(at byte: Int) -> Int? {
        var result: Int?
        for (start, page) in pageStarts {
            if start <= byte { result = page } else { break }
        }
        return result
    }

    func article(at byte: Int) -> ArticleSection? {
        articles.last { $0.start <= byte && byte < $0.end }
    }

    func string(_ start: Int, _ end: Int) -> String {
        let s = max(0, min(start, utf8.count))
        let e = max(s, min(end, utf8.count))
        return String(decoding: utf8[s..<e], as: UTF8.self)
    }

    /// A passage over original bytes `start..<end`, trimmed of surrounding white space.
    func passage(_ start: Int, _ end: Int) -> Passage {
        var s = max(0, min(start, utf8.count))
        var e = max(s, min(end, utf8.count))
        while s < e, ConventionText.isSpace(utf8[s]) { s += 1 }
        while e > s, ConventionText.isSpace(utf8[e - 1]) { e -= 1 }
        return Passage(start: s, end: e, text: string(s, e), page: page(at: s), article: article(at: s)?.label)
    }

    /// A passage over a folded range.
    func passage(folded range: Range<Int>) -> Passage {
        passage(folded.originalStart(range.lowerBound), folded.originalEnd(range.upperBound))
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    // MARK: Sentences

    /// The sentence (or list item, or line) containing the original byte `at`: bounded by
    /// a full stop followed by a space, a semicolon, a blank line or a heading line.
    func sentenceRange(around at: Int) -> Range<Int> {
        // A sentence longer than this is cut (a text without punctuation must not make
        // every look-up scan the whole document).
        let cap = 1500
        var s = max(0, min(at, utf8.count))
        let floor = max(0, s - cap)
        let ceiling = min(utf8.count, s + cap)
        while s > floor {
            let b = utf8[s - 1]
            if b == 0x0A, s >= 2, utf8[s - 2] == 0x0A { break }
            if b == 0x0A, isLineBoundary(before: s) { break }
            if (b == 0x2E || b == 0x3B || b == 0x21 || b == 0x3F), s < utf8.count, ConventionText.isSpace(utf8[s]),
                !isAbbreviation(endingAt: s - 1)
            { break }
            s -= 1
        }
        var e = max(s, min(at, utf8.count))
        while e < ceiling {
            let b = utf8[e]
            if b == 0x0A, e + 1 < utf8.count, utf8[e + 1] == 0x0A { break }
            if b == 0x0A, isLineBoundary(before: e + 1) { break }
            if (b == 0x2E || b == 0x3B || b == 0x21 || b == 0x3F), e + 1 >= utf8.count || ConventionText.isSpace(utf8[e + 1]),
                !isAbbreviation(endingAt: e)
            { e += 1; break }
            e += 1
        }
        return s..<e
    }

    func sentence(around at: Int) -> Passage {
        let r = sentenceRange(around: at)
        return passage(r.lowerBound, r.upperBound)
    }

    /// True when the line starting at `lineStart` begins a new unit (list item, article
    /// heading, capitalised line after a line without final punctuation is NOT enough).
    private func isLineBoundary(before lineStart: Int) -> Bool {
        var i = lineStart
        while i < utf8.count, utf8[i] == 0x20 || utf8[i] == 0x09 { i += 1 }
        guard i < utf8.count else { return true }
        let b = utf8[i]
        if b == 0x2D || b == 0x2A { return true }  // "- " or "* " list items
        if b == 0xE2 { return true }  // "•", "–" bullets and dashes
        // Previous line ended with ':' or a full stop: a new unit starts.
        var j = lineStart - 2
        while j >= 0, utf8[j] == 0x20 || utf8[j] == 0x0D { j -= 1 }
        if j >= 0, utf8[j] == 0x3A || utf8[j] == 0x2E || utf8[j] == 0x3B { return true }
        // Article headings.
        let head = string(i, min(utf8.count, i + 12)).lowercased()
        if head.hasPrefix("article") || head.hasPrefix("art.") { return true }
        // Recitals: each "Vu …" or "Considérant …" line is a unit of its own, even when
        // the one before ends with a comma.
        if head.hasPrefix("vu ") || head.hasPrefix("considérant") || head.hasPrefix("considerant") { return true }
        // The previous line is a heading: an article heading, or a short line without
        // final punctuation followed by a capitalised line ("Engagements financiers").
        var prevStart = max(0, lineStart - 1)
        let prevFloor = max(0, lineStart - 200)
        while prevStart > prevFloor, utf8[prevStart - 1] != 0x0A { prevStart -= 1 }
        let prev = string(prevStart, max(prevStart, lineStart - 1)).trimmingSpaces()
        let prevLower = prev.lowercased()
        if prevLower.hasPrefix("article") || prevLower.hasPrefix("art.") || prevLower.hasPrefix("chapitre") || prevLower.hasPrefix("titre ") {
            return ConventionText.parseArticleHeading(utf8: Array(prev.utf8), 0, prev.utf8.count) != nil || prevLower.hasPrefix("chapitre") || prevLower.hasPrefix("titre ")
        }
        let startsUpper = b >= 0x41 && b <= 0x5A || b == 0xC3
        if startsUpper, !prev.isEmpty, prev.utf8.count <= 60, let last = prev.last, !",;:-–".contains(last), !last.isLowercase || prev.split(separator: " ").count <= 6 {
            return !prevLower.hasSuffix(" de") && !prevLower.hasSuffix(" et") && !prevLower.hasSuffix(" la") && !prevLower.hasSuffix(" le") && !prevLower.hasSuffix(" du") && !prevLower.hasSuffix(" des")
        }
        return false
    }

    /// "M.", "art.", "n°.", single capitals and digits followed by a period are not ends of sentences.
    private func isAbbreviation(endingAt dot: Int) -> Bool {
        guard utf8[dot] == 0x2E else { return false }
        var k = dot
        while k > 0, FoldedText.isWordByte(utf8[k - 1]) { k -= 1 }
        let word = string(k, dot).lowercased()
        // A closing quote or bracket before the stop ("« Commune de Saponé ». Et …") ends the sentence.
        guard let first = word.first, first.isLetter || first.isNumber else { return false }
        if word.count == 1 { return true }
        if ["art", "mm", "mme", "mlle", "st", "ste", "cf", "n", "no", "al", "p", "pp", "vol", "etc", "av", "bd"].contains(word) { return true }
        // "L." in "art. L. 1115-1"
        if dot + 2 < utf8.count, utf8[dot + 1] == 0x20, utf8[dot + 2] >= 0x30, utf8[dot + 2] <= 0x39 { return true }
        return false
    }

    // MARK: Articles

    /// Articles from the extractor's blocks when it labelled them, else from "Article N"
    /// heading lines in the text.
    static func findArticles(document: Document, utf8: [UInt8]) -> [ArticleSection] {
        var found: [(label: String, start: Int, headEnd: Int, title: String)] = []
        let labelled = document.blocks.filter {
            ($0.kind == .article || $0.kind == .section || $0.kind == .heading)
                && ($0.label.map { $0.lowercased().hasPrefix("article") || $0.lowercased().hasPrefix("art") } ?? false)
        }
        if !labelled.isEmpty {
            for block in labelled.sorted(by: { $0.start < $1.start }) {
                var (headEnd, title) = headingLine(utf8: utf8, at: block.start, label: block.label!)
                // Extractors may label a block with its whole heading ("Article 1 – Objet").
                var label = block.label!
                let labelBytes = Array(label.utf8)
                if let (short, labelTitle) = parseArticleHeading(utf8: labelBytes, 0, labelBytes.count) {
                    label = short
                    if title.isEmpty || title == block.label! { title = labelTitle }
                }
                found.append((label, block.start, headEnd, title))
            }
        } else {
            var lineStart = 0
            while lineStart < utf8.count {
                var lineEnd = lineStart
                while lineEnd < utf8.count, utf8[lineEnd] != 0x0A { lineEnd += 1 }
                if let (label, title) = parseArticleHeading(utf8: utf8, lineStart, lineEnd) {
                    found.append((label, lineStart, lineEnd, title))
                }
                lineStart = lineEnd + 1
            }
        }
        // The last article ends where the closing "Fait à …" starts.
        var closing = utf8.count
        if let lastStart = found.last?.start {
            var lineStart = lastStart
            while lineStart < utf8.count {
                var lineEnd = lineStart
                while lineEnd < utf8.count, utf8[lineEnd] != 0x0A { lineEnd += 1 }
                let line = String(decoding: utf8[lineStart..<lineEnd], as: UTF8.self).trimmingSpaces().lowercased()
                if lineStart > lastStart, line.hasPrefix("fait à") || line.hasPrefix("fait a ") || line.hasPrefix("fait en ") || line.hasPrefix("fait et ") || line.hasPrefix("fait le ") {
                    closing = lineStart
                    break
                }
                lineStart = lineEnd + 1
            }
        }
        var sections: [ArticleSection] = []
        for (i, f) in found.enumerated() {
            let end = i + 1 < found.count ? found[i + 1].start : closing
            let foldedTitle = String(decoding: FoldedText(f.title).bytes, as: UTF8.self)
            sections.append(
                ArticleSection(label: f.label, foldedTitle: foldedTitle, title: f.title, start: f.start, end: max(end, f.headEnd), bodyStart: min(f.headEnd, end)))
        }
        return sections
    }

    /// The heading of a labelled block: the first line; its title is what follows the label.
    private static func headingLine(utf8: [UInt8], at start: Int, label: String) -> (Int, String) {
        var e = start
        while e < utf8.count, utf8[e] != 0x0A { e += 1 }
        if let (_, title) = parseArticleHeading(utf8: utf8, start, e) { return (e, title) }
        // The block may begin with its title only ("Objet de la convention").
        let line = String(decoding: utf8[start..<e], as: UTF8.self).trimmingSpaces()
        if line.count <= 90 && !line.hasSuffix(".") { return (e, line) }
        return (start, "")
    }

    private static let ordinalWords = ["premier", "1er", "unique"]

    /// "Article 4 – Engagements financiers", "ARTICLE 1er : Objet", "Art. 2. Durée",
    /// "Article premier" → ("Article 4", "Engagements financiers").
    static func parseArticleHeading(utf8: [UInt8], _ start: Int, _ end: Int) -> (String, String)? {
        var i = start
        while i < end, utf8[i] == 0x20 || utf8[i] == 0x09 || utf8[i] == 0x0D { i += 1 }
        guard end - i >= 6 else { return nil }
        let line = String(decoding: utf8[i..<end], as: UTF8.self)
        let lower = line.lowercased()
        var rest: Substring
        if lower.hasPrefix("article ") || lower.hasPrefix("article\u{a0}") {
            rest = line.dropFirst(8)
        } else if lower.hasPrefix("art. ") {
            rest = line.dropFirst(5)
        } else {
            return nil
        }
        rest = rest.drop { $0 == " " || $0 == "\u{a0}" }
        // The number: digits (with optional "er"), a roman numeral or "premier".
        var number = ""
        for ch in rest {
            if ch.isNumber || ch.isLetter { number.append(ch) } else { break }
        }
        guard !number.isEmpty else { return nil }
        let n = number.lowercased()
        let isDigits = n.first!.isNumber && n.allSatisfy { $0.isNumber || $0 == "e" || $0 == "r" }
        let isRoman = n.allSatisfy { "ivxlc".contains($0) } && n.count <= 6
        guard isDigits || isRoman || ordinalWords.contains(n) else { return nil }
        rest = rest.dropFirst(number.count)
        // A heading line is short; a sentence starting with "Article 3 de la loi…" is not one.
        let title = rest.drop { " \u{a0}.:-–—)\t".contains($0) }.trimmingSpaces()
        if title.count > 100 { return nil }
        let firstWord = title.lowercased().split(separator: " ").first.map(String.init) ?? ""
        if ["de", "du", "des", "la", "le", "l", "alinea"].contains(firstWord) { return nil }
        let label = "Article " + (n == "premier" || n == "1er" ? "1" : number)
        return (label, title)
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
