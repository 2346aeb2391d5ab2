import Foundation

/// Decides a file's format from its content — magic bytes, the XML root element and its
/// namespace, the OpenDocument mimetype — using the extension only to break ties between
/// text-like formats (JSON Lines, HTML without markers).
public enum FormatSniffer {
    public static func sniff(_ data: Data, path: String) -> DocumentFormat? {
        let head = [UInt8](data.prefix(4096))
        let ext = (path as NSString).pathExtension.lowercased()
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        // Some PDFs carry junk before the header; readers tolerate it within 1 KiB.
        if contains(Array("%PDF-".utf8), in: head.prefix(1024)) { return .pdf }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return sniffZip(data) }
        if head.starts(with: [0x1F, 0x8B]) || head.starts(with: [0x42, 0x5A, 0x68])
            || head.starts(with: [0x7F, 0x45, 0x4C, 0x46]) || head.starts(with: [0x89, 0x50, 0x4E, 0x47])
            || head.starts(with: [0xFF, 0xD8, 0xFF]) || head.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
        {
            return nil  // gzip, bzip2, ELF, PNG, JPEG, OLE2 (old .doc): not ours.
        }
        guard let textHead = decodeHead(head) else { return nil }
        if let root = MarkupHead.rootElement(textHead) {
            let format = format(ofRoot: root)
            // An XHTML page, or a page whose first element is not <html>.
            if format == .xml, root.namespace == "http://www.w3.org/1999/xhtml" || ["html", "htm", "xhtml"].contains(ext) {
                return .html
            }
            return format
        }
        let trimmed = textHead.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        let lower = trimmed.prefix(512).lowercased()
        if lower.hasPrefix("<?xml") || (lower.hasPrefix("<!doctype") && !lower.hasPrefix("<!doctype html")) {
            // A long internal DTD subset can push the root element past the first bytes.
            let wider = String(decoding: data.prefix(1 << 18), as: UTF8.self)
            if let root = MarkupHead.rootElement(wider) { return format(ofRoot: root) }
            return .xml
        }
        if lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") { return .html }
        if trimmed.first == "{" && (ext == "jsonl" || ext == "ndjson" || ext == "json" || firstLineIsObject(head)) {
            return .jsonl
        }
        if ext == "jsonl" || ext == "ndjson" { return .jsonl }
        if ["html", "htm", "xhtml"].contains(ext), lower.contains("<") { return .html }
        return .text
    }

    /// The format named by an XML root element (local name, namespace).
    static func format(ofRoot root: MarkupHead.Root) -> DocumentFormat {
        switch root.localName {
        case "rss": return .rss
        case "RDF" where root.namespaces.contains(FeedNamespace.rss10): return .rss
        case "feed" where root.namespace == FeedNamespace.atom || root.namespace == nil: return .atom
        case "akomaNtoso": return .akomaNtoso
        // Légifrance LEGI/JORF/KALI roots are upper-case element names without namespace.
        case "ARTICLE", "TEXTE_VERSION", "SECTION_TA", "TEXTELR", "JO", "TEXTEKALI", "ID_LEGI":
            return root.namespace == nil ? .legi : .xml
        case "html", "HTML": return .html
        default: return .xml
        }
    }

    /// Text of the first bytes (UTF-8, UTF-16 with BOM, or Latin-1 as a fallback); nil for
    /// binary content (NUL bytes or many control characters).
    static func decodeHead(_ head: [UInt8]) -> String? {
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            let units = stride(from: 2, to: head.count - 1, by: 2).map { i -> UInt16 in
                head.starts(with: [0xFF, 0xFE])
                    ? UInt16(head[i]) | UInt16(head[i + 1]) << 8 : UInt16(head[i]) << 8 | UInt16(head[i + 1])
            }
            return String(decoding: units, as: UTF16.self)
        }
        var controls = 0
        for b in head {
            if b == 0 { return nil }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
        }
        if controls * 20 > head.count { return nil }
        return String(decoding: head, as: UTF8.self)
    }

    private static func firstLineIsObject(_ head: [UInt8]) -> Bool {
        guard let nl = head.firstIndex(of: 0x0A) else { return head.last(where: { $0 > 0x20 }) == UInt8(ascii: "}") }
        return head[..<nl].last(where: { $0 > 0x20 }) == UInt8(ascii: "}")
    }

    private static func contains(_ needle: [UInt8], in bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= needle.count else { return false }
        var i = bytes.startIndex
        while i <= bytes.endIndex - needle.count {
            if bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    private static func sniffZip(_ data: Data) -> DocumentFormat? {
        // OpenDocument stores its `mimetype` entry first, uncompressed.
        let head = String(decoding: data.prefix(256), as: UTF8.self)
        if head.contains("application/vnd.oasis.opendocument.text") { return .odt }
        // Otherwise look at the entry names in the archive's local headers.
        let scan = String(decoding: data.prefix(1 << 20), as: UTF8.self)
        if scan.contains("word/document.xml") { return .docx }
        if scan.contains("content.xml") && scan.contains("META-INF/manifest.xml") { return .odt }
        return nil
    }
}

/// Reads the start of an XML document to find its root element without parsing it all.
enum MarkupHead {
    struct Root {
        var localName: String
        var prefix: String?
        /// The root's own namespace (resolved from its prefix or the default namespace).
        var namespace: String?
        /// Every namespace declared on the root.
        var namespaces: [String]
    }

    /// The first element, skipping the XML declaration, comments, PIs and the DOCTYPE
    /// (with or without an internal subset); nil when the text does not start like markup.
    static func rootElement(_ text: String) -> Root? {
        var s = Substring(text)
        if s.hasPrefix("\u{FEFF}") { s = s.dropFirst() }
        while true {
            s = s.drop(while: { $0.isWhitespace })
            guard s.first == "<" else { return nil }
            if s.hasPrefix("<?") {
                guard let end = s.range(of: "?>") else { return nil }
                s = s[end.upperBound...]
            } else if s.hasPrefix("<!--") {
                guard let end = s.range(of: "-->") else { return nil }
                s = s[end.upperBound...]
            } else if s.hasPrefix("<!") {
                // DOCTYPE: an internal subset ends at "]>", else the first ">".
                let gt = s.firstIndex(of: ">")
                if let bracket = s.firstIndex(of: "["), gt == nil || bracket < gt! {
                    guard let end = s.range(of: "]>") ?? s.range(of: "]\n>") else { return nil }
                    s = s[end.upperBound...]
                } else {
                    guard let gt else { return nil }
                    let doctype = s[..<gt].lowercased()
                    if doctype.hasPrefix("<!doctype html") { return Root(localName: "html", namespaces: []) }
                    s = s[s.index(after: gt)...]
                }
            } else {
                return parseStartTag(s.dropFirst())
            }
        }
    }

    private static func parseStartTag(_ s: Substring) -> Root? {
        let qname = s.prefix(while: { !$0.isWhitespace && $0 != ">" && $0 != "/" })
        guard !qname.isEmpty else { return nil }
        let tagEnd = s.firstIndex(of: ">") ?? s.endIndex
        let tag = s[qname.endIndex..<tagEnd]
        var prefix: String?
        var local = String(qname)
        if let colon = qname.firstIndex(of: ":") {
            prefix = String(qname[..<colon])
            local = String(qname[qname.index(after: colon)...])
        }
        // xmlns declarations: xmlns="…" and xmlns:p="…".
        var declared: [String: String] = [:]
        var rest = tag
        while let r = rest.range(of: "xmlns") {
            var after = rest[r.upperBound...]
            var name = ""
            if after.first == ":" {
                after = after.dropFirst()
                name = String(after.prefix(while: { $0 != "=" && !$0.isWhitespace }))
                after = after.dropFirst(name.count)
            }
            after = after.drop(while: { $0.isWhitespace || $0 == "=" })
            guard let quote = after.first, quote == "\"" || quote == "'" else { rest = after; continue }
            let value = after.dropFirst().prefix(while: { $0 != quote })
            declared[name] = String(value)
            rest = after.dropFirst(value.count + 1)
        }
        return Root(
            localName: local, prefix: prefix, namespace: declared[prefix ?? ""],
            namespaces: Array(declared.values))
    }
}

extension MarkupHead.Root {
    init(localName: String, namespaces: [String]) {
        self.init(localName: localName, prefix: nil, namespace: nil, namespaces: namespaces)
    }
}
