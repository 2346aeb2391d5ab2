import ArgumentParser

// PLACEHOLDER — replaced by the stage that owns this command.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Exporte l’index (OpenSearch).")
    func run() throws {
        Output.error("commande « export » pas encore disponible")
        throw ExitCode(1)
    }
}
