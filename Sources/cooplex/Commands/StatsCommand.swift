import ArgumentParser
import Extraction
import Foundation
import Search

/// `cooplex stats [--index DIR] [--json]`: documents, segments, terms, size on disk.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Statistiques de l’index.")

    @OptionGroup var indexOption: IndexOption

    @Flag(name: .long, help: "Sortie JSON (un objet).")
    var json = false

    func run() throws {
        let directory = indexOption.resolved
        let reader: IndexReader
        do {
            reader = try IndexReader.open(directory: directory)
        } catch let e as IndexError {
            Output.error(e.description)
            throw ExitCode(1)
        }
        let s = reader.statistics()
        if json {
            Output.line(JSONValue.object([
                ("index", .string(directory)),
                ("documents", .int(s.documents)),
                ("deleted", .int(s.deletedDocuments)),
                ("sources", .int(s.sources)),
                ("segments", .int(s.segments)),
                ("terms", .int(s.terms)),
                ("bytes", .int(s.bytesOnDisk)),
                ("index_bytes", .int(s.indexBytes)),
                ("store_bytes", .int(s.storeBytes)),
                ("generation", .int(s.generation)),
            ]).serialized())
        } else {
            Output.line("index : \(directory)")
            Output.line("documents : \(s.documents)\(s.deletedDocuments > 0 ? " (+ \(s.deletedDocuments) supprimés, purgés à la prochaine fusion)" : "")")
            Output.line("sources : \(s.sources)")
            Output.line("segments : \(s.segments)")
            Output.line("termes : \(s.terms)")
            Output.line("taille sur disque : \(megabytes(s.bytesOnDisk)) (index \(megabytes(s.indexBytes)), textes stockés \(megabytes(s.storeBytes)))")
            Output.line("commit : \(s.generation)")
        }
        Output.flush()
    }

    private func megabytes(_ n: Int) -> String {
        n < 1_000_000 ? String(format: "%.1f Ko", Double(n) / 1000) : String(format: "%.1f Mo", Double(n) / 1_000_000)
    }
}
