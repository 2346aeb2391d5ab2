import Foundation

/// Conventions as office files: DOCX (`word/document.xml`) and ODT (`content.xml`), read
/// in memory with ZIPFoundation under size caps (`SafeArchive`) and parsed with the safe
/// libxml2 layer. Title, authors and date come from the core properties / `meta.xml`.
public struct OfficeExtractor: Extractor {
    public static let formats: [DocumentFormat] = [.docx, .odt]
    public init() {}

    public func extract(_ input: ExtractionInput) throws -> [Document] {
        let archive = try SafeArchive(data: input.data, path: input.path)
        var warnings: [String] = []
        let suspicious = archive.suspiciousEntryNames
        if !suspicious.isEmpty {
            warnings.append("archive avec des noms d’entrée suspects ignorés : \(suspicious.prefix(3).joined(separator: ", "))")
        }
        var text = TextAssembler()
        var properties = OfficeProperties()
        switch input.format {
        case .odt:
            guard let content = try archive.read("content.xml") else {
                throw ExtractionError.damaged(path: input.path, reason: "ODT sans content.xml")
            }
            let parsed = try MarkupParser.parseXML(content, path: input.path)
            warnings += parsed.warnings
            var reader = ODTReader()
            reader.read(content: parsed.root, into: &text)
            if let meta = try archive.read("meta.xml"), let root = try? MarkupParser.parseXML(meta, path: input.path) {
                properties = ODTReader.metaProperties(root.root)
            }
        default:
            guard let document = try archive.read("word/document.xml") else {
                throw ExtractionError.damaged(path: input.path, reason: "DOCX sans word/document.xml")
            }
            let parsed = try MarkupParser.parseXML(document, path: input.path)
            warnings += parsed.warnings
            var reader = DOCXReader()
            reader.read(body: parsed.root.child("body") ?? parsed.root, into: &text)
            if let core = try archive.read("docProps/core.xml"),
                let root = try? MarkupParser.parseXML(core, path: input.path)
            {
                properties = DOCXReader.coreProperties(root.root)
            }
        }
        if text.isEmpty { warnings.append("document sans texte") }
        var metadata: [String: String] = [:]
        metadata["sujet"] = properties.subject
        metadata["mots_cles"] = properties.keywords
        let title = properties.title ?? firstHeading(text)
        return [
            Document(
                id: input.contentHash, source: input.path, format: input.format, title: title,
                date: properties.date, authors: properties.authors, text: text.text, blocks: text.blocks,
                warnings: warnings, metadata: metadata)
        ]
    }

    private func firstHeading(_ text: TextAssembler) -> String? {
        guard let block = text.blocks.first(where: { $0.kind == .heading }) else { return nil }
        let utf8 = Array(text.text.utf8)
        return String(decoding: utf8[block.start..<block.end], as: UTF8.self)
    }
}
