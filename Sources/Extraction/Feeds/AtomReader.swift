/// Reads Atom 1.0 (`feed/entry`, RFC 4287).
enum AtomReader {
    static func read(_ root: XMLElement) -> (FeedChannel, [FeedItem]) {
        var channel = FeedChannel()
        channel.title = root.child("title").flatMap(textConstruct)
        channel.link = alternateLink(root)
        channel.description = root.child("subtitle").flatMap(textConstruct)
        channel.authors = root.children("author").compactMap { $0.child("name")?.text }
        let items = root.children("entry").map { entry -> FeedItem in
            var item = self.entry(entry)
            // RFC 4287: a feed's authors apply to entries that name none.
            if item.authors.isEmpty { item.authors = channel.authors }
            return item
        }
        return (channel, items)
    }

    static func entry(_ e: XMLElement) -> FeedItem {
        var item = FeedItem()
        item.title = e.child("title").flatMap(textConstruct)
        item.link = alternateLink(e)
        item.key = e.child("id")?.text ?? item.link
        let rawDate = e.child("published")?.text ?? e.child("updated")?.text
        item.date = rawDate.flatMap(DateNormalizer.isoDay)
        item.authors = e.children("author").compactMap { $0.child("name")?.text }
        item.categories = e.children("category").compactMap { $0.attributes["label"] ?? $0.attributes["term"] }
        if let content = e.child("content"), content.attributes["src"] == nil, let body = body(content) {
            item.body = body
        } else if let summary = e.child("summary") {
            item.body = body(summary)
        }
        return item
    }

    static func body(_ e: XMLElement) -> FeedBody? {
        switch e.attributes["type"] ?? "text" {
        case "xhtml":
            return .xhtml(e)
        case "html", "text/html":
            return e.text == nil ? nil : .html(e.rawText)
        default:
            return e.text.map(FeedBody.text)
        }
    }

    /// A title or subtitle as plain text, whatever its `type`.
    static func textConstruct(_ e: XMLElement) -> String? {
        switch e.attributes["type"] ?? "text" {
        case "html", "text/html": return e.text.map(FeedText.plain)
        default: return e.text
        }
    }

    static func alternateLink(_ e: XMLElement) -> String? {
        let links = e.children("link")
        let alternate = links.first { ($0.attributes["rel"] ?? "alternate") == "alternate" } ?? links.first
        return alternate?.attributes["href"]
    }
}

/// Text helpers for feed fields.
enum FeedText {
    /// A field that may hold HTML markup or entities, as plain one-line text.
    static func plain(_ s: String) -> String {
        guard s.contains("<") || s.contains("&") else { return s }
        return Whitespace.collapse(HTMLBlockWalker.plainText(ofFragment: s))
    }
}
