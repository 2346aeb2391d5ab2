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
    /// head (what a hit shows: identity, title, date, the page of each text offset, the
    /// distinct entities, the text's length, the snippet restart points), the text's
    /// bytes, then the tail (everything else: authors, blocks, warnings, metadata, every
    /// entity mention). A hit decodes the head and as much of the text as its snippet
    /// needs, never the tail. The file hash is not part of the record: the segment's
    /// source table holds it once per source.
    func encode(into out: inout ByteWriter, checkpoints: TextCheckpoints = TextCheckpoints(base: 0)) {
        var head = ByteWriter(capacity: 256)
        encodeIdentity(into: &head)
        let pages = StoredDocument.pageMap(document.blocks)
        head.varint(pages.count)
        var previousEnd = 0
        for p in pages {
            // Disjoint and in text order: gaps and lengths.
            head.varint(p.page + 1)
            head.varint(p.start - previousEnd)
            head.varint(p.end - p.start)
            previousEnd = p.end
        }
        var shown = Set<String>()
        var distinct: [Entity] = []
        for e in entities where shown.insert(e.type.rawValue + ":" + e.normalized).inserted { distinct.append(e) }
        head.varint(distinct.count)
        for e in distinct {
            Self.code(e.type, Self.entityTypeCodes, \.rawValue, into: &head)
            head.string(e.normalized)
            head.string(e.text)
        }
        head.varint(document.text.utf8.count)
        checkpoints.encode(into: &head)
        out.varint(head.count)
        out.raw(head.bytes)
        out.raw(document.text.utf8)
        encodeTail(into: &out)
    }

    /// Id, source, item, format, title and date: the start of a record in both layouts.
    private func encodeIdentity(into w: inout ByteWriter) {
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
    }

    /// Authors, page count, blocks, warnings, metadata and entity mentions (the part of a
    /// record after its text; from the blocks on, as in format 02).
    private func encodeTail(into w: inout ByteWriter) {
        let d = document
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
    }

    /// The page a hit shows for each offset of the text: the page of the first block, in
    /// block order, that holds the offset (a block of no length holds its start), as
    /// disjoint ranges in text order, neighbours of one page merged.
    static func pageMap(_ blocks: [Block]) -> [(page: Int, start: Int, end: Int)] {
        // Ranges already given a page, sorted and disjoint: a later block only fills gaps.
        var painted: [(page: Int, start: Int, end: Int)] = []
        for b in blocks {
            guard let page = b.page, b.start >= 0 else { continue }
            var s = b.start
            let e = max(b.end, b.start + 1)
            // The first painted range ending after `s`.
            var lo = 0
            var hi = painted.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if painted[mid].end <= s { lo = mid + 1 } else { hi = mid }
            }
            var i = lo
            while s < e {
                if i < painted.count, painted[i].start <= s {
                    s = max(s, painted[i].end)
                    i += 1
                    continue
                }
                let gapEnd = i < painted.count ? min(e, painted[i].start) : e
                painted.insert((page, s, gapEnd), at: i)
                i += 1
                s = gapEnd
            }
        }
        var merged: [(page: Int, start: Int, end: Int)] = []
        for p in painted {
            if let last = merged.last, last.page == p.page, last.end == p.start {
                merged[merged.count - 1].end = p.end
            } else {
                merged.append(p)
            }
        }
        return merged
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
        // `head`: the fields before the text; `tail`: those after it.
        var head = r
        if layout == .textLast {
            guard let h = RecordLayout.head(&r), h.upperBound <= r.end else { return nil }
            head = ByteReader(UnsafeRawBufferPointer(start: r.base, count: h.upperBound), offset: h.lowerBound)
            r.offset = h.upperBound
        }
        let (id, source, item) = decodeIdentity(&head)
        guard let format = decodeCode(&head, formatCodes, { DocumentFormat(rawValue: $0) }) else { return nil }
        let title = head.optionalString()
        let date = head.optionalString()
        func authorsAndPages(_ r: inout ByteReader) -> (authors: [String], pagesCode: Int) {
            var authors: [String] = []
            for _ in 0..<min(r.int(), 1 << 16) { authors.append(r.string()) }
            return (authors, r.int())
        }
        let textBytes: UnsafeBufferPointer<UInt8>
        var tail: ByteReader
        let (authors, pagesCode): ([String], Int)
        if layout == .textLast {
            // The page map and the distinct entities (for hits), then the text's length.
            for _ in 0..<min(head.int(), 1 << 24) where !head.overrun {
                _ = head.varint()
                _ = head.varint()
                _ = head.varint()
            }
            for _ in 0..<min(head.int(), 1 << 24) where !head.overrun {
                _ = decodeCode(&head, entityTypeCodes, { EntityType(rawValue: $0) })
                _ = head.bytes(head.int())
                _ = head.bytes(head.int())
            }
            textBytes = r.bytes(head.int())
            if head.overrun { return nil }
            tail = r
            (authors, pagesCode) = authorsAndPages(&tail)
        } else {
            (authors, pagesCode) = authorsAndPages(&head)
            textBytes = head.bytes(head.int())
            tail = head
        }
        guard let rest = decodeRest(&tail, textBytes: textBytes) else { return nil }
        let doc = Document(
            id: id, source: source, item: item, format: format, title: title, date: date,
            authors: authors, pages: pagesCode == 0 ? nil : pagesCode - 1, text: String(decoding: textBytes, as: UTF8.self),
            blocks: rest.blocks, warnings: rest.warnings, metadata: rest.metadata)
        return StoredDocument(document: doc, entities: rest.entities, fileHash: fileHash(source))
    }

    /// Blocks, warnings, metadata and entity mentions: the same in both layouts.
    private static func decodeRest(
        _ r: inout ByteReader, textBytes: UnsafeBufferPointer<UInt8>
    ) -> (blocks: [Block], warnings: [String], metadata: [String: String], entities: [Entity])? {
        var blocks: [Block] = []
        let blockCount = min(r.int(), 1 << 24)
        blocks.reserveCapacity(blockCount)
        var previousStart = 0
        for _ in 0..<blockCount {
            let kind = decodeCode(&r, blockKindCodes, { Block.Kind(rawValue: $0) }) ?? .paragraph
            let page = r.int()
            let start = previousStart + unzigzag(r.varint())
            let end = start + unzigzag(r.varint())
            previousStart = start
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
        var entities: [Entity] = []
        let entityCount = min(r.int(), 1 << 24)
        entities.reserveCapacity(entityCount)
        previousStart = 0
        for _ in 0..<entityCount {
            let type = decodeCode(&r, entityTypeCodes, { EntityType(rawValue: $0) }) ?? .organisation
            let start = previousStart + unzigzag(r.varint())
            let end = start + unzigzag(r.varint())
            previousStart = start
            let surface: String
            if r.byte() == 0 {
                guard start >= 0, start <= end, end <= textBytes.count else { return nil }
                surface = String(decoding: UnsafeBufferPointer(rebasing: textBytes[start..<end]), as: UTF8.self)
            } else {
                surface = r.string()
            }
            let normalized = r.string()
            var attributes: [String: String] = [:]
            for _ in 0..<min(r.int(), 1 << 10) {
                let k = r.string()
                attributes[k] = r.string()
            }
            if r.overrun { return nil }
            entities.append(Entity(type: type, start: start, end: end, text: surface, normalized: normalized, attributes: attributes))
        }
        if r.overrun { return nil }
        return (blocks, warnings, metadata, entities)
    }
}

/// Where a record keeps its text. Segments of format 02 hold `textInline` records, those
/// of format 03 `textLast` ones.
enum RecordLayout: Sendable {
    /// The text as a length-prefixed string among the fields, after the page count.
    case textInline
    /// A varint length of the head (what a hit shows), the head, the text's bytes, then
    /// the tail (the other fields: see `StoredDocument.encode`).
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
    var entities: [(type: EntityType, normalized: String, text: String)]
    var checkpoints: StoredCheckpoints
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
    /// Reads the fields a hit shows from a `textInline` record (`r` spans it).
    static func decodeHit(_ r: inout ByteReader) -> StoredHitFields? {
        let (id, source, item) = decodeIdentity(&r)
        guard let format = decodeCode(&r, formatCodes, { DocumentFormat(rawValue: $0) }) else { return nil }
        let title = r.optionalString()
        let date = r.optionalString()
        for _ in 0..<min(r.int(), 1 << 16) { _ = r.bytes(r.int()) }
        _ = r.int()
        let length = r.int()
        let text = r.offset..<(r.offset + length)
        let textBytes = r.bytes(length)
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
        var entities: [(type: EntityType, normalized: String, text: String)] = []
        var seen = Set<String>()
        let entityCount = min(r.int(), 1 << 24)
        previousStart = 0
        for _ in 0..<entityCount {
            let type = decodeCode(&r, entityTypeCodes, { EntityType(rawValue: $0) }) ?? .organisation
            let start = previousStart + unzigzag(r.varint())
            let end = start + unzigzag(r.varint())
            previousStart = start
            let surface: UnsafeBufferPointer<UInt8>
            if r.byte() == 0 {
                guard start >= 0, start <= end, end <= textBytes.count else { return nil }
                surface = UnsafeBufferPointer(rebasing: textBytes[start..<end])
            } else {
                surface = r.bytes(r.int())
            }
            let normalized = r.string()
            for _ in 0..<min(r.int(), 1 << 10) {
                _ = r.bytes(r.int())
                _ = r.bytes(r.int())
            }
            if r.overrun { return nil }
            if seen.insert(type.rawValue + ":" + normalized).inserted {
                entities.append((type, normalized, String(decoding: surface, as: UTF8.self)))
            }
        }
        let checkpoints = StoredCheckpoints.read(&r)
        if r.overrun { return nil }
        return StoredHitFields(
            id: id, source: source, item: item, format: format, title: title, date: date,
            text: text, pages: pages, entities: entities, checkpoints: checkpoints)
    }

    /// Reads the fields a hit shows from the head of a `textLast` record (`r` spans the
    /// head), whose text starts at `textStart` in the record.
    static func decodeHitHead(_ r: inout ByteReader, textStart: Int) -> StoredHitFields? {
        let (id, source, item) = decodeIdentity(&r)
        guard let format = decodeCode(&r, formatCodes, { DocumentFormat(rawValue: $0) }) else { return nil }
        let title = r.optionalString()
        let date = r.optionalString()
        var pages: [(page: Int, start: Int, end: Int)] = []
        let pageCount = min(r.int(), 1 << 24)
        pages.reserveCapacity(pageCount)
        var previousEnd = 0
        for _ in 0..<pageCount {
            let page = r.int() - 1
            let start = previousEnd + r.int()
            let end = start + r.int()
            previousEnd = end
            if r.overrun { return nil }
            pages.append((page, start, end))
        }
        var entities: [(type: EntityType, normalized: String, text: String)] = []
        let entityCount = min(r.int(), 1 << 24)
        entities.reserveCapacity(entityCount)
        for _ in 0..<entityCount {
            let type = decodeCode(&r, entityTypeCodes, { EntityType(rawValue: $0) }) ?? .organisation
            let normalized = r.string()
            let surface = r.string()
            if r.overrun { return nil }
            entities.append((type, normalized, surface))
        }
        let length = r.int()
        let checkpoints = StoredCheckpoints.read(&r)
        if r.overrun || length < 0 { return nil }
        return StoredHitFields(
            id: id, source: source, item: item, format: format, title: title, date: date,
            text: textStart..<(textStart + length), pages: pages, entities: entities, checkpoints: checkpoints)
    }
}

@inline(__always) private func zigzag(_ v: Int) -> UInt64 { UInt64(bitPattern: Int64((v << 1) ^ (v >> 63))) }
@inline(__always) private func unzigzag(_ v: UInt64) -> Int { Int(truncatingIfNeeded: (v >> 1) ^ (0 &- (v & 1))) }
