/// Reads a WordprocessingML body (`word/document.xml`) and its core properties
/// (`docProps/core.xml`): paragraphs, headings (styles Heading*/Titre*/Title or an outline
/// level), list items (numbered paragraphs or List styles), tables as rows of cells.
struct DOCXReader {
    var grouper = ArticleGrouper()

    mutating func read(body: XMLElement, into text: inout TextAssembler) {
        walk(body, into: &text)
        grouper.close(&text)
    }

    private mutating func walk(_ e: XMLElement, into text: inout TextAssembler) {
        for child in e.elements {
            switch child.name {
            case "p": paragraph(child, into: &text)
            case "tbl": table(child, into: &text)
            case "sectPr": continue
            default: walk(child, into: &text)  // body, sdt, sdtContent, customXml, ins…
            }
        }
    }

    private mutating func paragraph(_ p: XMLElement, into text: inout TextAssembler) {
        let content = DOCXReader.runText(p)
        guard !Whitespace.isBlank(content) else { return }
        let properties = p.child("pPr")
        let style = properties?.child("pStyle")?.attributes["val"]?.lowercased() ?? ""
        let isHeading = style.hasPrefix("heading") || style.hasPrefix("titre") || style == "title"
            || style == "subtitle" || style == "sous-titre" || properties?.child("outlineLvl") != nil
        let isList = properties?.child("numPr") != nil || style.hasPrefix("list") || style.hasPrefix("liste")
            || style.hasPrefix("paragraphedeliste")
        if isHeading {
            grouper.heading(content, assembler: &text)
            text.append(content, kind: .heading)
        } else {
            text.append(content, kind: isList ? .listItem : .paragraph)
        }
    }

    private func table(_ tbl: XMLElement, into text: inout TextAssembler) {
        for row in tbl.descendants("tr") {
            let cells = row.elements.filter { $0.name == "tc" || $0.name == "sdt" }.map { cell in
                cell.descendants("p").map(DOCXReader.runText).map(Whitespace.collapse).filter { !$0.isEmpty }
                    .joined(separator: " ")
            }.filter { !$0.isEmpty }
            text.append(cells.joined(separator: " | "), kind: .tableRow)
        }
    }

    /// The visible text of a paragraph: `t` runs, tabs and breaks as spaces; deleted text,
    /// field instructions and properties skipped.
    static func runText(_ e: XMLElement) -> String {
        var out = ""
        collect(e, into: &out)
        return out
    }

    private static let skipped: Set<String> = [
        "pPr", "rPr", "del", "delText", "instrText", "fldChar", "footnoteReference", "endnoteReference",
        "commentReference", "drawing", "pict", "object", "moveFrom",
    ]

    private static func collect(_ e: XMLElement, into out: inout String) {
        for child in e.children {
            guard case .element(let c) = child else { continue }
            if skipped.contains(c.name) { continue }
            switch c.name {
            case "t": out += c.rawText
            case "tab", "br", "cr": out += " "
            case "noBreakHyphen": out += "\u{2011}"
            case "softHyphen": continue
            default: collect(c, into: &out)
            }
        }
    }

    /// Title, authors and date from `docProps/core.xml`.
    static func coreProperties(_ root: XMLElement) -> OfficeProperties {
        var p = OfficeProperties()
        p.title = root.child("title")?.text
        p.subject = root.child("subject")?.text
        p.keywords = root.child("keywords")?.text
        if let creator = root.child("creator")?.text { p.authors = [creator] }
        let raw = root.child("created")?.text ?? root.child("modified")?.text
        p.date = raw.flatMap(DateNormalizer.iso8601Day)
        return p
    }
}

/// Metadata common to office formats.
struct OfficeProperties {
    var title: String?
    var subject: String?
    var keywords: String?
    var authors: [String] = []
    var date: String?
}
