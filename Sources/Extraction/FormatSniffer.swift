import Foundation

/// Decides a file's format from its content (magic bytes, XML root element), using the
/// extension only to break ties between text-like formats.
public enum FormatSniffer {
    public static func sniff(_ data: Data, path: String) -> DocumentFormat? {
        let head = [UInt8](data.prefix(4096))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        // Some PDFs carry junk before the header; the spec tolerates it within 1 KiB.
        if let r = findASCII("%PDF-", in: head.prefix(1024)), r >= 0 { return .pdf }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return sniffZip(data) }
        let lower = String(decoding: head, as: UTF8.self).lowercased()
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "jsonl" || ext == "ndjson" { return .jsonl }
        if let root = xmlRootName(lower) {
            switch root {
            case "rss", "rdf:rdf": return .rss
            case "feed": return .atom
            case "akomantoso", "an:akomantoso", "akn:akomantoso": return .akomaNtoso
            case "article", "texte_version", "section_ta", "textelr", "jo", "texte": return .legi
            case "html": return .html
            default: return .xml
            }
        }
        if lower.contains("<!doctype html") || lower.contains("<html") { return .html }
        if ext == "html" || ext == "htm" { return .html }
        if head.contains(0) && !looksLikeUTF16(head) { return nil }
        return .text
    }

    private static func findASCII(_ needle: String, in bytes: ArraySlice<UInt8>) -> Int? {
        let n = Array(needle.utf8)
        guard bytes.count >= n.count else { return nil }
        let base = bytes.startIndex
        for i in base...(bytes.endIndex - n.count) where bytes[i] == n[0] {
            if Array(bytes[i..<(i + n.count)]) == n { return i - base }
        }
        return nil
    }

    private static func looksLikeUTF16(_ head: [UInt8]) -> Bool {
        head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])
    }

    /// The name of the first element, skipping the XML declaration, comments, PIs and DTD.
    static func xmlRootName(_ lowerHead: String) -> String? {
        var s = Substring(lowerHead)
        if s.hasPrefix("\u{FEFF}") { s = s.dropFirst() }
        while true {
            s = s.drop(while: { $0.isWhitespace })
            guard s.first == "<" else { return nil }
            if s.hasPrefix("<?") || s.hasPrefix("<!--") || s.hasPrefix("<!") {
                let close = s.hasPrefix("<!--") ? "-->" : ">"
                // A DTD with an internal subset ends at "]>".
                if s.hasPrefix("<!doctype"), let bracket = s.firstIndex(of: "["),
                    let gt = s.firstIndex(of: ">"), bracket < gt
                {
                    guard let end = s.range(of: "]>") else { return nil }
                    s = s[end.upperBound...]
                    continue
                }
                guard let end = s.range(of: close) else { return nil }
                s = s[end.upperBound...]
                continue
            }
            let name = s.dropFirst().prefix(while: { !$0.isWhitespace && $0 != ">" && $0 != "/" })
            return name.isEmpty ? nil : String(name)
        }
    }

    private static func sniffZip(_ data: Data) -> DocumentFormat? {
        // The OpenDocument mimetype entry is stored first, uncompressed.
        let head = String(decoding: data.prefix(256), as: UTF8.self)
        if head.contains("application/vnd.oasis.opendocument.text") { return .odt }
        let scan = String(decoding: data.prefix(1 << 20), as: UTF8.self)
        if scan.contains("word/document.xml") { return .docx }
        if scan.contains("content.xml") { return .odt }
        return nil
    }
}
