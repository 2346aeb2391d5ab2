import Entities
import Extraction

/// A document as kept in the index's store: everything needed to show a hit, build a
/// snippet and export the corpus (text, metadata, blocks, entities), plus the hash of the
/// source file it came from.
public struct StoredDocument: Sendable {
    public var document: Document
    public var entities: [Entity]
    public var fileHash: String

    public init(document: Document, entities: [Entity], fileHash: String) {
        self.document = document
        self.entities = entities
        self.fileHash = fileHash
    }

    func encode(into w: inout ByteWriter) {
        let d = document
        w.string(d.id)
        w.string(d.source)
        if let item = d.item, item == d.id {
            w.byte(2)  // same as the id (JSON Lines articles): stored once
        } else {
            w.optionalString(d.item)
        }
        w.string(d.format.rawValue)
        w.optionalString(d.title)
        w.optionalString(d.date)
        w.varint(d.authors.count)
        for a in d.authors { w.string(a) }
        w.varint(d.pages.map { $0 + 1 } ?? 0)
        w.string(d.text)
        w.varint(d.blocks.count)
        for b in d.blocks {
            w.string(b.kind.rawValue)
            w.varint(b.page.map { $0 + 1 } ?? 0)
            w.varint(b.start)
            w.varint(b.end)
            w.optionalString(b.label)
        }
        w.varint(d.warnings.count)
        for x in d.warnings { w.string(x) }
        let meta = d.metadata.sorted { $0.key < $1.key }
        w.varint(meta.count)
        for (k, v) in meta {
            w.string(k)
            w.string(v)
        }
        w.string(fileHash)
        w.varint(entities.count)
        for e in entities {
            w.string(e.type.rawValue)
            w.varint(e.start)
            w.varint(e.end)
            w.string(e.text)
            w.string(e.normalized)
            let attrs = e.attributes.sorted { $0.key < $1.key }
            w.varint(attrs.count)
            for (k, v) in attrs {
                w.string(k)
                w.string(v)
            }
        }
    }

    static func decode(_ r: inout ByteReader) -> StoredDocument? {
        let id = r.string()
        let source = r.string()
        let itemMarker = r.byte()
        let item: String? = itemMarker == 2 ? id : (itemMarker == 1 ? r.string() : nil)
        let format = DocumentFormat(rawValue: r.string()) ?? .text
        let title = r.optionalString()
        let date = r.optionalString()
        var authors: [String] = []
        for _ in 0..<min(r.int(), 1 << 16) { authors.append(r.string()) }
        let pagesCode = r.int()
        let text = r.string()
        var blocks: [Block] = []
        let blockCount = min(r.int(), 1 << 24)
        blocks.reserveCapacity(blockCount)
        for _ in 0..<blockCount {
            let kind = Block.Kind(rawValue: r.string()) ?? .paragraph
            let page = r.int()
            let start = r.int()
            let end = r.int()
            let label = r.optionalString()
            if r.overrun { return nil }
            blocks.append(Block(kind: kind, page: page == 0 ? nil : page - 1, start: start, end: end, label: label))
        }
        var warnings: [String] = []
        for _ in 0..<min(r.int(), 1 << 16) { warnings.append(r.string()) }
        var metadata: [String: String] = [:]
        for _ in 0..<min(r.int(), 1 << 16) {
            let k = r.string()
            metadata[k] = r.string()
        }
        let fileHash = r.string()
        var entities: [Entity] = []
        let entityCount = min(r.int(), 1 << 24)
        for _ in 0..<entityCount {
            let type = EntityType(rawValue: r.string()) ?? .organisation
            let start = r.int()
            let end = r.int()
            let text = r.string()
            let normalized = r.string()
            var attributes: [String: String] = [:]
            for _ in 0..<min(r.int(), 1 << 10) {
                let k = r.string()
                attributes[k] = r.string()
            }
            if r.overrun { return nil }
            entities.append(Entity(type: type, start: start, end: end, text: text, normalized: normalized, attributes: attributes))
        }
        if r.overrun { return nil }
        let doc = Document(
            id: id, source: source, item: item, format: format, title: title, date: date,
            authors: authors, pages: pagesCode == 0 ? nil : pagesCode - 1, text: text,
            blocks: blocks, warnings: warnings, metadata: metadata)
        return StoredDocument(document: doc, entities: entities, fileHash: fileHash)
    }
}
