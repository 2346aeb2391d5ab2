// PLACEHOLDER — to be replaced by the real extractor.
public struct LegalXMLExtractor: Extractor {
    public static let formats: [DocumentFormat] = [.legi,.akomaNtoso]
    public init() {}
    public func extract(_ input: ExtractionInput) throws -> [Document] {
        throw ExtractionError.unsupportedFormat(path: input.path)
    }
}
