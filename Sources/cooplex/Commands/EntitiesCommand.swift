import ArgumentParser
import Entities
import Extraction

struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Reconnaît collectivités, pays, dates, lois, organisations et montants.",
        discussion: "Code de sortie 1 si un fichier n’a pas pu être lu."
    )

    @Flag(name: .long, help: "Une entité JSON par ligne, dans l’ordre du document.")
    var json = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Types à reconnaître, séparés par des virgules (collectivite,pays,date,loi,organisation,montant).",
            valueName: "TYPES"))
    var types: String?

    @Argument(help: ArgumentHelp("Fichiers à analyser.", valueName: "FICHIER"))
    var files: [String]

    func validate() throws {
        _ = try selectedTypes()
    }

    func selectedTypes() throws -> Set<EntityType> {
        guard let types else { return Set(EntityType.allCases) }
        var set = Set<EntityType>()
        for name in types.split(separator: ",") {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let type = EntityType(rawValue: trimmed) else {
                throw ValidationError(
                    "type d’entité inconnu « \(trimmed) » (attendu : collectivite, pays, date, loi, organisation, montant)")
            }
            set.insert(type)
        }
        return set
    }

    func run() throws {
        let wanted = try selectedTypes()
        let recognizer: EntityRecognizer
        do {
            recognizer = try EntityRecognizer.load()
        } catch {
            Output.error("\(error)")
            throw ExitCode(1)
        }
        ReferenceNotice.report(recognizer)
        let extractor = DocumentExtractor()
        var failed = false
        for path in files {
            do {
                for document in try extractor.extract(path: path) {
                    let entities = recognizer.recognize(document, types: wanted)
                    let offsets = CodePointOffsets(document.text)
                    for entity in entities {
                        if json {
                            Output.line(entity.jsonObject(document: document, offsets: offsets).serialized())
                        } else {
                            let start = offsets.codePoint(atByte: entity.start)
                            // One line per entity: a surface form broken across lines is shown on one.
                            let surface = entity.text.split(whereSeparator: \.isNewline).joined(separator: " ")
                            Output.line("\(document.source):\(start)\t\(entity.type.rawValue)\t\(entity.normalized)\t\(surface)")
                        }
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
