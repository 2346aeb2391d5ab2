/// RSS 2.0 / RSS 1.0 and Atom 1.0 feeds: one document per item or entry, with title, link,
/// date (ISO), authors, and the content's HTML (CDATA, entity-encoded or inline XHTML)
/// turned into text blocks. Item ids are SHA-256 of the file's bytes + "#" + the item key
/// (guid, Atom id, else link).
public struct FeedExtractor: Extractor {
    public static let formats: [DocumentFormat] = [.rss, .atom]
    public init() {}

    public func extract(_ input: ExtractionInput) throws -> [Document] {
        let parsed = try MarkupParser.parseXML(input.data, path: input.path)
        let root = parsed.root
        let isAtom = root.name == "feed"
        let (channel, items) = isAtom ? AtomReader.read(root) : RSSReader.read(root)
        let format: DocumentFormat = isAtom ? .atom : .rss
        guard !items.isEmpty else {
            var text = TextAssembler()
            if let t = channel.title { text.append(t, kind: .heading) }
            if let d = channel.description { HTMLBlockWalker.append(fragment: d, into: &text) }
            return [
                Document(
                    id: input.contentHash, source: input.path, format: format, title: channel.title,
                    authors: channel.authors, text: text.text, blocks: text.blocks,
                    warnings: parsed.warnings + ["le flux ne contient aucun article"],
                    metadata: channelMetadata(channel))
            ]
        }
        var seenKeys: [String: Int] = [:]
        return items.enumerated().map { index, item in
            var key = item.key ?? item.title ?? "article-\(index + 1)"
            // Two items with the same guid still get distinct ids.
            if let n = seenKeys[key] {
                seenKeys[key] = n + 1
                key += "#\(n + 1)"
            } else {
                seenKeys[key] = 1
            }
            return document(item, key: key, format: format, channel: channel, input: input, warnings: parsed.warnings)
        }
    }

    private func document(
        _ item: FeedItem, key: String, format: DocumentFormat, channel: FeedChannel, input: ExtractionInput,
        warnings: [String]
    ) -> Document {
        var text = TextAssembler()
        if let title = item.title { text.append(title, kind: .heading) }
        switch item.body {
        case .text(let t)?:
            for paragraph in t.components(separatedBy: "\n\n") { text.append(paragraph, kind: .paragraph) }
        case .html(let html)?:
            HTMLBlockWalker.append(fragment: html, into: &text)
        case .xhtml(let element)?:
            var walker = HTMLBlockWalker(dropBoilerplate: false)
            walker.walk(element, into: &text)
        case nil:
            break
        }
        var metadata = channelMetadata(channel)
        if let link = item.link { metadata["lien"] = link }
        if !item.categories.isEmpty { metadata["categories"] = item.categories.joined(separator: " ; ") }
        var itemWarnings = warnings
        if item.body == nil { itemWarnings.append("article sans contenu (titre seul)") }
        return Document(
            id: input.itemID(key), source: input.path, item: item.key ?? item.link, format: format,
            title: item.title, date: item.date, authors: item.authors, text: text.text, blocks: text.blocks,
            warnings: itemWarnings, metadata: metadata)
    }

    private func channelMetadata(_ channel: FeedChannel) -> [String: String] {
        var m: [String: String] = [:]
        if let t = channel.title { m["flux"] = t }
        if let l = channel.link { m["lien_flux"] = l }
        return m
    }
}
