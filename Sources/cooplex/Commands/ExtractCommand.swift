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

    /// One file's lines to print, or its error message.
    enum Outcome: Sendable {
        case printed([String])
        case failed(String)
    }

    func run() throws {
        // Several files: extracted side by side (one thread per core), printed in the order
        // given. A PDF gets the cores its file thread leaves free for its pages: none while
        // every thread has a file, more for the last files of the batch (a single file may
        // use every core).
        let cores = AvailableCores.count
        let width = min(files.count, cores)
        let files = self.files
        let json = self.json
        var failed = false
        OrderedWork.run(count: files.count, width: width) { i -> Outcome in
            let busy = min(width, files.count - i)
            let extractor = DocumentExtractor(pdfPageWorkers: busy > 1 ? max(1, cores / busy) : nil)
            do {
                let documents = try extractor.extract(path: files[i])
                return .printed(documents.map { json ? $0.jsonObject().serialized() : TextRendering.document($0) })
            } catch {
                return .failed("\(error)")
            }
        } consume: { _, outcome in
            switch outcome {
            case .printed(let lines):
                for line in lines { Output.line(line) }
            case .failed(let message):
                failed = true
                Output.error(message)
            }
        }
        Output.flush()
        if failed { throw ExitCode(1) }
    }
}
