/// Builds a document's text block by block, recording each block's UTF-8 byte range.
///
/// Every piece goes through `TextNormalizer.normalize` before its offsets are taken, so the
/// offsets stay exact in the final NFC text. Blocks are separated by a blank line.
public struct TextAssembler: Sendable {
    public private(set) var text: String = ""
    public private(set) var blocks: [Block] = []
    private var byteCount = 0

    public init() {}

    public var isEmpty: Bool { byteCount == 0 }

    /// Appends one block. Whitespace runs inside are collapsed unless `keepLines` (then
    /// only spaces and tabs are, and line breaks are kept). Blank pieces are dropped.
    /// Returns the block's index, or nil when nothing was added.
    @discardableResult
    public mutating func append(
        _ piece: String, kind: Block.Kind, label: String? = nil, page: Int? = nil, keepLines: Bool = false
    ) -> Int? {
        let cleaned = keepLines ? TextAssembler.collapseKeepingLines(piece) : Whitespace.collapse(piece)
        let normalized = TextNormalizer.normalize(cleaned)
        guard !Whitespace.isBlank(normalized) else { return nil }
        if byteCount > 0 {
            text += "\n\n"
            byteCount += 2
        }
        let start = byteCount
        text += normalized
        byteCount += normalized.utf8.count
        blocks.append(Block(kind: kind, page: page, start: start, end: byteCount, label: label))
        return blocks.count - 1
    }

    /// Adds a block spanning blocks `from..<blocks.count` already appended (an article
    /// around its paragraphs, a section around its articles). The enclosing block is
    /// inserted before the blocks it spans so that blocks stay ordered by start.
    public mutating func wrap(from index: Int, kind: Block.Kind, label: String?) {
        guard index < blocks.count else { return }
        let start = blocks[index].start
        let end = blocks[blocks.count - 1].end
        blocks.insert(Block(kind: kind, start: start, end: end, label: label), at: index)
    }

    public var blockCount: Int { blocks.count }

    /// Collapses spaces and tabs, trims each line, and squeezes blank-line runs.
    static func collapseKeepingLines(_ s: String) -> String {
        var lines: [String] = []
        for line in s.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(Whitespace.collapse(String(line)))
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }
}
