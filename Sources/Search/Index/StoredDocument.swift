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

    // Compact codes of the enumerations (stable: part of the segment format); 255 means
    // "unknown here, the raw value follows as a string".
    fileprivate static let formatCodes: [DocumentFormat] = [
        .pdf, .rss, .atom, .legi, .akomaNtoso, .xml, .html, .docx, .odt, .text, .jsonl,
    ]
    fileprivate static let blockKindCodes: [Block.Kind] = [
        .page, .heading, .paragraph, .listItem, .article, .section, .caption, .table, .tableRow, .preface,
        .conclusions, .signature, .item,
    ]
    fileprivate static let entityTypeCodes: [EntityType] = [.collectivite, .pays, .date, .loi, .organisation, .montant]

    /// Writes the record (layout `RecordLayout.textLast`): the length of the head, the
    /// head (every field but the text), then the text's bytes, so that a hit is shown by
    /// decoding its head and as much of its text as its snippet needs. The file hash is
    /// not part of it: the segment's source table holds it once per source.
    func encode(into out: inout ByteWriter, checkpoints: TextCheckpoints = TextCheckpoints(base: 0)) {
        var w = ByteWriter(capacity: 256)
        encodeHead(into: &w, checkpoints: checkpoints)
        out.varint(w.count)
        out.raw(w.bytes)
        out.raw(document.text.utf8)
    }

    private func encodeHead(into w: inout ByteWriter, checkpoints: TextCheckpoints) {
        let d = document
        // A content-hash id (64 hex digits) is stored as its 32 bytes, after the item
        // marker (flag 4); an empty id string stands in its place.
        let binaryID = StoredDocument.hashBytes(d.id)
        w.string(binaryID == nil ? d.id : "")
        w.string(d.source)
        let idFlag: UInt8 = binaryID == nil ? 0 : 4
        if let item = d.item, item == d.id {
            w.byte(2 | idFlag)  // same as the id (JSON Lines articles): stored once
            if let binaryID { w.raw(binaryID) }
        } else {
            w.byte((d.item == nil ? 0 : 1) | idFlag)
            if let binaryID { w.raw(binaryID) }
            if let item = d.item { w.string(item) }
        }
        Self.code(d.format, Self.formatCodes, \.rawValue, into: &w)
        w.optionalString(d.title)
        w.optionalString(d.date)
        w.varint(d.authors.count)
        for a in d.authors { w.string(a) }
        w.varint(d.pages.map { $0 + 1 } ?? 0)
        w.varint(d.blocks.count)
        var previousStart = 0
        for b in d.blocks {
            Self.code(b.kind, Self.blockKindCodes, \.rawValue, into: &w)
            w.varint(b.page.map { $0 + 1 } ?? 0)
            // Blocks come mostly in text order: starts as signed deltas, ends as lengths.
            w.varint(zigzag(b.start - previousStart))
            w.varint(zigzag(b.end - b.start))
            previousStart = b.start
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
        w.varint(entities.count)
        let text = d.text.utf8
        previousStart = 0
        for e in entities {
            Self.code(e.type, Self.entityTypeCodes, \.rawValue, into: &w)
            w.varint(zigzag(e.start - previousStart))
            w.varint(zigzag(e.end - e.start))
            previousStart = e.start
            // The surface form is nearly always the text's own bytes at the offsets.
            if e.start >= 0, e.end <= text.count, e.start <= e.end,
                text[text.index(text.startIndex, offsetBy: e.start)..<text.index(text.startIndex, offsetBy: e.end)]
                    .elementsEqual(e.text.utf8)
            {
                w.byte(0)
            } else {
                w.byte(1)
                w.string(e.text)
            }
            w.string(e.normalized)
            let attrs = e.attributes.sorted { $0.key < $1.key }
            w.varint(attrs.count)
            for (k, v) in attrs {
                w.string(k)
                w.string(v)
            }
        }
        checkpoints.encode(into: &w)
    }

    /// The 32 bytes of a lower-case hex SHA-256 id, nil for any other id.
    static func hashBytes(_ id: String) -> [UInt8]? {
        let u = id.utf8
        guard u.count == 64 else { return nil }
        var out = [UInt8](repeating: 0, count: 32)
        var k = 0
        var high = true
        for c in u {
            let v: UInt8
            switch c {
            case 0x30...0x39: v = c - 0x30
            case 0x61...0x66: v = c - 0x61 + 10
            default: return nil
            }
            if high { out[k] = v << 4 } else { out[k] |= v; k += 1 }
            high.toggle()
        }
        return out
    }

    /// The id, source and item that open a record (see `encode`).
    fileprivate static func decodeIdentity(_ r: inout ByteReader) -> (id: String, source: String, item: String?) {
        var id = r.string()
        let source = r.string()
        let marker = r.byte()
        if marker & 4 != 0 { id = SHA256.hexString(r.bytes(32)) }
        let itemMarker = marker & 3
        let item: String? = itemMarker == 2 ? id : (itemMarker == 1 ? r.string() : nil)
        return (id, source, item)
    }

    private static func code<T: Equatable>(_ value: T, _ table: [T], _ raw: KeyPath<T, String>, into w: inout ByteWriter) {
        if let i = table.firstIndex(of: value) {
            w.byte(UInt8(i))
        } else {
            w.byte(255)
            w.string(value[keyPath: raw])
        }
    }

    fileprivate static func decodeCode<T>(_ r: inout ByteReader, _ table: [T], _ make: (String) -> T?) -> T? {
        let c = Int(r.byte())
        if c < table.count { return table[c] }
        guard c == 255 else { return nil }
        return make(r.string())
    }

    /// Reads a whole record of the given layout; `fileHash` is the hash the segment's
    /// source table gives the source.
    static func decode(_ r: inout ByteReader, layout: RecordLayout, fileHash: (String) -> String) -> StoredDocument? {
        var head = r
        if layout == .textLast {
            // The head, then the text: the rest of the record.
            guard let h = RecordLayout.head(&r), h.upperBound <= r.end else { return nil }
            head = ByteReader(UnsafeRawBufferPointer(start: r.base, count: h.upperBound), offset: h.lowerBound)
            r.offset = h.upperBound
        }
        let (id, source, item) = decodeIdentity(&head)
        guard let format = decodeCode(&head, formatCodes, { DocumentFormat(rawValue: $0) }) else { return nil }
        let title = head.optionalString()
        let date = head.optionalString()
        var authors: [String] = []
        for _ in 0..<min(head.int(), 1 << 16) { authors.append(head.string()) }
        let pagesCode = head.int()
        let textBytes = layout == .textLast ? r.bytes(r.end - r.offset) : head.bytes(head.int())
        let text = String(decoding: textBytes, as: UTF8.self)
        var blocks: [Block] = []
        let blockCount = min(head.int(), 1 << 24)
        blocks.reserveCapacity(blockCount)
        var previousStart = 0
        for _ in 0..<blockCount {
            let kind = decodeCode(&head, blockKindCodes, { Block.Kind(rawValue: $0) }) ?? .paragraph
            let page = head.int()
            let start = previousStart + unzigzag(head.varint())
            let end = start + unzigzag(head.varint())
            previousStart = start
            let label = head.optionalString()
            if head.overrun { return nil }
            blocks.append(Block(kind: kind, page: page == 0 ? nil : page - 1, start: start, end: end, label: label))
        }
        var warnings: [String] = []
        for _ in 0..<min(head.int(), 1 << 16) { warnings.append(head.string()) }
        var metadata: [String: String] = [:]
        for _ in 0..<min(head.int(), 1 << 16) {
            let k = head.string()
            metadata[k] = head.string()
        }
        var entities: [Entity] = []
        let entityCount = min(head.int(), 1 << 24)
        entities.reserveCapacity(entityCount)
        previousStart = 0
        for _ in 0..<entityCount {
            let type = decodeCode(&head, entityTypeCodes, { EntityType(rawValue: $0) }) ?? .organisation
            let start = previousStart + unzigzag(head.varint())
            let end = start + unzigzag(head.varint())
            previousStart = start
            let surface: String
            if head.byte() == 0 {
                guard start >= 0, start <= end, end <= textBytes.count else { return nil }
                surface = String(decoding: UnsafeBufferPointer(rebasing: textBytes[start..<end]), as: UTF8.self)
            } else {
                surface = head.string()
            }
            let normalized = head.string()
            var attributes: [String: String] = [:]
            for _ in 0..<min(head.int(), 1 << 10) {
                let k = head.string()
                attributes[k] = head.string()
            }
            if head.overrun { return nil }
            entities.append(Entity(type: type, start: start, end: end, text: surface, normalized: normalized, attributes: attributes))
        }
        if head.overrun || r.overrun { return nil }
        let doc = Document(
            id: id, source: source, item: item, format: format, title: title, date: date,
            authors: authors, pages: pagesCode == 0 ? nil : pagesCode - 1, text: text,
            blocks: blocks, warnings: warnings, metadata: metadata)
        return StoredDocument(document: doc, entities: entities, fileHash: fileHash(source))
    }
}

/// Where a record keeps its text. Segments of format 02 hold `textInline` records, those
/// of format 03 `textLast` ones.
enum RecordLayout: Sendable {
    /// The text as a length-prefixed string among the fields, after the page count.
    case textInline
    /// A varint length of the head (every field but the text), the head, then the text's
    /// bytes to the end of the record.
    case textLast

    /// Reads the head's length at the start of a `textLast` record: the head's byte range,
    /// nil when it does not fit in the record (`r` spans at least the head's length).
    static func head(_ r: inout ByteReader) -> Range<Int>? {
        let n = r.int()
        guard !r.overrun, n >= 0, n <= Int(UInt32.max) else { return nil }
        return r.offset..<(r.offset + n)
    }
}

/// What a search hit shows, read from a record without building the whole document: the
/// text stays bytes of the record (for the snippet), blocks are reduced to their pages,
/// entities to distinct (type, id, first surface form).
struct StoredHitFields {
    var id: String
    var source: String
    var item: String?
    var format: DocumentFormat
    var title: String?
    var date: String?
    /// Byte range of the text in the record.
    var text: Range<Int>
    var pages: [(page: Int, start: Int, end: Int)]
    var entities: [(type: EntityType, normalized: String, surface: Surface)]
    var checkpoints: StoredCheckpoints

    /// An entity's surface form: nearly always the text's own bytes, else stored.
    enum Surface {
        /// Byte range in the text.
        case inText(Range<Int>)
        case stored(String)
    }
}

/// Where the analysis of a document's text may restart: the byte offset of a token start
/// every so many positions, and the position of the text's first token in the document's
/// postings (after the title). Snippets use them to analyze only the text around the
/// best window that the postings' positions point at. (The write side; hits read them
/// through `StoredCheckpoints`.)
struct TextCheckpoints {
    /// Position of the text's first token in the postings.
    var base: Int32
    var positions: [Int32] = []
    var offsets: [Int32] = []

    mutating func append(position: Int32, offset: Int32) {
        positions.append(position)
        offsets.append(offset)
    }

    func encode(into w: inout ByteWriter) {
        w.varint(Int(base))
        w.varint(positions.count)
        var p: Int32 = 0
        var o: Int32 = 0
        for k in 0..<positions.count {
            w.varint(Int(positions[k] - p))
            w.varint(Int(offsets[k] - o))
            p = positions[k]
            o = offsets[k]
        }
    }
}

/// The restart points of a stored record read where they lie, in the record (which
/// must outlive this view), rather than decoded into arrays: a hit asks them one thing
/// (`around`). They are the last field of a record's head (of the record, in format 02).
struct StoredCheckpoints {
    /// Position of the text's first token in the postings.
    let base: Int32
    private let count: Int
    /// The (position, offset) delta pairs, varints.
    private let pairs: UnsafeRawBufferPointer

    /// Reads the base and count, and takes the rest of `r` as the pairs.
    static func read(_ r: inout ByteReader) -> StoredCheckpoints {
        let base = Int32(truncatingIfNeeded: r.int())
        let count = min(r.int(), 1 << 24)
        let start = min(r.offset, r.end)
        let pairs = UnsafeRawBufferPointer(start: r.base + start, count: r.end - start)
        r.offset = r.end
        return StoredCheckpoints(base: base, count: max(0, count), pairs: pairs)
    }

    var isEmpty: Bool { count == 0 }

    /// The last restart point at or before text position `position` (byte offset and
    /// position; the text's start when none), and the byte offset of the first one past
    /// `past` (a token start after every token up to that position; nil when none), for
    /// `past` ≥ `position`.
    func around(_ position: Int32, past: Int32) -> (restart: (offset: Int, position: Int32), through: Int?) {
        var r = ByteReader(pairs)
        var p: Int32 = 0
        var o: Int32 = 0
        var restart = (offset: 0, position: Int32(0))
        for _ in 0..<count {
            p &+= Int32(truncatingIfNeeded: r.int())
            o &+= Int32(truncatingIfNeeded: r.int())
            if r.overrun { break }
            if p > past { return (restart, Int(o)) }
            if p <= position { restart = (Int(o), p) }
        }
        return (restart, nil)
    }
}

extension StoredDocument {
    /// Reads the fields a hit shows. `r` spans the record (`textInline`) or the head of a
    /// `textLast` record, whose text is at `textLast` in the record.
    static func decodeHit(_ r: inout ByteReader, textLast: Range<Int>? = nil) -> StoredHitFields? {
        let (id, source, item) = decodeIdentity(&r)
        guard let format = decodeCode(&r, formatCodes, { DocumentFormat(rawValue: $0) }) else { return nil }
        let title = r.optionalString()
        let date = r.optionalString()
        for _ in 0..<min(r.int(), 1 << 16) { _ = r.bytes(r.int()) }
        _ = r.int()
        let text: Range<Int>
        if let textLast {
            text = textLast
        } else {
            let length = r.int()
            let start = r.offset
            _ = r.bytes(length)
            text = start..<(start + length)
        }
        var pages: [(page: Int, start: Int, end: Int)] = []
        let blockCount = min(r.int(), 1 << 24)
        var previousStart = 0
        for _ in 0..<blockCount {
            _ = decodeCode(&r, blockKindCodes, { Block.Kind(rawValue: $0) })
            let page = r.int()
            let start = previousStart + unzigzag(r.varint())
            let end = start + unzigzag(r.varint())
            previousStart = start
            if r.byte() == 1 { _ = r.bytes(r.int()) }
            if r.overrun { return nil }
            if page > 0 { pages.append((page - 1, start, end)) }
        }
        for _ in 0..<min(r.int(), 1 << 16) { _ = r.bytes(r.int()) }
        for _ in 0..<min(r.int(), 1 << 16) {
            _ = r.bytes(r.int())
            _ = r.bytes(r.int())
        }
        var entities: [(type: EntityType, normalized: String, surface: StoredHitFields.Surface)] = []
        var seen = Set<String>()
        let entityCount = min(r.int(), 1 << 24)
        previousStart = 0
        for _ in 0..<entityCount {
            let type = decodeCode(&r, entityTypeCodes, { EntityType(rawValue: $0) }) ?? .organisation
            let start = previousStart + unzigzag(r.varint())
            let end = start + unzigzag(r.varint())
            previousStart = start
            let surface: StoredHitFields.Surface
            if r.byte() == 0 {
                guard start >= 0, start <= end, end <= text.count else { return nil }
                surface = .inText(start..<end)
            } else {
                surface = .stored(r.string())
            }
            let normalized = r.string()
            for _ in 0..<min(r.int(), 1 << 10) {
                _ = r.bytes(r.int())
                _ = r.bytes(r.int())
            }
            if r.overrun { return nil }
            if seen.insert(type.rawValue + ":" + normalized).inserted { entities.append((type, normalized, surface)) }
        }
        let checkpoints = StoredCheckpoints.read(&r)
        if r.overrun { return nil }
        return StoredHitFields(
            id: id, source: source, item: item, format: format, title: title, date: date,
            text: text, pages: pages, entities: entities, checkpoints: checkpoints)
    }
}

@inline(__always) private func zigzag(_ v: Int) -> UInt64 { UInt64(bitPattern: Int64((v << 1) ^ (v >> 63))) }
@inline(__always) private func unzigzag(_ v: UInt64) -> Int { Int(truncatingIfNeeded: (v >> 1) ^ (0 &- (v & 1))) }
