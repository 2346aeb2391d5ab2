import Entities
import Extraction
import Foundation

/// Read access to one immutable segment file (memory-mapped).
final class SegmentReader: @unchecked Sendable {
    let name: String
    let file: MappedFile
    let docCount: Int
    let bodyLengthSum: UInt64
    let titleLengthSum: UInt64
    let terms: TermDictionaryReader
    let postings: UnsafeRawBufferPointer
    let positions: UnsafeRawBufferPointer
    private let norms: UnsafeRawBufferPointer
    private let stored: StoredFieldsReader
    /// Where this segment's records keep their text (by the segment's version).
    let layout: RecordLayout
    private let facetForward: UnsafeRawBufferPointer
    private let facetSection: UnsafeRawBufferPointer
    private let sourceSection: UnsafeRawBufferPointer
    private var facetValuesCache: [String]?

    init(name: String, path: String) throws {
        self.name = name
        file = try MappedFile(path: path)
        let buf = file.buffer
        let corrupt = { (why: String) in IndexError.corrupt(directory: path, reason: why) }
        let footerSize = SegmentFormat.footerSize
        if buf.count >= 8, SegmentFormat.olderHeaderMagics.contains(Array(buf[0..<8])) {
            throw corrupt("format d’index d’une version antérieure de Cooplex : supprimez l’index et réindexez")
        }
        guard buf.count >= SegmentFormat.headerMagic.count + footerSize,
            Array(buf[(buf.count - 8)...]) == SegmentFormat.footerMagic
        else { throw corrupt("segment tronqué ou invalide") }
        let magic = Array(buf[0..<8])
        if magic == SegmentFormat.headerMagic {
            layout = .textLast
        } else if let older = SegmentFormat.readableHeaderMagics.first(where: { $0.magic == magic }) {
            layout = older.layout
        } else {
            throw corrupt("segment tronqué ou invalide")
        }
        var r = ByteReader(buf, offset: buf.count - footerSize)
        var sections: [UnsafeRawBufferPointer] = []
        for _ in SegmentFormat.Section.allCases {
            let o = Int(r.u64())
            let l = Int(r.u64())
            guard o >= 8, l >= 0, o + l <= buf.count - footerSize else { throw corrupt("section hors limites") }
            sections.append(UnsafeRawBufferPointer(rebasing: buf[o..<(o + l)]))
        }
        docCount = Int(r.u32())
        bodyLengthSum = r.u64()
        titleLengthSum = r.u64()
        guard Int(r.u32()) == SegmentFormat.Section.allCases.count else { throw corrupt("version de segment inconnue") }
        guard let dict = TermDictionaryReader(section: sections[0]) else { throw corrupt("dictionnaire des termes") }
        terms = dict
        postings = sections[1]
        positions = sections[2]
        norms = sections[3]
        stored = StoredFieldsReader(stored: sections[4], index: sections[5], dictionary: sections[9], docCount: docCount)
        facetSection = sections[6]
        facetForward = sections[7]
        sourceSection = sections[8]
        guard norms.count >= docCount * 8, facetForward.count >= (docCount + 1) * 4 else {
            throw corrupt("normes ou facettes tronquées")
        }
        guard stored.isConsistent else { throw corrupt("index des champs stockés incohérent") }
    }

    func lookup(_ field: Field, _ term: UnsafeBufferPointer<UInt8>) -> TermInfo? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: term.count + 1) { key in
            key[0] = field.rawValue
            if term.count > 0 { (key.baseAddress! + 1).update(from: term.baseAddress!, count: term.count) }
            return terms.lookup(UnsafeBufferPointer(key))
        }
    }

    func lookup(_ field: Field, _ term: String) -> TermInfo? {
        terms.lookup(field.key(term))
    }

    func iterator(_ info: TermInfo, positions withPositions: Bool = false) -> PostingIterator {
        PostingIterator(postings: postings, positions: withPositions ? positions : nil, info: info)
    }

    @inline(__always) func bodyLength(_ doc: Int32) -> UInt32 {
        norms.loadUnaligned(fromByteOffset: Int(doc) * 8, as: UInt32.self).littleEndian
    }

    @inline(__always) func titleLength(_ doc: Int32) -> UInt32 {
        norms.loadUnaligned(fromByteOffset: Int(doc) * 8 + 4, as: UInt32.self).littleEndian
    }

    /// Facet values of the segment (`pays:MA`, `loi:loi:2005-95`…), indexed by facet id.
    func facetValues() -> [String] {
        if let c = facetValuesCache { return c }
        var r = ByteReader(facetSection)
        var out: [String] = []
        let n = r.int()
        out.reserveCapacity(n)
        for _ in 0..<n where !r.overrun { out.append(r.string()) }
        facetValuesCache = out
        return out
    }

    /// Calls `body` with each facet id of `doc`.
    func forEachFacet(of doc: Int32, _ body: (Int) -> Void) {
        let start = Int(facetForward.loadUnaligned(fromByteOffset: Int(doc) * 4, as: UInt32.self).littleEndian)
        let dataStart = (docCount + 1) * 4
        var r = ByteReader(facetForward, offset: dataStart + start)
        let n = r.int()
        for _ in 0..<n { body(r.int()) }
    }

    /// The source table: source path → file hash, for the sources with documents here.
    func sourceTable() -> [(source: String, fileHash: String)] {
        var r = ByteReader(sourceSection)
        var out: [(String, String)] = []
        let n = r.int()
        for _ in 0..<n where !r.overrun {
            let s = r.string()
            out.append((s, r.string()))
        }
        return out
    }

    private var sourceHashes: [String: String]?
    private let sourceHashesLock = NSLock()

    /// The file hash of `source` from the source table.
    private func fileHash(of source: String) -> String {
        sourceHashesLock.lock()
        defer { sourceHashesLock.unlock() }
        if sourceHashes == nil {
            var table: [String: String] = [:]
            for (s, h) in sourceTable() { table[s] = h }
            sourceHashes = table
        }
        return sourceHashes?[source] ?? ""
    }

    /// The stored document `doc` (decoding that document only); nil when damaged or out
    /// of range.
    func document(_ doc: Int32) -> StoredDocument? {
        guard let record = stored.record(Int(doc)) else { return nil }
        return record.withUnsafeBytes { buf in
            var r = ByteReader(buf)
            return StoredDocument.decode(&r, layout: layout, fileHash: fileHash(of:))
        }
    }

    /// The fields of hit `doc` and its text, passed to `body` (nil when damaged). The
    /// record is decoded as far as its fields; the text as far as `body` reads it.
    func withHit<R>(_ doc: Int32, _ body: (StoredHitFields, HitText) -> R?) -> R? {
        guard let record = stored.cursor(Int(doc)) else { return nil }
        let fields: StoredHitFields?
        switch layout {
        case .textInline:
            guard record.ensure(record.size) else { return nil }
            var r = ByteReader(UnsafeRawBufferPointer(record.bytes))
            fields = StoredDocument.decodeHit(&r)
        case .textLast:
            // The head's length (a varint), then the head.
            guard record.ensure(10) else { return nil }
            var r = ByteReader(UnsafeRawBufferPointer(record.bytes))
            guard let head = RecordLayout.head(&r), head.upperBound <= record.size, record.ensure(head.upperBound) else {
                return nil
            }
            var h = ByteReader(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(record.bytes)[..<head.upperBound]), offset: head.lowerBound)
            fields = StoredDocument.decodeHitHead(&h, textStart: head.upperBound)
        }
        guard let fields, fields.text.upperBound <= record.size else { return nil }
        return body(fields, HitText(record: record, range: fields.text))
    }

    /// Every stored document in order.
    func forEachDocument(_ body: (Int32, StoredDocument) throws -> Void) throws {
        for d in 0..<docCount {
            guard let doc = document(Int32(d)) else {
                throw IndexError.corrupt(directory: file.path, reason: "document \(d) endommagé")
            }
            try body(Int32(d), doc)
        }
    }

    /// Bytes per part: (postings + positions + terms, stored, other).
    var sizeBreakdown: (index: Int, store: Int, total: Int) {
        let idx = postings.count + positions.count + terms.section.count
        let st = stored.stored.count + stored.index.count + stored.dictionary.count
        return (idx, st, file.buffer.count)
    }
}
