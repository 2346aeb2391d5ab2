import Foundation

/// One extractor per format. An extractor receives the file's bytes (already read, size
/// checked) and returns one document, or several for a feed or a multi-document file.
public protocol Extractor: Sendable {
    /// The format this extractor reads (for a family such as feeds, the main one).
    static var formats: [DocumentFormat] { get }
    func extract(_ input: ExtractionInput) throws -> [Document]
}

/// A file to extract: its bytes, the path as given, its content hash and the sniffed format.
public struct ExtractionInput: Sendable {
    public var path: String
    public var data: Data
    /// SHA-256 hex of `data`.
    public var contentHash: String
    public var format: DocumentFormat

    /// The hash state after the file's bytes, so item ids cost only their key.
    private var hasherAfterData: SHA256

    public init(path: String, data: Data, format: DocumentFormat) {
        self.path = path
        self.data = data
        var hasher = SHA256()
        hasher.update(data)
        self.hasherAfterData = hasher
        var copy = hasher
        self.contentHash = copy.finalizeHex()
        self.format = format
    }

    /// An input whose bytes were already hashed (`hasher` holds the state after them): the
    /// caller that read the file need not hash it twice. `data` may be empty for a file
    /// streamed from disk (see `JSONLinesExtractor.forEachDocument(streamingFile:…)`).
    public init(path: String, data: Data, format: DocumentFormat, hasherAfterData hasher: SHA256) {
        self.path = path
        self.data = data
        self.hasherAfterData = hasher
        var copy = hasher
        self.contentHash = copy.finalizeHex()
        self.format = format
    }

    /// The id of one item of a multi-document file: SHA-256 of the bytes + "#" + key.
    public func itemID(_ key: String) -> String {
        var hasher = hasherAfterData
        hasher.update(Array(("#" + key).utf8))
        return hasher.finalizeHex()
    }
}
