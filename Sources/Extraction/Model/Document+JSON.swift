/// The contract's JSON form of a document (`cooplex extract --json`), offsets in code points.
extension Document {
    public func jsonObject(offsets: CodePointOffsets? = nil) -> JSONValue {
        let map = offsets ?? CodePointOffsets(text)
        let blockValues: [JSONValue] = blocks.map { block in
            .object([
                ("kind", .string(block.kind.rawValue)),
                ("page", .optional(block.page)),
                ("start", .int(map.codePoint(atByte: block.start))),
                ("end", .int(map.codePoint(atByte: block.end))),
                ("label", .optional(block.label)),
            ])
        }
        var members: [(String, JSONValue)] = [
            ("id", .string(id)),
            ("source", .string(source)),
            ("item", .optional(item)),
            ("format", .string(format.rawValue)),
            ("title", .optional(title)),
            ("date", .optional(date)),
            ("authors", .array(authors.map(JSONValue.string))),
            ("pages", .optional(pages)),
            ("text", .string(text)),
            ("blocks", .array(blockValues)),
            ("warnings", .array(warnings.map(JSONValue.string))),
        ]
        if !metadata.isEmpty {
            members.append(
                ("metadata", .object(metadata.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
        }
        return .object(members)
    }
}
