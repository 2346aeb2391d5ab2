import Foundation

/// The entry point of the Extraction stage: reads a file safely, sniffs its format from
/// its content and hands it to the one extractor for that format.
public struct DocumentExtractor: Sendable {
    /// Files larger than this are refused rather than read into memory.
    public var maximumFileSize: Int
    /// Threads reading the pages of one PDF (`PDFExtractor.pageWorkers`): `nil` lets the
    /// extractor choose from the cores; callers that already extract several files at
    /// once set 1.
    public var pdfPageWorkers: Int?

    public init(maximumFileSize: Int = 512 * 1024 * 1024, pdfPageWorkers: Int? = nil) {
        self.maximumFileSize = maximumFileSize
        self.pdfPageWorkers = pdfPageWorkers
    }

    /// Extracts every document of the file at `path` (one, or one per feed item).
    /// Throws an `ExtractionError` whose description is the French one-line message.
    public func extract(path: String) throws -> [Document] {
        let data = try readFile(path: path)
        return try extract(data: data, path: path)
    }

    /// Extracts documents from bytes already in memory; `path` names them in messages.
    /// `hasher`, when given, is the SHA-256 state after `data` (the caller hashed it
    /// already).
    public func extract(data: Data, path: String, hasher: SHA256? = nil) throws -> [Document] {
        if data.isEmpty { throw ExtractionError.empty(path: path) }
        guard let format = FormatSniffer.sniff(data, path: path) else {
            throw ExtractionError.unsupportedFormat(path: path)
        }
        let input =
            hasher.map { ExtractionInput(path: path, data: data, format: format, hasherAfterData: $0) }
            ?? ExtractionInput(path: path, data: data, format: format)
        return try extractor(for: format).extract(input)
    }

    /// The extractor that reads `format`.
    public func extractor(for format: DocumentFormat) -> any Extractor {
        switch format {
        case .pdf: return PDFExtractor(pageWorkers: pdfPageWorkers)
        case .rss, .atom: return FeedExtractor()
        case .legi, .akomaNtoso: return LegalXMLExtractor()
        case .xml: return GenericXMLExtractor()
        case .html: return HTMLExtractor()
        case .docx, .odt: return OfficeExtractor()
        case .text: return PlainTextExtractor()
        case .jsonl: return JSONLinesExtractor()
        }
    }

    /// Reads a regular file, refusing directories, special files, unreadable and oversized
    /// files with a French reason. Opens without following into a FIFO's wait
    /// (`O_NONBLOCK`), then checks what was opened with `fstat`.
    public func readFile(path: String) throws -> Data {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            throw ExtractionError.unreadable(path: path, reason: DocumentExtractor.reason(errno: errno, path: path))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw ExtractionError.unreadable(path: path, reason: DocumentExtractor.reason(errno: errno, path: path))
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { throw ExtractionError.isDirectory(path: path) }
        guard type == S_IFREG else {
            throw ExtractionError.unreadable(path: path, reason: "pas un fichier ordinaire (tube, socket ou périphérique)")
        }
        let size = Int(info.st_size)
        if size > maximumFileSize {
            throw ExtractionError.unreadable(
                path: path, reason: "fichier de \(size) octets, au-delà de la limite de \(maximumFileSize)")
        }
        var data = Data(count: size)
        var total = 0
        let failed: Int32? = data.withUnsafeMutableBytes { raw -> Int32? in
            guard let base = raw.baseAddress else { return nil }
            while total < size {
                let n = read(fd, base + total, size - total)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { break }
                total += n
            }
            return nil
        }
        if let failed {
            throw ExtractionError.unreadable(path: path, reason: DocumentExtractor.reason(errno: failed, path: path))
        }
        if total < size { data.removeSubrange(total...) }
        return data
    }

    /// A French reason for an `open`/`read` failure.
    static func reason(errno code: Int32, path: String) -> String {
        switch code {
        case ENOENT:
            var info = stat()
            if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK {
                return "lien symbolique cassé"
            }
            return "fichier introuvable"
        case EACCES, EPERM: return "permission refusée"
        case ENOTDIR: return "un élément du chemin n’est pas un répertoire"
        case ELOOP: return "trop de liens symboliques"
        case ENAMETOOLONG: return "chemin trop long"
        case EISDIR: return "c’est un répertoire"
        case EIO: return "erreur d’entrée-sortie"
        default: return String(cString: strerror(code))
        }
    }
}
