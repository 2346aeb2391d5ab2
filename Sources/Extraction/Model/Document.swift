/// What every extractor produces: clean NFC text plus its structure and metadata.
///
/// Downstream stages work on `text.utf8` with byte offsets.
public struct Document: Sendable, Equatable {
    /// SHA-256 hex of the file's bytes; for a feed item, of the bytes + "#" + item key.
    public var id: String
    /// The path as the user gave it.
    public var source: String
    /// Feed item guid/link, article identifier in a multi-document file, else nil.
    public var item: String?
    public var format: DocumentFormat
    public var title: String?
    /// ISO 8601 `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) when the source states it.
    public var date: String?
    public var authors: [String]
    public var pages: Int?
    public var text: String
    public var blocks: [Block]
    public var warnings: [String]
    /// Further metadata by name (subject, keywords, parties, signatories, identifiers…).
    public var metadata: [String: String]

    public init(
        id: String, source: String, item: String? = nil, format: DocumentFormat,
        title: String? = nil, date: String? = nil, authors: [String] = [], pages: Int? = nil,
        text: String, blocks: [Block] = [], warnings: [String] = [], metadata: [String: String] = [:]
    ) {
        self.id = id
        self.source = source
        self.item = item
        self.format = format
        self.title = title
        self.date = date
        self.authors = authors
        self.pages = pages
        self.text = text
        self.blocks = blocks
        self.warnings = warnings
        self.metadata = metadata
    }
}
