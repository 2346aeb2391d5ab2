/// One item of an RSS feed or one entry of an Atom feed, before it becomes a `Document`.
struct FeedItem {
    var key: String?
    var title: String?
    var link: String?
    var date: String?
    var authors: [String] = []
    var categories: [String] = []
    /// The body, and how to read it.
    var body: FeedBody?
}

enum FeedBody {
    /// Plain text (Atom `type="text"`).
    case text(String)
    /// HTML held as character data: CDATA or entity-encoded markup, both arrive as text.
    case html(String)
    /// Inline XHTML elements (Atom `type="xhtml"`).
    case xhtml(XMLElement)
}

/// Channel-level information shared by every item of a feed.
struct FeedChannel {
    var title: String?
    var link: String?
    var description: String?
    var authors: [String] = []
}
