// PLACEHOLDER — to be replaced by the real extractor.
public struct GenericXMLExtractor: Extractor {
    public static let formats: [DocumentFormat] = [.xml]
    public init() {}
    public func extract(_ input: ExtractionInput) throws -> [Document] {
        throw ExtractionError.unsupportedFormat(path: input.path)
    }
}
