/// The stored fields of one segment: each document's record (see `StoredDocument`)
/// compressed on its own against a dictionary sampled from the segment's first records
/// (see `LZCompressor`), so that showing a hit decodes that hit and nothing else.
///
/// Three sections of the segment file:
/// - `stored`: the compressed records, in document order;
/// - `storedIndex`: per document, u64 offset of its compressed record in `stored` and u32
///   size of the record once decoded (12 bytes);
/// - `storedDictionary`: the dictionary's bytes (empty for small segments).
struct StoredFieldsWriter {
    /// Largest dictionary (the reach of a 16-bit offset).
    static let dictionaryLimit = LZCompressor.maxOffset
    /// Records buffered before the dictionary is sampled from them.
    static let trainingBytes = 1 << 20
    /// Below this many bytes a dictionary costs more than it saves.
    static let smallestDictionary = 4096
    static let indexEntrySize = 12

    private var pending: [[UInt8]] = []
    private var pendingBytes = 0
    private var dictionary: LZCompressor.Dictionary?
    private(set) var data: [UInt8] = []
    private var index = ByteWriter()

    /// Bytes held for the documents: compressed records, records waiting for the
    /// dictionary, the index (the dictionary itself, at most 64 KiB plus its tables, is a
    /// fixed overhead).
    var memoryBytes: Int {
        data.capacity + pendingBytes + pending.count * 48 + index.bytes.capacity
    }

    mutating func add(_ record: [UInt8]) {
        if let dictionary {
            append(record, dictionary)
            return
        }
        pending.append(record)
        pendingBytes += record.count
        if pendingBytes >= Self.trainingBytes { startCompressing() }
    }

    private mutating func startCompressing() {
        let dict = LZCompressor.Dictionary(Self.sample(pending, total: pendingBytes))
        dictionary = dict
        for r in pending { append(r, dict) }
        pending = []
        pendingBytes = 0
    }

    private mutating func append(_ record: [UInt8], _ dict: LZCompressor.Dictionary) {
        index.u64(UInt64(data.count))
        index.u32(UInt32(record.count))
        record.withUnsafeBufferPointer { LZCompressor.compress($0, dictionary: dict, into: &data) }
    }

    /// The three sections: compressed records, index, dictionary.
    mutating func finish() -> (stored: [UInt8], index: [UInt8], dictionary: [UInt8]) {
        if dictionary == nil { startCompressing() }
        return (data, index.bytes, dictionary?.bytes ?? [])
    }

    /// A dictionary of about a quarter of the sample (at most 64 KiB): pieces taken at even
    /// intervals through the records, so it holds what recurs across documents (ids,
    /// titles, the phrases of the law) rather than one document's text.
    static func sample(_ records: [[UInt8]], total: Int) -> [UInt8] {
        let size = min(dictionaryLimit, total / 4)
        guard size >= smallestDictionary else { return [] }
        let piece = max(256, size / 64)
        let pieces = size / piece
        let stride = total / pieces
        var out: [UInt8] = []
        out.reserveCapacity(pieces * piece)
        var recordIndex = 0
        var recordStart = 0
        for k in 0..<pieces {
            var at = k * stride
            var need = piece
            // Find the record holding byte `at` of the concatenation, then copy across
            // records until the piece is full.
            while recordIndex < records.count, recordStart + records[recordIndex].count <= at {
                recordStart += records[recordIndex].count
                recordIndex += 1
            }
            var r = recordIndex
            var rStart = recordStart
            while need > 0, r < records.count {
                let rec = records[r]
                let from = at - rStart
                let take = min(need, rec.count - from)
                out.append(contentsOf: rec[from..<(from + take)])
                need -= take
                at += take
                rStart += rec.count
                r += 1
            }
        }
        return out
    }
}

/// Read side of the stored fields, over the mapped sections of a segment.
struct StoredFieldsReader {
    let stored: UnsafeRawBufferPointer
    let index: UnsafeRawBufferPointer
    let dictionary: UnsafeRawBufferPointer
    let docCount: Int

    var isConsistent: Bool { index.count == docCount * StoredFieldsWriter.indexEntrySize }

    /// The decoded record of `doc`, or nil when out of range or damaged.
    func record(_ doc: Int) -> [UInt8]? {
        guard let (source, dict, size) = compressed(doc) else { return nil }
        return LZCompressor.decompress(source, dictionary: dict, expectedSize: size)
    }

    /// The record of `doc`, to be decoded as far as it is read; nil when out of range.
    func cursor(_ doc: Int) -> RecordCursor? {
        guard let (source, dict, size) = compressed(doc) else { return nil }
        return RecordCursor(compressed: source, dictionary: dict, size: size)
    }

    /// The compressed bytes of `doc`'s record, the dictionary and the decoded size.
    private func compressed(_ doc: Int) -> (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, Int)? {
        guard doc >= 0, doc < docCount, isConsistent else { return nil }
        let entry = doc * StoredFieldsWriter.indexEntrySize
        let offset = Int(truncatingIfNeeded: index.loadUnaligned(fromByteOffset: entry, as: UInt64.self).littleEndian)
        let size = Int(index.loadUnaligned(fromByteOffset: entry + 8, as: UInt32.self).littleEndian)
        let end =
            doc + 1 < docCount
            ? Int(truncatingIfNeeded: index.loadUnaligned(fromByteOffset: entry + StoredFieldsWriter.indexEntrySize, as: UInt64.self).littleEndian)
            : stored.count
        // A sequence of the codec yields at most about 255 bytes per byte it takes: a larger
        // size is damage, not a record to allocate for.
        guard offset >= 0, offset <= end, end <= stored.count, size <= (end - offset) * 256 + 64 else { return nil }
        let source = UnsafeBufferPointer(
            start: stored.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) + offset }, count: end - offset)
        let dict = UnsafeBufferPointer(
            start: dictionary.baseAddress?.assumingMemoryBound(to: UInt8.self), count: dictionary.count)
        return (source, dict, size)
    }
}
