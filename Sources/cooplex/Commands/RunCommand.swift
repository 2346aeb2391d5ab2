import ArgumentParser

// PLACEHOLDER — replaced by the stage that owns this command.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Exécute un pipeline YAML.")
    func run() throws {
        Output.error("commande « run » pas encore disponible")
        throw ExitCode(1)
    }
}
