import Extraction

/// Human-readable renderings for terminal output.
enum TextRendering {
    static func document(_ d: Document) -> String {
        var lines: [String] = []
        lines.append("═══ \(d.source)\(d.item.map { " — \($0)" } ?? "")")
        lines.append("format : \(d.format.rawValue)")
        if let t = d.title { lines.append("titre : \(t)") }
        if let date = d.date { lines.append("date : \(date)") }
        if !d.authors.isEmpty { lines.append("auteurs : \(d.authors.joined(separator: ", "))") }
        if let p = d.pages { lines.append("pages : \(p)") }
        for w in d.warnings { lines.append("avertissement : \(w)") }
        lines.append("")
        lines.append(d.text)
        return lines.joined(separator: "\n")
    }
}
