import Foundation

/// The entry point of the Extraction stage: reads a file safely, sniffs its format from
/// its content and hands it to the one extractor for that format.
public struct DocumentExtractor: Sendable {
    /// Files larger than this are refused rather than read into memory.
    public var maximumFileSize: Int

    public init(maximumFileSize: Int = 512 * 1024 * 1024) {
        self.maximumFileSize = maximumFileSize
    }

    /// Extracts every document of the file at `path` (one, or one per feed item).
    /// Throws an `ExtractionError` whose description is the French one-line message.
    public func extract(path: String) throws -> [Document] {
        let data = try readFile(path: path)
        return try extract(data: data, path: path)
    }

    /// Extracts documents from bytes already in memory; `path` names them in messages.
    public func extract(data: Data, path: String) throws -> [Document] {
        if data.isEmpty { throw ExtractionError.empty(path: path) }
        guard let format = FormatSniffer.sniff(data, path: path) else {
            throw ExtractionError.unsupportedFormat(path: path)
        }
        let input = ExtractionInput(path: path, data: data, format: format)
        return try extractor(for: format).extract(input)
    }

    /// The extractor that reads `format`.
    public func extractor(for format: DocumentFormat) -> any Extractor {
        switch format {
        case .pdf: return PDFExtractor()
        case .rss, .atom: return FeedExtractor()
        case .legi, .akomaNtoso: return LegalXMLExtractor()
        case .xml: return GenericXMLExtractor()
        case .html: return HTMLExtractor()
        case .docx, .odt: return OfficeExtractor()
        case .text: return PlainTextExtractor()
        case .jsonl: return JSONLinesExtractor()
        }
    }

    /// Reads a regular file, refusing directories, unreadable files and oversized files.
    public func readFile(path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ExtractionError.unreadable(path: path, reason: "fichier introuvable")
        }
        if isDirectory.boolValue { throw ExtractionError.isDirectory(path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ExtractionError.unreadable(path: path, reason: "permission refusée")
        }
        defer { try? handle.close() }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > maximumFileSize {
            throw ExtractionError.unreadable(
                path: path, reason: "fichier de \(size) octets, au-delà de la limite de \(maximumFileSize)")
        }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw ExtractionError.unreadable(path: path, reason: "erreur d’entrée-sortie")
        }
    }
}
