import ArgumentParser

// PLACEHOLDER — replaced by the stage that owns this command.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ingest", abstract: "Indexe des fichiers et répertoires (incrémental).")
    func run() throws {
        Output.error("commande « ingest » pas encore disponible")
        throw ExitCode(1)
    }
}
