// PLACEHOLDER — to be replaced by the real extractor.
public struct PDFExtractor: Extractor {
    public static let formats: [DocumentFormat] = [.pdf]
    public init() {}
    public func extract(_ input: ExtractionInput) throws -> [Document] {
        throw ExtractionError.unsupportedFormat(path: input.path)
    }
}
