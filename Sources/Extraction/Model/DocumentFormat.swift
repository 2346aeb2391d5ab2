/// The formats Cooplex reads. Raw values are the contract's `format` strings.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
    case pdf
    case rss
    case atom
    case legi
    case akomaNtoso = "akoma-ntoso"
    case xml
    case html
    case docx
    case odt
    case text
    /// One JSON object per line (`{id, title, text, source}`), as in the bench corpus.
    case jsonl
}
