import ArgumentParser
import Compliance
import Entities
import Extraction

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Vérifie la conformité de conventions de coopération décentralisée au CGCT.",
        discussion: """
            Lit chaque convention (PDF, DOCX, ODT, XML Akoma Ntoso, HTML, texte) et applique les \
            règles des articles L1115-1 à L1115-5 du CGCT : parties, objet, engagements financiers, \
            plafond de 1 %, signature, durée, transmission au préfet, engagements internationaux. \
            Chaque réponse cite la phrase qui la fonde (page et article).
            Codes de sortie : 0 toutes conformes ; 1 au moins une non conforme ; 2 aucune non \
            conforme mais au moins une à vérifier ; 3 un fichier n’a pas pu être lu.
            """
    )

    @Flag(name: .long, help: "Un objet JSON par convention et par ligne (voir le contrat).")
    var json = false

    @Argument(help: ArgumentHelp("Conventions à vérifier.", valueName: "FICHIER"))
    var files: [String]

    func run() throws {
        let recognizer: EntityRecognizer?
        do {
            recognizer = try EntityRecognizer.load()
            ReferenceNotice.report(recognizer!)
        } catch {
            Output.error("données de référence introuvables (\(error)) : vérification sans reconnaissance d’entités")
            recognizer = nil
        }
        let checker = recognizer.map { ConventionChecker(recognizer: $0) } ?? ConventionChecker(recognizer: nil)
        let extractor = DocumentExtractor()
        var unreadable = false
        var anyNonCompliant = false
        var anyToVerify = false
        var first = true
        for path in files {
            let documents: [Document]
            do {
                documents = try extractor.extract(path: path)
            } catch {
                unreadable = true
                Output.error("\(error)")
                continue
            }
            guard !documents.isEmpty, documents.contains(where: { !$0.text.trimmingSpacesAndNewlines().isEmpty }) else {
                unreadable = true
                Output.error("\(path) : aucun texte lisible, la convention ne peut pas être vérifiée")
                continue
            }
            for document in documents where !document.text.trimmingSpacesAndNewlines().isEmpty {
                let report = checker.check(document)
                switch report.verdict {
                case .nonCompliant: anyNonCompliant = true
                case .toVerify: anyToVerify = true
                case .compliant: break
                }
                if json {
                    Output.line(report.jsonObject().serialized())
                } else {
                    if !first { Output.line("") }
                    Output.line(report.renderText())
                }
                first = false
            }
        }
        Output.flush()
        if unreadable { throw ExitCode(3) }
        if anyNonCompliant { throw ExitCode(1) }
        if anyToVerify { throw ExitCode(2) }
    }
}

extension String {
    fileprivate func trimmingSpacesAndNewlines() -> Substring {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }
}
