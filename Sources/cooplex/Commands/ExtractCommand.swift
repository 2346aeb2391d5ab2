import ArgumentParser
import Extraction

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extrait le texte et les métadonnées de fichiers (PDF, XML, flux, DOCX, ODT, HTML, texte).",
        discussion: "Un flux RSS ou Atom donne un document par article. Code de sortie 1 si un fichier a échoué."
    )

    @Flag(name: .long, help: "Un objet JSON par document et par ligne (voir le contrat).")
    var json = false

    @Argument(help: ArgumentHelp("Fichiers à extraire.", valueName: "FICHIER"))
    var files: [String]

    func run() throws {
        let extractor = DocumentExtractor()
        var failed = false
        for path in files {
            do {
                for document in try extractor.extract(path: path) {
                    if json {
                        Output.line(document.jsonObject().serialized())
                    } else {
                        Output.line(TextRendering.document(document))
                    }
                }
            } catch {
                failed = true
                Output.error("\(error)")
            }
        }
        Output.flush()
        if failed { throw ExitCode(1) }
    }
}
