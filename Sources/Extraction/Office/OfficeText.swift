import Foundation

/// Shared helpers for the office readers: heading recognition of "Article N" and grouping
/// of an article's paragraphs into one `article` block.
struct ArticleGrouper {
    private var openIndex: Int?
    private var openLabel: String?

    /// "Article 3", "Article premier", "ARTICLE 2 -", "Art. 4" at the start of a heading.
    static func articleLabel(_ heading: String) -> String? {
        let words = heading.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" })
        guard words.count >= 2 else { return nil }
        let first = words[0].lowercased()
        guard first == "article" || first == "art." else { return nil }
        let number = words[1].trimmingCharacters(in: CharacterSet(charactersIn: ".:-–—"))
        let lower = number.lowercased()
        if lower == "premier" || lower == "1er" || lower == "unique" { return "Article \(number)" }
        guard let f = number.unicodeScalars.first, CharacterSet.decimalDigits.contains(f)
            || (number.allSatisfy({ "IVXLC".contains($0) }) && !number.isEmpty)
        else { return nil }
        return "Article \(number)"
    }

    /// Call before appending a heading; `label` is the article label when it is one.
    mutating func heading(_ text: String, assembler: inout TextAssembler) {
        close(&assembler)
        if ArticleGrouper.articleLabel(text) != nil {
            openIndex = assembler.blockCount
            let full = Whitespace.collapse(text)
            openLabel = full.count <= 200 ? full : String(full.prefix(200))
        }
    }

    mutating func close(_ assembler: inout TextAssembler) {
        if let index = openIndex, index < assembler.blockCount {
            assembler.wrap(from: index, kind: .article, label: openLabel)
        }
        openIndex = nil
        openLabel = nil
    }
}
