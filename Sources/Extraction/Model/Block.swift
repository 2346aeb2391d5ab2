/// A structural unit of a document's text: a page, a heading, a paragraph, an article.
///
/// `start` and `end` are **UTF-8 byte offsets** into `Document.text` (end exclusive).
/// They become code-point offsets only at the JSON edge (`Document.jsonObject`).
public struct Block: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable, Codable {
        case page
        case heading
        case paragraph
        case listItem = "list-item"
        case article
        case section
        case caption
        case table
        case tableRow = "table-row"
        case preface
        case conclusions
        case signature
        case item
    }

    public var kind: Kind
    public var page: Int?
    public var start: Int
    public var end: Int
    public var label: String?

    public init(kind: Kind, page: Int? = nil, start: Int, end: Int, label: String? = nil) {
        self.kind = kind
        self.page = page
        self.start = start
        self.end = end
        self.label = label
    }
}
