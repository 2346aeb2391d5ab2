import ArgumentParser

// PLACEHOLDER — replaced by the stage that owns this command.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Recherche dans l’index.")
    func run() throws {
        Output.error("commande « search » pas encore disponible")
        throw ExitCode(1)
    }
}
