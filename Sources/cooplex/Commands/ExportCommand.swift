import ArgumentParser
import Foundation
import Pipelines
import Search

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Exporte l’index pour OpenSearch ou Elasticsearch (fichiers _bulk).",
        discussion: """
            Écrit dans DIR : index.json (réglages d’analyse française équivalents à ceux de \
            Cooplex et correspondances, entités en champs keyword), des fichiers bulk-NNNNN.ndjson \
            au format de l’API _bulk (une ligne d’action, une ligne de document), chacun sous \
            --taille-max, et LISEZMOI.txt avec les commandes curl de chargement.
            """
    )

    @OptionGroup var indexOption: IndexOption

    @Option(name: .customLong("opensearch"), help: ArgumentHelp("Répertoire où écrire l’export.", valueName: "DIR"))
    var directory: String

    @Option(name: .customLong("nom-index"), help: ArgumentHelp("Nom de l’index OpenSearch (défaut cooplex).", valueName: "NOM"))
    var indexName = "cooplex"

    @Option(name: .customLong("taille-max"), help: ArgumentHelp("Taille maximale d’un fichier _bulk (défaut 10MB).", valueName: "TAILLE"))
    var maximumSize = "10MB"

    func validate() throws {
        guard let bytes = MemorySize.parse(maximumSize), bytes >= 1024 else {
            throw ValidationError("--taille-max « \(maximumSize) » : attendu une taille comme 10MB (au moins 1KB)")
        }
        // OpenSearch index names: lower case, no spaces nor \ / * ? " < > | , #, not starting with _ - +.
        let forbidden = Set(" \\/*?\"<>|,#:")
        if indexName.isEmpty || indexName != indexName.lowercased() || indexName.contains(where: { forbidden.contains($0) })
            || ["_", "-", "+"].contains(where: { indexName.hasPrefix($0) })
        {
            throw ValidationError("--nom-index « \(indexName) » : minuscules, sans espace ni \\ / * ? \" < > | , # :")
        }
    }

    func run() throws {
        let source = indexOption.resolved
        let reader: IndexReader
        do {
            reader = try IndexReader.open(directory: source)
        } catch {
            Output.error("\(error)")
            throw ExitCode(1)
        }
        let export = OpenSearchExport(
            directory: directory, indexName: indexName,
            maximumFileSize: MemorySize.parse(maximumSize) ?? OpenSearchExport.defaultMaximumFileSize)
        do {
            let result = try export.write { emit in
                try reader.forEachStoredDocument { stored in
                    try emit(ExportDocument(stored.document, entities: stored.entities))
                }
            }
            let mb = String(format: "%.1f", Double(result.bytes) / 1_048_576).replacingOccurrences(of: ".", with: ",")
            Output.line(
                "Export OpenSearch : \(result.documents) documents, \(result.bulkFiles.count) fichier\(result.bulkFiles.count > 1 ? "s" : "") _bulk (\(mb) Mo) dans \(directory)")
            Output.line("  index.json : création de l’index « \(indexName) » ; commandes de chargement : \(directory)/LISEZMOI.txt")
            Output.flush()
        } catch {
            Output.error("\(error)")
            throw ExitCode(1)
        }
    }
}
