/// Legal XML: Légifrance's LEGI/JORF open data (`ARTICLE`, `TEXTE_VERSION`, `SECTION_TA`)
/// and Akoma Ntoso 3.0. One block per article, labelled with its number and heading;
/// validity dates, identifiers, parties and signatories in metadata.
public struct LegalXMLExtractor: Extractor {
    public static let formats: [DocumentFormat] = [.legi, .akomaNtoso]
    public init() {}

    public func extract(_ input: ExtractionInput) throws -> [Document] {
        let parsed = try MarkupParser.parseXML(input.data, path: input.path)
        if parsed.root.name == "akomaNtoso" {
            return [AkomaNtosoReader(input: input, warnings: parsed.warnings).read(parsed.root)]
        }
        return [LEGIReader(input: input, warnings: parsed.warnings).read(parsed.root)]
    }
}
