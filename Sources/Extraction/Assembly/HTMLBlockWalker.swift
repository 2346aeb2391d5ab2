/// Turns an HTML element tree (from `MarkupParser.parseHTML`) into text blocks: headings,
/// paragraphs, list items, table rows (cells separated by " | "), never markup.
struct HTMLBlockWalker {
    /// Also drop page furniture (navigation, header, footer, aside, forms), not only
    /// scripts and styles. True for whole pages, false for feed or article fragments.
    var dropBoilerplate: Bool

    private var inline = ""
    private var kindStack: [Block.Kind] = [.paragraph]

    init(dropBoilerplate: Bool) {
        self.dropBoilerplate = dropBoilerplate
    }

    static let alwaysSkipped: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
        "canvas", "head", "title", "meta", "link", "button", "select", "textarea", "input",
    ]
    static let boilerplate: Set<String> = ["nav", "header", "footer", "aside", "form", "menu", "dialog"]
    static let boilerplateRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "menu"]
    static let blockLevel: Set<String> = [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd",
        "blockquote", "pre", "table", "tbody", "thead", "tfoot", "ul", "ol", "dl", "address", "figure",
        "figcaption", "caption", "body", "html", "center", "hr", "fieldset", "legend", "details", "summary",
        "hgroup",
    ]

    mutating func walk(_ element: XMLElement, into out: inout TextAssembler) {
        visit(element, into: &out)
        flush(into: &out)
    }

    private func isSkipped(_ e: XMLElement) -> Bool {
        if HTMLBlockWalker.alwaysSkipped.contains(e.name) { return true }
        if e.attributes["hidden"] != nil || e.attributes["aria-hidden"] == "true" { return true }
        if dropBoilerplate {
            if HTMLBlockWalker.boilerplate.contains(e.name) { return true }
            if let role = e.attributes["role"], HTMLBlockWalker.boilerplateRoles.contains(role) { return true }
        }
        return false
    }

    private mutating func visit(_ e: XMLElement, into out: inout TextAssembler) {
        if isSkipped(e) { return }
        switch e.name {
        case "br":
            flush(into: &out)
            return
        case "tr":
            flush(into: &out)
            let cells = e.elements.filter { $0.name == "td" || $0.name == "th" }.compactMap { cellText($0) }
            out.append(cells.joined(separator: " | "), kind: .tableRow)
            return
        case "img":
            if let alt = e.attributes["alt"], !Whitespace.isBlank(alt) { inline += " " + alt + " " }
            return
        default:
            break
        }
        guard HTMLBlockWalker.blockLevel.contains(e.name) else {
            visitChildren(e, into: &out)
            return
        }
        flush(into: &out)
        kindStack.append(kind(for: e))
        visitChildren(e, into: &out)
        flush(into: &out)
        kindStack.removeLast()
    }

    private mutating func visitChildren(_ e: XMLElement, into out: inout TextAssembler) {
        for child in e.children {
            switch child {
            case .text(let t): inline += t
            case .element(let c): visit(c, into: &out)
            }
        }
    }

    private func kind(for e: XMLElement) -> Block.Kind {
        switch e.name {
        case "h1", "h2", "h3", "h4", "h5", "h6", "summary", "legend": return .heading
        case "li", "dd", "dt": return .listItem
        case "figcaption", "caption": return .caption
        default: return kindStack.last ?? .paragraph
        }
    }

    private func cellText(_ cell: XMLElement) -> String? {
        var nested = HTMLBlockWalker(dropBoilerplate: dropBoilerplate)
        var assembler = TextAssembler()
        nested.walk(cell, into: &assembler)
        let t = Whitespace.collapse(assembler.text)
        return t.isEmpty ? nil : t
    }

    private mutating func flush(into out: inout TextAssembler) {
        guard !inline.isEmpty else { return }
        out.append(inline, kind: kindStack.last ?? .paragraph)
        inline = ""
    }
}

extension HTMLBlockWalker {
    /// The blocks of an HTML fragment as one plain text (blocks separated by blank lines).
    static func plainText(ofFragment html: String) -> String {
        guard let root = MarkupParser.parseHTMLFragment(html) else { return Whitespace.collapse(html) }
        var walker = HTMLBlockWalker(dropBoilerplate: false)
        var assembler = TextAssembler()
        walker.walk(root, into: &assembler)
        return assembler.text
    }

    /// Appends the blocks of an HTML fragment to `out`; returns how many were added.
    @discardableResult
    static func append(fragment html: String, into out: inout TextAssembler) -> Int {
        let before = out.blockCount
        if let root = MarkupParser.parseHTMLFragment(html) {
            var walker = HTMLBlockWalker(dropBoilerplate: false)
            walker.walk(root, into: &out)
        } else {
            out.append(html, kind: .paragraph)
        }
        return out.blockCount - before
    }
}
