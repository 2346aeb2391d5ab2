/// The kinds of entity Cooplex finds. Raw values are the contract's `type` strings.
public enum EntityType: String, Sendable, Codable, CaseIterable, Hashable {
    case collectivite
    case pays
    case date
    case loi
    case organisation
    case montant
}

/// One recognized and linked mention. `start`/`end` are UTF-8 byte offsets into the
/// document text (end exclusive); `text` is the surface form exactly as in the text.
public struct Entity: Sendable, Equatable, Hashable {
    public var type: EntityType
    public var start: Int
    public var end: Int
    public var text: String
    /// The linked identifier (`MA`, `loi:2005-95`, `commune:90010`, `2013-03-05/2013-03-07`…).
    public var normalized: String
    /// Type-specific attributes (`name`, `kind`, `title`, `alias`…), as in the contract.
    public var attributes: [String: String]

    public init(
        type: EntityType, start: Int, end: Int, text: String, normalized: String,
        attributes: [String: String] = [:]
    ) {
        self.type = type
        self.start = start
        self.end = end
        self.text = text
        self.normalized = normalized
        self.attributes = attributes
    }
}
