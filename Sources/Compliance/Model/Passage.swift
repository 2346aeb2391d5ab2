/// A span of the convention's text that supports a finding: UTF-8 byte offsets into
/// `Document.text` (end exclusive), the quoted text, and where it is (page, article).
public struct Passage: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var text: String
    public var page: Int?
    /// The label of the article it belongs to ("Article 4"), nil in the preamble.
    public var article: String?

    public init(start: Int, end: Int, text: String, page: Int? = nil, article: String? = nil) {
        self.start = start
        self.end = end
        self.text = text
        self.page = page
        self.article = article
    }

    /// "p. 2, Article 4", "Article 4", "p. 2" or "" when nothing is known.
    public var locationDescription: String {
        var parts: [String] = []
        if let page { parts.append("p. \(page)") }
        if let article { parts.append(article) }
        return parts.joined(separator: ", ")
    }
}
