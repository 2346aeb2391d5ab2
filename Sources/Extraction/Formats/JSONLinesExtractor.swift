import Foundation

/// JSON Lines in the bench-corpus format: each line `{id, title, text, source}` becomes one
/// document (`item` = the line's id, `source` = the file's path, the line's own `source` in
/// metadata `origine`). Lines are split on bytes and decoded by a hand-written parser; a
/// malformed line is skipped with a warning, never aborting the file.
public struct JSONLinesExtractor: Extractor {
    public static let formats: [DocumentFormat] = [.jsonl]
    public init() {}

    /// A line that could not be read.
    public struct SkippedLine: Sendable, Equatable {
        public var line: Int
        public var reason: String
        public var message: String { "ligne \(line) ignorée : \(reason)" }
    }

    /// All documents; the warnings for skipped lines go on the first document.
    public func extract(_ input: ExtractionInput) throws -> [Document] {
        var documents: [Document] = []
        var skipped: [SkippedLine] = []
        forEachDocument(in: input, skipped: { skipped.append($0) }) { documents.append($0) }
        if documents.isEmpty {
            let reason = skipped.first.map { $0.message } ?? "aucune ligne"
            throw ExtractionError.damaged(path: input.path, reason: "aucun document JSON Lines lisible (\(reason))")
        }
        if !skipped.isEmpty {
            let shown = skipped.prefix(20).map(\.message)
            documents[0].warnings.append(contentsOf: shown)
            if skipped.count > 20 { documents[0].warnings.append("\(skipped.count - 20) autres lignes ignorées") }
        }
        return documents
    }

    /// Streams the documents of the file one by one (constant memory beyond the bytes).
    public func forEachDocument(
        in input: ExtractionInput, skipped: (SkippedLine) -> Void, _ body: (Document) -> Void
    ) {
        input.data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            let count = raw.count
            var lineStart = 0
            var lineNumber = 0
            // A UTF-8 BOM on the first line.
            if count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { lineStart = 3 }
            while lineStart < count {
                lineNumber += 1
                let remaining = count - lineStart
                let nl = memchr(base + lineStart, 0x0A, remaining)
                let lineEnd = nl.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? count
                defer { lineStart = lineEnd + 1 }
                if let document = line(base, lineStart, lineEnd, number: lineNumber, input: input, skipped: skipped) {
                    body(document)
                }
            }
        }
    }

    /// Longest line the streaming reader accepts (a longer one is skipped with a warning).
    public static let maximumLineLength = 256 << 20

    /// Streams the documents of a JSON Lines file read from disk in chunks, so that memory
    /// stays bounded whatever the file's size. `hasherAfterFile` is the SHA-256 state after
    /// the whole file, as the caller hashed it (item ids depend on it; the caller checks
    /// that the file did not change in between). Throws an `ExtractionError` when the file
    /// cannot be read, or what `body` throws.
    public func forEachDocument(
        streamingFile path: String, hasherAfterFile: SHA256, chunkSize: Int = 4 << 20,
        skipped: (SkippedLine) -> Void, _ body: (Document) throws -> Void
    ) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ExtractionError.unreadable(path: path, reason: DocumentExtractor.reason(errno: errno, path: path))
        }
        defer { close(fd) }
        let input = ExtractionInput(path: path, data: Data(), format: .jsonl, hasherAfterData: hasherAfterFile)
        var buffer = [UInt8](repeating: 0, count: max(chunkSize, 16))
        var filled = 0  // bytes of buffer holding data
        var lineNumber = 0
        var first = true
        var overlong = false  // inside a line longer than the limit: skip to its end
        var atEnd = false
        while !atEnd {
            if filled == buffer.count {
                // One line fills the buffer: grow it, up to the limit.
                if buffer.count >= Self.maximumLineLength {
                    overlong = true
                    filled = 0
                } else {
                    buffer.append(contentsOf: repeatElement(0, count: buffer.count))
                }
            }
            let n = buffer.withUnsafeMutableBytes { raw -> Int in
                while true {
                    let r = read(fd, raw.baseAddress! + filled, raw.count - filled)
                    if r < 0 && errno == EINTR { continue }
                    return r
                }
            }
            if n < 0 {
                throw ExtractionError.unreadable(path: path, reason: DocumentExtractor.reason(errno: errno, path: path))
            }
            filled += n
            atEnd = n == 0
            var consumed = 0
            try buffer.withUnsafeBufferPointer { buf in
                let base = buf.baseAddress!
                var lineStart = 0
                if first, filled >= 3 || atEnd {
                    first = false
                    if filled >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { lineStart = 3 }
                }
                while lineStart < filled {
                    let nl = memchr(base + lineStart, 0x0A, filled - lineStart)
                    guard nl != nil || atEnd else { break }
                    let lineEnd = nl.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? filled
                    lineNumber += 1
                    if overlong {
                        overlong = false
                        skipped(SkippedLine(line: lineNumber, reason: "ligne de plus de \(Self.maximumLineLength) octets"))
                    } else if let document = line(base, lineStart, lineEnd, number: lineNumber, input: input, skipped: skipped) {
                        try body(document)
                    }
                    lineStart = lineEnd + 1
                }
                consumed = min(lineStart, filled)
            }
            if consumed > 0 {
                buffer.withUnsafeMutableBufferPointer { b in
                    let rest = filled - consumed
                    if rest > 0 { b.baseAddress!.update(from: b.baseAddress! + consumed, count: rest) }
                }
                filled -= consumed
            }
        }
    }

    /// The document of one line, or nil (blank or skipped line).
    private func line(
        _ base: UnsafePointer<UInt8>, _ lineStart: Int, _ lineEnd: Int, number lineNumber: Int, input: ExtractionInput,
        skipped: (SkippedLine) -> Void
    ) -> Document? {
        var blank = true
        for k in lineStart..<lineEnd where base[k] > 0x20 {
            blank = false
            break
        }
        if blank { return nil }
        var parser = JSONLineParser(base, start: lineStart, end: lineEnd)
        let fields: JSONLineParser.Fields
        do {
            fields = try parser.parse()
        } catch {
            skipped(SkippedLine(line: lineNumber, reason: "JSON mal formé (\(error.reason), octet \(error.offset - lineStart + 1))"))
            return nil
        }
        guard let text = fields.text else {
            skipped(SkippedLine(line: lineNumber, reason: "pas de champ « text »"))
            return nil
        }
        let key = fields.id ?? "ligne-\(lineNumber)"
        return document(text: text, fields: fields, key: key, input: input)
    }

    private func document(text raw: String, fields: JSONLineParser.Fields, key: String, input: ExtractionInput) -> Document {
        let text = TextNormalizer.normalize(raw)
        var metadata: [String: String] = [:]
        if let s = fields.source { metadata["origine"] = s }
        return Document(
            id: input.itemID(key), source: input.path, item: fields.id, format: .jsonl, title: fields.title,
            text: text, blocks: JSONLinesExtractor.paragraphBlocks(text), metadata: metadata)
    }

    /// Paragraph blocks at blank lines ("\n\n"), by a byte scan.
    static func paragraphBlocks(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var s = text
        s.withUTF8 { u in
            let n = u.count
            var start = 0
            var i = 0
            while i < n {
                if u[i] == 0x0A, i + 1 < n, u[i + 1] == 0x0A {
                    if i > start { blocks.append(Block(kind: .paragraph, start: start, end: i)) }
                    i += 2
                    while i < n, u[i] == 0x0A { i += 1 }
                    start = i
                } else {
                    i += 1
                }
            }
            if n > start { blocks.append(Block(kind: .paragraph, start: start, end: n)) }
        }
        return blocks
    }
}
