/// Reads RSS 2.0 (`rss/channel/item`) and RSS 1.0 (`rdf:RDF` with `item` siblings of
/// `channel`) into channel information and items.
enum RSSReader {
    static func read(_ root: XMLElement) -> (FeedChannel, [FeedItem]) {
        let channelElement = root.child("channel")
        var channel = FeedChannel()
        if let c = channelElement {
            channel.title = c.child("title")?.text.map(FeedText.plain)
            channel.link = c.child("link")?.text
            channel.description = c.child("description")?.text
            channel.authors = c.children("creator").compactMap { $0.text }
        }
        // RSS 2.0 puts items inside channel; RSS 1.0 beside it.
        var items = channelElement?.children("item") ?? []
        items += root.children("item")
        return (channel, items.map(item))
    }

    static func item(_ e: XMLElement) -> FeedItem {
        var item = FeedItem()
        item.title = e.child("title")?.text.map(FeedText.plain)
        item.link = e.child("link")?.text ?? e.attributes["about"]
        let guid = e.child("guid")?.text
        item.key = guid ?? item.link ?? e.attributes["about"]
        let rawDate = e.child("pubDate")?.text ?? e.child("date", namespace: FeedNamespace.dublinCore)?.text
            ?? e.child("updated")?.text ?? e.child("published")?.text
        item.date = rawDate.flatMap(DateNormalizer.isoDay)
        for creator in e.elements where creator.name == "creator" {
            if let t = creator.text { item.authors.append(t) }
        }
        for author in e.children("author") {
            if let t = author.text { item.authors.append(RSSReader.authorName(t)) }
        }
        item.categories = e.children("category").compactMap { $0.text } + e.children("subject").compactMap { $0.text }
        if let encoded = e.child("encoded", namespace: FeedNamespace.content), let body = encoded.text {
            item.body = .html(encoded.rawText.isEmpty ? body : encoded.rawText)
        } else if let description = e.child("description"), description.text != nil {
            item.body = .html(description.rawText)
        }
        return item
    }

    /// RSS 2.0 `author` is an e-mail address, often "jean@x.fr (Jean Dupont)": keep the name.
    static func authorName(_ s: String) -> String {
        if let open = s.firstIndex(of: "("), let close = s.lastIndex(of: ")"), open < close {
            let name = s[s.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { return name }
        }
        return s
    }
}
