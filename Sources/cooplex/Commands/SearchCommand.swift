import ArgumentParser
import Extraction
import Foundation
import Search

/// `cooplex search [--index DIR] [--limit N] [--offset N] [--facets] [--json] QUERY`
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Recherche dans l’index.",
        discussion: """
            Mots (accents, élisions et pluriels indifférents), "expression exacte", OR, NOT ou \
            -mot, parenthèses, préfixe*, champs titre:, pays:MA ou pays:Maroc, loi:2005-95 ou \
            loi:"Oudin-Santini", collectivite:Belfort, format:pdf, date:2005, date:2005..2007. \
            Les documents contenant tous les mots viennent d’abord ; la page est complétée par \
            ceux qui en contiennent le plus (marqués « partiel »).
            """)

    @OptionGroup var indexOption: IndexOption

    @Option(name: .long, help: "Nombre de résultats (défaut : 10).")
    var limit: Int = 10

    @Option(name: .long, help: "Résultats à sauter (pagination).")
    var offset: Int = 0

    @Flag(name: .long, help: "Compte les documents par pays, loi, collectivité et année.")
    var facets = false

    @Flag(name: .long, help: "Sortie JSON (un objet).")
    var json = false

    @Argument(parsing: .remaining, help: "La requête.")
    var query: [String] = []

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit doit être positif ou nul") }
        if offset < 0 { throw ValidationError("--offset doit être positif ou nul") }
        if query.joined().trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("indiquez une requête, par exemple : cooplex search \"loi Oudin\"")
        }
    }

    func run() throws {
        let directory = indexOption.resolved
        let text = query.joined(separator: " ")
        let reader: IndexReader
        do {
            reader = try IndexReader.open(directory: directory)
        } catch let e as IndexError {
            switch e {
            case .missing:
                Output.error(e.description)
            default:
                Output.error("\(e.description) ; recréez-le avec « cooplex ingest --index \(directory) CHEMIN… »")
            }
            throw ExitCode(1)
        }
        let results: SearchResults
        do {
            results = try reader.search(text, limit: limit, offset: offset, facets: facets)
        } catch let e as QuerySyntaxError {
            Output.error(e.description)
            throw ExitCode(1)
        }
        if json {
            Output.line(SearchRendering.json(results).serialized())
        } else {
            SearchRendering.text(results, color: Output.useColor, offset: offset).forEach { Output.line($0) }
        }
        Output.flush()
    }
}

/// The two renderings of search results: the contract's JSON, and text for people.
enum SearchRendering {
    static func json(_ r: SearchResults) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("query", .string(r.query)),
            ("total", .int(r.total)),
            ("took_ms", .double((r.tookMilliseconds * 1000).rounded() / 1000)),
            ("hits", .array(r.hits.map(hit))),
        ]
        if let f = r.facets {
            let order = ["pays", "loi", "collectivite", "annee"]
            members.append(("facets", .object(order.map { family in
                (family, .object((f[family] ?? []).map { ($0.value, .int($0.count)) }))
            })))
        }
        return .object(members)
    }

    static func hit(_ h: SearchHit) -> JSONValue {
        .object([
            ("id", .string(h.id)),
            ("source", .string(h.source)),
            ("item", .optional(h.item)),
            ("title", .optional(h.title)),
            ("date", .optional(h.date)),
            ("page", .optional(h.page)),
            ("score", .double((h.score * 1000).rounded() / 1000)),
            ("partial", .bool(h.partial)),
            ("snippet", .string(h.snippet)),
            ("entities", .array(h.entities.map { e in
                .object([("type", .string(e.type.rawValue)), ("normalized", .string(e.normalized)), ("text", .string(e.text))])
            })),
        ])
    }

    static func text(_ r: SearchResults, color: Bool, offset: Int) -> [String] {
        let bold = color ? "\u{1B}[1m" : ""
        let dim = color ? "\u{1B}[2m" : ""
        let mark = color ? "\u{1B}[1;33m" : ""
        let reset = color ? "\u{1B}[0m" : ""
        var lines: [String] = []
        let ms = String(format: "%.1f", r.tookMilliseconds)
        let plural = r.total > 1 ? "s" : ""
        lines.append("\(r.total) document\(plural) contenant tous les mots (\(ms) ms)")
        if r.hits.isEmpty {
            lines.append("Aucun résultat pour « \(r.query) ».")
        }
        for (i, h) in r.hits.enumerated() {
            lines.append("")
            let title = h.title ?? (h.source as NSString).lastPathComponent
            lines.append("\(offset + i + 1). \(bold)\(title)\(reset)\(h.partial ? " \(dim)(partiel)\(reset)" : "")")
            var where_ = h.source
            if let item = h.item { where_ += " — \(item)" }
            if let p = h.page { where_ += ", page \(p)" }
            var meta = [where_]
            if let d = h.date { meta.append(d) }
            meta.append(String(format: "score %.2f", h.score))
            lines.append("   \(dim)\(meta.joined(separator: " · "))\(reset)")
            var snippet = h.snippet
            if color {
                snippet = snippet.replacingOccurrences(of: "[", with: mark).replacingOccurrences(of: "]", with: reset)
            }
            lines.append("   \(snippet)")
        }
        if let f = r.facets {
            let names = [("pays", "Pays"), ("loi", "Lois"), ("collectivite", "Collectivités"), ("annee", "Années")]
            lines.append("")
            for (key, label) in names {
                let values = (f[key] ?? []).prefix(10).map { "\($0.value) (\($0.count))" }
                lines.append("\(bold)\(label)\(reset) : \(values.isEmpty ? "—" : values.joined(separator: ", "))")
            }
        }
        return lines
    }
}
