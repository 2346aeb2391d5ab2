// PLACEHOLDER — to be replaced by the real extractor.
public struct JSONLinesExtractor: Extractor {
    public static let formats: [DocumentFormat] = [.jsonl]
    public init() {}
    public func extract(_ input: ExtractionInput) throws -> [Document] {
        throw ExtractionError.unsupportedFormat(path: input.path)
    }
}
