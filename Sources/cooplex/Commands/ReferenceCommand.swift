import ArgumentParser
import Entities

/// `cooplex reference compile|status`: the precompiled image of the reference data
/// (`Corpus/reference/gazetteer.bin`), generated from the TSV files.
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "Image précompilée des données de référence (Corpus/reference/gazetteer.bin).",
        discussion: """
            Les fichiers TSV de Corpus/reference font foi ; l’image en est tirée pour un \
            chargement rapide. Si elle manque ou ne correspond plus aux TSV, les commandes \
            compilent les TSV à chaque lancement (résultat identique, plus lent).
            """,
        subcommands: [Compile.self, Status.self]
    )

    struct Location: ParsableArguments {
        @Option(
            name: .long,
            help: ArgumentHelp(
                "Dossier des données de référence (défaut : $COOPLEX_REFERENCE, sinon Corpus/reference).",
                valueName: "DIR"))
        var reference: String?
    }

    struct Compile: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compile", abstract: "Compile les fichiers TSV en image binaire (à refaire après toute modification des TSV).")

        @OptionGroup var location: Location

        func run() throws {
            do {
                let s = try ReferenceImageFile.compile(referenceDirectory: location.reference)
                Output.line(
                    "\(s.path) : \(s.bytes) octets, \(s.entries) entrées, \(s.patterns) formes, \(s.words) mots, \(s.trieNodes) nœuds")
                Output.flush()
            } catch {
                Output.error("\(error)")
                throw ExitCode(1)
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "Dit si l’image est à jour (code de sortie 0) ou non (1).")

        @OptionGroup var location: Location

        func run() throws {
            let status: ReferenceImageStatus
            do {
                status = try ReferenceImageFile.status(referenceDirectory: location.reference)
            } catch {
                Output.error("\(error)")
                throw ExitCode(1)
            }
            Output.line(status.description)
            Output.flush()
            if status != .current { throw ExitCode(1) }
        }
    }
}

/// One warning when the reference data were compiled at load instead of read from the image.
enum ReferenceNotice {
    static func report(_ recognizer: EntityRecognizer) {
        let status = recognizer.referenceImage
        guard status != .current else { return }
        Output.error("avertissement : \(status) ; données lues dans les fichiers TSV (plus lent) : régénérez-la avec « cooplex reference compile »")
    }
}
