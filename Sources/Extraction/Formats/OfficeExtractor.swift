// PLACEHOLDER — to be replaced by the real extractor.
public struct OfficeExtractor: Extractor {
    public static let formats: [DocumentFormat] = [.docx,.odt]
    public init() {}
    public func extract(_ input: ExtractionInput) throws -> [Document] {
        throw ExtractionError.unsupportedFormat(path: input.path)
    }
}
