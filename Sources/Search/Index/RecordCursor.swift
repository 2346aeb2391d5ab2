/// One stored record, decoded from its compressed form only as far as it is read: a hit
/// shows its head and the part of its text around the snippet, so a long document is not
/// decoded whole for ten lines of it (records of layout `RecordLayout.textLast`).
final class RecordCursor {
    private let buffer: UnsafeMutablePointer<UInt8>
    /// The record's decoded size.
    let size: Int
    private var decoder: LZCompressor.Decoder
    private var damaged = false

    init(compressed: UnsafeBufferPointer<UInt8>, dictionary: UnsafeBufferPointer<UInt8>, size: Int) {
        buffer = .allocate(capacity: size + LZCompressor.outputSlack)
        self.size = size
        decoder = LZCompressor.Decoder(compressed, dictionary: dictionary, into: buffer, capacity: size)
    }

    deinit { buffer.deallocate() }

    /// Decodes at least the record's first `n` bytes (all of them when `n` ≥ `size`);
    /// false when the record is damaged.
    func ensure(_ n: Int) -> Bool {
        let want = min(max(n, 0), size)
        if damaged { return false }
        if decoder.decoded >= want && (want < size || decoder.finished) { return true }
        // The last byte is decoded with the rest of the input: a record that decodes to
        // more than its size is damaged too.
        guard decoder.run(until: want == size ? .max : want), decoder.decoded >= want,
            decoder.finished ? decoder.decoded == size : want < size
        else {
            damaged = true
            return false
        }
        return true
    }

    /// The bytes decoded so far.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: buffer, count: decoder.decoded) }
}

/// A hit's text inside its record, decoded as it is read.
struct HitText {
    let record: RecordCursor
    /// The text's bytes in the record.
    let range: Range<Int>

    var count: Int { range.count }

    /// At least the text's first `n` bytes (all of them when `n` ≥ `count`), maybe more;
    /// nil when the record is damaged.
    func prefix(_ n: Int) -> UnsafeBufferPointer<UInt8>? {
        guard record.ensure(range.lowerBound + min(max(n, 0), count)) else { return nil }
        let decoded = record.bytes
        let end = min(decoded.count, range.upperBound)
        return UnsafeBufferPointer(rebasing: decoded[range.lowerBound..<end])
    }

    /// The whole text; nil when the record is damaged.
    var whole: UnsafeBufferPointer<UInt8>? { prefix(count) }

    /// `make` on the text's first `first` bytes, then on its first `then` bytes, then on
    /// all of it, until it answers (`whole`: it was given the whole text, and then must
    /// answer); nil when the record is damaged.
    func read<R>(first: Int, then: Int = .max, _ make: (_ bytes: UnsafeBufferPointer<UInt8>, _ whole: Bool) -> R?) -> R? {
        var n = first
        while true {
            guard let b = prefix(n) else { return nil }
            let whole = b.count == count
            if let made = make(b, whole) { return made }
            if whole { return nil }
            n = n < then ? then : .max
        }
    }
}
