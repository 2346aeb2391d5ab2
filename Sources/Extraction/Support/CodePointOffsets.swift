/// Converts UTF-8 byte offsets of one text into Unicode code-point offsets (what the
/// contract's `start`/`end` count, as Python's `str` does). Built once per text; each
/// conversion is a binary search over a sparse checkpoint table plus a short scan.
public struct CodePointOffsets: Sendable {
    private let utf8: [UInt8]
    /// checkpoints[i] = number of code points before byte i * stride.
    private let checkpoints: [Int]
    private static let stride = 256

    public init(_ text: String) {
        utf8 = Array(text.utf8)
        var marks: [Int] = []
        marks.reserveCapacity(utf8.count / CodePointOffsets.stride + 1)
        var count = 0
        for (i, b) in utf8.enumerated() {
            if i % CodePointOffsets.stride == 0 { marks.append(count) }
            if b & 0xC0 != 0x80 { count += 1 }
        }
        marks.append(count)
        checkpoints = marks
    }

    /// The code-point offset of byte offset `byte` (clamped to the text).
    public func codePoint(atByte byte: Int) -> Int {
        let b = max(0, min(byte, utf8.count))
        let block = b / CodePointOffsets.stride
        var count = checkpoints[min(block, checkpoints.count - 1)]
        var i = block * CodePointOffsets.stride
        while i < b {
            if utf8[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }
}
