import ArgumentParser

@main
struct Cooplex: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cooplex",
        abstract: "Cooplex : corpus juridique de la coopération décentralisée.",
        discussion: """
            Extrait le texte des brochures PDF, flux XML et conventions, reconnaît les \
            collectivités, pays, dates et lois, les indexe pour la recherche et vérifie la \
            conformité des conventions au Code général des collectivités territoriales.
            """,
        version: CooplexVersion.string,
        subcommands: [
            ExtractCommand.self, EntitiesCommand.self, IngestCommand.self, SearchCommand.self,
            StatsCommand.self, CheckCommand.self, RunCommand.self, ExportCommand.self, ReferenceCommand.self,
        ],
        helpNames: [.short, .long]
    )
}

enum CooplexVersion {
    static let string = "0.1.0"
}
