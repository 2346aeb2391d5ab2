/// Reads an OpenDocument text body (`content.xml`, `office:body/office:text`) and its
/// metadata (`meta.xml`): paragraphs, headings (`text:h`), list items, tables as rows.
struct ODTReader {
    var grouper = ArticleGrouper()

    mutating func read(content root: XMLElement, into text: inout TextAssembler) {
        let body = root.child("body")?.child("text") ?? root
        walk(body, into: &text, inList: false)
        grouper.close(&text)
    }

    private static let skipped: Set<String> = [
        "sequence-decls", "tracked-changes", "variable-decls", "user-field-decls", "forms", "annotation",
        "note-citation", "table-of-content-source", "index-title-template", "notes-configuration",
    ]

    private mutating func walk(_ e: XMLElement, into text: inout TextAssembler, inList: Bool) {
        for child in e.elements {
            if ODTReader.skipped.contains(child.name) { continue }
            switch child.name {
            case "h":
                let content = ODTReader.inlineText(child)
                grouper.heading(content, assembler: &text)
                text.append(content, kind: .heading)
            case "p":
                text.append(ODTReader.inlineText(child), kind: inList ? .listItem : .paragraph)
            case "list":
                walk(child, into: &text, inList: true)
            case "table":
                for row in child.descendants("table-row") {
                    let cells = row.children("table-cell").map { cell in
                        cell.descendants("p").map(ODTReader.inlineText).map(Whitespace.collapse)
                            .filter { !$0.isEmpty }.joined(separator: " ")
                    }.filter { !$0.isEmpty }
                    text.append(cells.joined(separator: " | "), kind: .tableRow)
                }
            default:
                walk(child, into: &text, inList: inList)  // section, list-item, list-header, …
            }
        }
    }

    /// Text of a paragraph: spans and links inline, `text:s` as spaces, tabs and line
    /// breaks as spaces; notes and annotations skipped.
    static func inlineText(_ e: XMLElement) -> String {
        var out = ""
        collect(e, into: &out)
        return out
    }

    private static func collect(_ e: XMLElement, into out: inout String) {
        for child in e.children {
            switch child {
            case .text(let t): out += t
            case .element(let c):
                switch c.name {
                case "s":
                    let n = Int(c.attributes["c"] ?? "1") ?? 1
                    out += String(repeating: " ", count: max(1, min(n, 64)))
                case "tab", "line-break": out += " "
                case "note", "annotation", "annotation-end", "bookmark-ref", "soft-page-break": continue
                default: collect(c, into: &out)
                }
            }
        }
    }

    /// Title, authors and date from `meta.xml`.
    static func metaProperties(_ root: XMLElement) -> OfficeProperties {
        var p = OfficeProperties()
        guard let meta = root.child("meta") else { return p }
        p.title = meta.child("title")?.text
        p.subject = meta.child("subject")?.text
        p.keywords = meta.children("keyword").compactMap { $0.text }.joined(separator: ", ")
        if p.keywords?.isEmpty == true { p.keywords = nil }
        if let creator = meta.child("initial-creator")?.text ?? meta.child("creator")?.text { p.authors = [creator] }
        let raw = meta.child("creation-date")?.text ?? meta.child("date")?.text
        p.date = raw.flatMap(DateNormalizer.iso8601Day)
        return p
    }
}
