import Foundation

/// The document information a PDF declares (its Info dictionary / XMP, as poppler reads it).
struct PDFMetadata: Sendable, Equatable {
    var title: String?
    var author: String?
    var subject: String?
    var keywords: String?
    var creator: String?
    var producer: String?
    /// Creation date as `YYYY-MM-DD` in the PDF's own time zone.
    var creationDay: String?
    /// Creation date and time, ISO 8601 with offset.
    var creationDateTime: String?
    var pageCount: Int

    /// The declared authors, split on ";" (commas stay: "Ministère des Affaires étrangères,
    /// DAECT" is one author).
    var authors: [String] {
        guard let author else { return [] }
        return author.split(whereSeparator: { $0 == ";" || $0 == "\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// The title unless it is a placeholder left by an authoring tool.
    var usableTitle: String? {
        guard let title = title?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty else { return nil }
        let lower = title.lowercased()
        let junkSuffixes = [".doc", ".docx", ".odt", ".pdf", ".indd", ".qxd", ".rtf", ".txt", ".ps"]
        if junkSuffixes.contains(where: { lower.hasSuffix($0) }) { return nil }
        if lower.hasPrefix("microsoft word - ") || lower == "untitled" || lower == "sans titre" { return nil }
        return title
    }
}
