import ArgumentParser

// PLACEHOLDER — replaced by the stage that owns this command.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Vérifie la conformité de conventions au CGCT.")
    func run() throws {
        Output.error("commande « check » pas encore disponible")
        throw ExitCode(1)
    }
}
