import Entities
import Extraction

/// One indexed document as the export needs it: stored fields plus linked entities.
public struct ExportDocument: Sendable {
    public var id: String
    public var source: String
    public var item: String?
    public var format: String
    public var title: String?
    public var date: String?
    public var pages: Int?
    public var text: String
    public var entities: [Entity]

    public init(
        id: String, source: String, item: String? = nil, format: String, title: String? = nil, date: String? = nil,
        pages: Int? = nil, text: String, entities: [Entity] = []
    ) {
        self.id = id
        self.source = source
        self.item = item
        self.format = format
        self.title = title
        self.date = date
        self.pages = pages
        self.text = text
        self.entities = entities
    }

    public init(_ document: Document, entities: [Entity]) {
        self.init(
            id: document.id, source: document.source, item: document.item, format: document.format.rawValue,
            title: document.title, date: document.date, pages: document.pages, text: document.text, entities: entities)
    }

    /// The `_source` of the bulk line: stored fields, one keyword array per entity type
    /// (normalized ids, deduplicated, in first-mention order), the year, and the mentions.
    public func sourceObject() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(id)),
            ("source", .string(source)),
            ("item", .optional(item)),
            ("format", .string(format)),
            ("title", .optional(title)),
            ("date", .optional(date)),
            ("annee", .optional(date.flatMap { $0.count >= 4 ? String($0.prefix(4)) : nil })),
            ("pages", .optional(pages)),
            ("text", .string(text)),
        ]
        for type in EntityType.allCases {
            var seen: Set<String> = []
            var values: [JSONValue] = []
            for entity in entities where entity.type == type && seen.insert(entity.normalized).inserted {
                values.append(.string(entity.normalized))
            }
            members.append((OpenSearchExport.field(for: type), .array(values)))
        }
        var mentions: Set<Entity.Mention> = []
        var list: [JSONValue] = []
        for entity in entities {
            let mention = Entity.Mention(type: entity.type, normalized: entity.normalized, text: entity.text)
            if mentions.insert(mention).inserted {
                list.append(
                    .object([
                        ("type", .string(entity.type.rawValue)), ("normalized", .string(entity.normalized)),
                        ("text", .string(entity.text)),
                    ]))
            }
        }
        members.append(("entites", .array(list)))
        return .object(members)
    }
}

extension Entity {
    /// An entity without its position: one per distinct surface form in the export.
    struct Mention: Hashable {
        var type: EntityType
        var normalized: String
        var text: String
    }
}
