/// Plain text: UTF-8 (or UTF-16 with a BOM; Windows-1252/ISO-8859-1 detected and decoded
/// with a warning), normalized and de-hyphenated like text extracted from a PDF, then cut
/// into paragraph blocks at blank lines. The title is the first line when it is short.
public struct PlainTextExtractor: Extractor {
    public static let formats: [DocumentFormat] = [.text]
    public init() {}

    public func extract(_ input: ExtractionInput) throws -> [Document] {
        let decoded = try TextDecoder.decode(input.data, path: input.path)
        let cleaned = Dehyphenator().repair(TextNormalizer.normalize(decoded.text.replacingCRLF()))
        var text = TextAssembler()
        let paragraphs = PlainTextExtractor.paragraphs(cleaned)
        for paragraph in paragraphs {
            text.append(paragraph, kind: .paragraph, keepLines: true)
        }
        var warnings: [String] = []
        if let note = decoded.note { warnings.append(note) }
        if text.isEmpty { warnings.append("fichier texte sans contenu") }
        var title: String?
        if let firstLine = paragraphs.first?.split(separator: "\n").first {
            let t = Whitespace.collapse(String(firstLine))
            if !t.isEmpty, t.utf8.count <= 200 { title = t }
        }
        return [
            Document(
                id: input.contentHash, source: input.path, format: .text, title: title, text: text.text,
                blocks: text.blocks, warnings: warnings)
        ]
    }

    /// Splits at blank lines (lines holding only spaces count as blank).
    static func paragraphs(_ s: String) -> [String] {
        var out: [String] = []
        var current: [Substring] = []
        for line in s.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.utf8.allSatisfy(Whitespace.isXMLSpace) {
                if !current.isEmpty { out.append(current.joined(separator: "\n")); current.removeAll() }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { out.append(current.joined(separator: "\n")) }
        return out
    }
}

extension String {
    /// CRLF and lone CR line ends as LF.
    func replacingCRLF() -> String {
        guard utf8.contains(0x0D) else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var previousCR = false
        for b in utf8 {
            if b == 0x0D { out.append(0x0A); previousCR = true; continue }
            if b == 0x0A && previousCR { previousCR = false; continue }
            previousCR = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
