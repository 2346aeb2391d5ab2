import Extraction

/// The contract's JSON form of an entity (`cooplex entities --json`), offsets in code points.
extension Entity {
    public func jsonObject(document: Document, offsets: CodePointOffsets) -> JSONValue {
        .object([
            ("doc", .string(document.id)),
            ("source", .string(document.source)),
            ("type", .string(type.rawValue)),
            ("text", .string(text)),
            ("start", .int(offsets.codePoint(atByte: start))),
            ("end", .int(offsets.codePoint(atByte: end))),
            ("normalized", .string(normalized)),
            ("attributes", .object(attributes.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
        ])
    }
}
