/// Any other XML: the text of its elements with block structure, never the markup.
///
/// An element with character data of its own (mixed or text-only content) is one block,
/// its inline descendants included; an element holding only elements is a container and
/// is walked. Element names decide the kind: titles and headings, list items, the rest
/// paragraphs. XHTML content is read like HTML.
public struct GenericXMLExtractor: Extractor {
    public static let formats: [DocumentFormat] = [.xml]
    public init() {}

    static let headingNames: Set<String> = [
        "title", "titre", "heading", "head", "h1", "h2", "h3", "h4", "h5", "h6", "subtitle", "soustitre",
        "sous-titre", "intitule", "doctitle", "caption",
    ]
    static let listItemNames: Set<String> = ["item", "li", "listitem", "list-item", "entry", "puce"]
    static let xhtml = "http://www.w3.org/1999/xhtml"

    public func extract(_ input: ExtractionInput) throws -> [Document] {
        let parsed = try MarkupParser.parseXML(input.data, path: input.path)
        var text = TextAssembler()
        if parsed.root.namespace == GenericXMLExtractor.xhtml {
            var walker = HTMLBlockWalker(dropBoilerplate: true)
            walker.walk(parsed.root, into: &text)
        } else {
            appendBlocks(parsed.root, into: &text)
        }
        var warnings = parsed.warnings
        if text.isEmpty { warnings.append("aucun texte dans ce document XML") }
        let title = firstHeading(parsed.root)
        return [
            Document(
                id: input.contentHash, source: input.path, format: .xml, title: title, text: text.text,
                blocks: text.blocks, warnings: warnings, metadata: ["racine": parsed.root.name])
        ]
    }

    private func appendBlocks(_ e: XMLElement, into text: inout TextAssembler) {
        if e.hasDirectText {
            text.append(e.rawText, kind: kind(of: e))
            return
        }
        let before = text.blockCount
        for child in e.elements { appendBlocks(child, into: &text) }
        // A list-like element (item, entry) made of several blocks stays one list item.
        if GenericXMLExtractor.listItemNames.contains(e.name.lowercased()), text.blockCount > before + 1 {
            text.wrap(from: before, kind: .listItem, label: nil)
        }
    }

    private func kind(of e: XMLElement) -> Block.Kind {
        let name = e.name.lowercased()
        if GenericXMLExtractor.headingNames.contains(name) { return .heading }
        if GenericXMLExtractor.listItemNames.contains(name) { return .listItem }
        return .paragraph
    }

    private func firstHeading(_ root: XMLElement) -> String? {
        for name in ["title", "titre", "docTitle", "TITRE", "dc:title"] {
            if let t = root.firstDescendant(name)?.text { return t.count <= 300 ? t : String(t.prefix(300)) }
        }
        return nil
    }
}
