import ArgumentParser
import Entities
import Foundation
import Pipelines

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Extrait, reconnaît et indexe des fichiers et répertoires (incrémental).",
        discussion: """
            Les répertoires sont parcourus récursivement (fichiers cachés ignorés). Un fichier \
            déjà indexé et inchangé (même empreinte SHA-256) est ignoré ; un fichier modifié \
            remplace son ancienne version. Un fichier en échec est signalé et l’ingestion \
            continue. L’index est enregistré régulièrement : après une interruption (Ctrl-C, \
            kill), relancer la même commande reprend là où elle s’était arrêtée.
            Code de sortie : 0 si tout est passé, 1 si un fichier a échoué, 130/143 si interrompu.
            """
    )

    @OptionGroup var indexOption: IndexOption
    @OptionGroup var common: IngestRunOptions

    @Flag(name: .customLong("sans-entites"), help: "Ne pas reconnaître les entités (plus rapide).")
    var withoutEntities = false

    @Option(name: .customLong("inclure"), help: ArgumentHelp("Motif des fichiers à prendre (répétable), ex. \"*.pdf\".", valueName: "MOTIF"))
    var include: [String] = []

    @Option(name: .customLong("exclure"), help: ArgumentHelp("Motif des fichiers ou répertoires à laisser (répétable).", valueName: "MOTIF"))
    var exclude: [String] = []

    @Option(name: .customLong("entites"), help: ArgumentHelp("Écrit les entités des documents traités (JSON Lines).", valueName: "FICHIER"))
    var entitiesOutput: String?

    @Option(name: .customLong("echecs"), help: ArgumentHelp("Écrit les échecs (JSON Lines).", valueName: "FICHIER"))
    var failuresOutput: String?

    @Argument(help: ArgumentHelp("Fichiers et répertoires à indexer.", valueName: "CHEMIN"))
    var paths: [String]

    func validate() throws {
        try common.validate()
    }

    func run() throws {
        let request = IngestRequest(
            sources: paths.map { PipelineSpec.Source(path: $0, include: include, exclude: exclude) },
            indexDirectory: indexOption.resolved,
            memoryBudget: common.memoryBytes ?? IngestRequest.defaultMemoryBudget,
            parallelism: common.parallelism ?? ProcessInfo.processInfo.activeProcessorCount,
            entityTypes: withoutEntities ? [] : Set(EntityType.allCases),
            outputs: PipelineSpec.Outputs(entities: entitiesOutput, failures: failuresOutput),
            prune: common.prune, dryRun: common.dryRun,
            commitEveryFiles: common.commitEveryFiles, commitEverySeconds: common.commitEverySeconds)
        let code = try IngestRunner(options: common).execute([request])
        if code != 0 { throw ExitCode(code) }
    }
}

/// The flags `ingest` and `run` share.
struct IngestRunOptions: ParsableArguments {
    @Option(name: .customLong("memory"), help: ArgumentHelp("Mémoire de l’écriture de l’index (défaut 512MB).", valueName: "TAILLE"))
    var memory: String?

    @Option(name: [.customShort("j"), .customLong("parallelisme")], help: ArgumentHelp("Fichiers traités en parallèle (défaut : nombre de cœurs).", valueName: "N"))
    var parallelism: Int?

    @Flag(name: [.customLong("elaguer"), .customLong("prune")], help: "Retire de l’index les documents dont le fichier a disparu.")
    var prune = false

    @Flag(name: .customLong("dry-run"), help: "Affiche ce qui serait fait, sans rien écrire.")
    var dryRun = false

    @Flag(name: .long, help: "Affiche le bilan final en un objet JSON sur la sortie standard.")
    var json = false

    @Flag(name: [.customShort("q"), .customLong("silencieux")], help: "Pas de barre de progression ni de journal.")
    var quiet = false

    @Option(name: .customLong("commit-every"), help: .hidden)
    var commitEveryFiles: Int = 2000

    @Option(name: .customLong("commit-seconds"), help: .hidden)
    var commitEverySeconds: Double = 30

    var memoryBytes: Int? { memory.flatMap(MemorySize.parse) }

    func validate() throws {
        if let memory {
            guard let bytes = MemorySize.parse(memory) else {
                throw ValidationError("--memory « \(memory) » : attendu une taille comme 512MB ou 2GB")
            }
            if bytes < MemorySize.minimum { throw ValidationError("--memory « \(memory) » : au moins 16MB") }
        }
        if let parallelism, parallelism < 1 || parallelism > 256 {
            throw ValidationError("--parallelisme \(parallelism) : attendu un entier entre 1 et 256")
        }
        if commitEveryFiles < 1 { throw ValidationError("--commit-every : au moins 1") }
    }
}

/// Runs requests one after the other with the progress display that suits the output, the
/// signal handlers and the final summary; returns the exit code.
struct IngestRunner {
    var options: IngestRunOptions

    func execute(_ requests: [IngestRequest]) throws -> Int32 {
        var recognizer: EntityRecognizer? = nil
        if requests.contains(where: \.needsRecognizer) && !requests.allSatisfy(\.dryRun) {
            do {
                recognizer = try EntityRecognizer.load()
                ReferenceNotice.report(recognizer!)
            } catch {
                Output.error("données de référence des entités illisibles (\(error)) ; relancez avec --sans-entites pour indexer sans entités")
                return 1
            }
        }
        let interrupts = InterruptHandler(notice: { Output.error($0) })
        defer { interrupts.uninstall() }
        var code: Int32 = 0
        for request in requests {
            let progress: any ProgressReporter
            if options.quiet {
                progress = SilentProgress()
            } else if isatty(2) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb" {
                progress = ProgressBar()
            } else {
                progress = ProgressLog()
            }
            let ingestor = Ingestor(request: request, recognizer: recognizer)
            let summary: IngestSummary
            do {
                nonisolated(unsafe) let reporter = progress
                summary = try runBlocking { try await ingestor.run(progress: reporter, stop: interrupts.stop) }
            } catch {
                Output.error("\(error)")
                return 1
            }
            if options.json {
                Output.line(summary.jsonObject().serialized())
            } else {
                Output.line(summary.renderText())
            }
            Output.flush()
            code = max(code, summary.exitCode)
            if summary.interrupted || interrupts.signal != nil { return 128 + (interrupts.signal ?? SIGINT) }
        }
        return code
    }
}
