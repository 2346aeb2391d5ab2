// PLACEHOLDER — to be replaced by the real extractor.
public struct FeedExtractor: Extractor {
    public static let formats: [DocumentFormat] = [.rss,.atom]
    public init() {}
    public func extract(_ input: ExtractionInput) throws -> [Document] {
        throw ExtractionError.unsupportedFormat(path: input.path)
    }
}
