import ArgumentParser

// PLACEHOLDER — replaced by the stage that owns this command.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Statistiques de l’index.")
    func run() throws {
        Output.error("commande « stats » pas encore disponible")
        throw ExitCode(1)
    }
}
