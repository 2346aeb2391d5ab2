import Foundation

/// HTML pages: title, date from `<meta>` (article:published_time, dc.date, date…), authors
/// from `<meta name="author">`, and the main text — `<main>` or the single `<article>` when
/// there is one, else `<body>` — without navigation, header, footer, aside, forms, scripts
/// and styles. Headings, paragraphs, list items and table rows become blocks.
public struct HTMLExtractor: Extractor {
    public static let formats: [DocumentFormat] = [.html]
    public init() {}

    /// `<meta>` names and properties that carry a publication date, best first.
    static let dateMetas = [
        "article:published_time", "dc.date", "dcterms.date", "dc.date.issued", "dcterms.issued", "date",
        "pubdate", "publishdate", "publication_date", "og:published_time", "article:modified_time",
        "dcterms.modified", "last-modified",
    ]

    public func extract(_ input: ExtractionInput) throws -> [Document] {
        let (encoding, note) = HTMLExtractor.encoding(of: input.data)
        guard let root = MarkupParser.parseHTML(input.data, encoding: encoding) else {
            throw ExtractionError.damaged(path: input.path, reason: "HTML illisible")
        }
        var metas: [String: String] = [:]
        for meta in root.descendants("meta") {
            guard let key = (meta.attributes["property"] ?? meta.attributes["name"] ?? meta.attributes["itemprop"]),
                let content = meta.attributes["content"]
            else { continue }
            let k = key.lowercased()
            if metas[k] == nil { metas[k] = content }
        }
        let title = root.firstDescendant("title")?.text ?? metas["og:title"] ?? metas["dc.title"]
            ?? root.firstDescendant("h1")?.text
        var date: String?
        for key in HTMLExtractor.dateMetas {
            if let raw = metas[key], let d = DateNormalizer.isoDay(raw) { date = d; break }
        }
        if date == nil, let time = root.firstDescendant("time")?.attributes["datetime"] {
            date = DateNormalizer.isoDay(time)
        }
        var authors: [String] = []
        for key in ["author", "dc.creator", "article:author"] {
            if let a = metas[key], !a.isEmpty, !a.hasPrefix("http") { authors.append(a) }
        }
        var text = TextAssembler()
        var walker = HTMLBlockWalker(dropBoilerplate: true)
        walker.walk(mainContent(root), into: &text)
        var warnings: [String] = []
        if let note { warnings.append(note) }
        if text.isEmpty { warnings.append("page HTML sans texte") }
        var metadata: [String: String] = [:]
        if let d = metas["description"] ?? metas["og:description"] { metadata["description"] = d }
        if let k = metas["keywords"] { metadata["keywords"] = k }
        if let lang = root.attributes["lang"] { metadata["langue"] = lang }
        return [
            Document(
                id: input.contentHash, source: input.path, format: .html, title: title, date: date,
                authors: authors, text: text.text, blocks: text.blocks, warnings: warnings, metadata: metadata)
        ]
    }

    private func mainContent(_ root: XMLElement) -> XMLElement {
        if let main = root.firstDescendant("main") { return main }
        let articles = root.descendants("article")
        if articles.count == 1 { return articles[0] }
        return root.firstDescendant("body") ?? root
    }

    /// The encoding to hand libxml2: nil when the page declares its charset (libxml2 reads
    /// it), else UTF-8 when the bytes are valid UTF-8, else Windows-1252 with a note.
    static func encoding(of data: Data) -> (String?, String?) {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        if head.contains("charset") || head.hasPrefix("<?xml") { return (nil, nil) }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return (nil, nil) }
        if TextDecoder.isValidUTF8(data) { return ("UTF-8", nil) }
        return ("windows-1252", "encodage non déclaré et UTF-8 invalide : lu comme Windows-1252")
    }
}
