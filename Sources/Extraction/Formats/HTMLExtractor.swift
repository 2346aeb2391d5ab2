// PLACEHOLDER — to be replaced by the real extractor.
public struct HTMLExtractor: Extractor {
    public static let formats: [DocumentFormat] = [.html]
    public init() {}
    public func extract(_ input: ExtractionInput) throws -> [Document] {
        throw ExtractionError.unsupportedFormat(path: input.path)
    }
}
