import ArgumentParser
import Foundation
import Pipelines

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Exécute un ou plusieurs pipelines YAML (Pipelines/*.yml).",
        discussion: """
            Un pipeline décrit les sources à prendre, les étapes (extraire, entites, verifier, \
            indexer), les sorties, le parallélisme et la mémoire (voir Pipelines/README.md). \
            Tous les fichiers sont vérifiés avant de commencer : un fichier mal formé est \
            refusé avec sa ligne, sa colonne et ce qui était attendu.
            Le répertoire « index: » du pipeline est relatif au répertoire courant ; --index le \
            remplace, et sans l’un ni l’autre : $COOPLEX_INDEX, sinon .cooplex/.
            Codes de sortie comme « ingest ».
            """
    )

    @Option(name: .long, help: ArgumentHelp("Répertoire de l’index (remplace celui du pipeline).", valueName: "DIR"))
    var index: String?

    @OptionGroup var common: IngestRunOptions

    @Argument(help: ArgumentHelp("Fichiers de pipeline.", valueName: "PIPELINE.yml"))
    var pipelines: [String]

    func validate() throws {
        try common.validate()
    }

    func run() throws {
        var requests: [IngestRequest] = []
        var refused = false
        for path in pipelines {
            do {
                let spec = try PipelineSpec.load(path: path)
                let environment = ProcessInfo.processInfo.environment["COOPLEX_INDEX"].flatMap { $0.isEmpty ? nil : $0 }
                var request = IngestRequest(
                    spec: spec, index: index ?? spec.index ?? environment,
                    memoryBudget: common.memoryBytes, parallelism: common.parallelism)
                request.prune = common.prune
                request.dryRun = common.dryRun
                request.commitEveryFiles = common.commitEveryFiles
                request.commitEverySeconds = common.commitEverySeconds
                requests.append(request)
            } catch {
                Output.error("\(error)")
                refused = true
            }
        }
        if refused { throw ExitCode(1) }
        let code = try IngestRunner(options: common).execute(requests)
        if code != 0 { throw ExitCode(code) }
    }
}
