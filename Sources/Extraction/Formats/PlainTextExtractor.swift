// PLACEHOLDER — to be replaced by the real extractor.
public struct PlainTextExtractor: Extractor {
    public static let formats: [DocumentFormat] = [.text]
    public init() {}
    public func extract(_ input: ExtractionInput) throws -> [Document] {
        throw ExtractionError.unsupportedFormat(path: input.path)
    }
}
