import Foundation
import Yams

/// Validates a pipeline's YAML node by node, so every refusal points at the line and column
/// of the offending key or value and says what was expected.
struct PipelineSpecParser {
    let file: String

    static let topKeys = ["nom", "index", "sources", "etapes", "sorties", "parallelisme", "memoire"]
    static let sourceKeys = ["chemin", "inclure", "exclure"]
    static let outputKeys = ["entites", "echecs", "rapports"]
    static let maximumParallelism = 256

    func parse(_ yaml: String) throws -> PipelineSpec {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error)
        } catch {
            throw PipelineSpecError(file: file, line: nil, column: nil, message: "YAML illisible (\(error))")
        }
        guard let root else {
            throw PipelineSpecError(file: file, line: nil, column: nil, message: "fichier vide ; attendu : une table avec au moins « nom » et « sources »")
        }
        let top = try mapping(root, what: "la table du pipeline (nom, sources, etapes…)")
        try checkKeys(top, allowed: Self.topKeys, in: "le pipeline")

        guard let nameNode = top["nom"] else {
            throw error(at: root, "clé « nom » manquante ; attendu : le nom du pipeline, par exemple « nom: publications »")
        }
        let name = try nonEmptyString(nameNode, what: "le nom du pipeline")

        let index = try top["index"].map { try nonEmptyString($0, what: "le répertoire de l’index") }

        guard let sourcesNode = top["sources"] else {
            throw error(at: root, "clé « sources » manquante ; attendu : une liste de « - chemin: RÉPERTOIRE »")
        }
        let sourceItems = try sequence(sourcesNode, what: "une liste de sources (« - chemin: … »)")
        if sourceItems.isEmpty {
            throw error(at: sourcesNode, "liste de sources vide ; attendu : au moins une source « - chemin: … »")
        }
        var sources: [PipelineSpec.Source] = []
        for item in sourceItems {
            sources.append(try source(item))
        }

        var stages: [PipelineSpec.Stage] = [.extract, .entities, .index]
        if let stagesNode = top["etapes"] {
            let items = try sequence(stagesNode, what: "une liste d’étapes parmi \(Self.list(PipelineSpec.Stage.allCases.map(\.rawValue)))")
            stages = []
            for item in items {
                let word = try nonEmptyString(item, what: "le nom d’une étape")
                guard let stage = PipelineSpec.Stage(rawValue: word) else {
                    throw error(at: item, "étape inconnue « \(word) » ; attendu : \(Self.list(PipelineSpec.Stage.allCases.map(\.rawValue)))")
                }
                if stages.contains(stage) { throw error(at: item, "étape « \(word) » répétée") }
                stages.append(stage)
            }
            if !stages.contains(.extract) {
                throw error(at: stagesNode, "l’étape « extraire » est obligatoire (les autres travaillent sur le texte extrait)")
            }
            if stages.count == 1 {
                throw error(at: stagesNode, "seule l’étape « extraire » est demandée ; attendu : au moins une de « entites », « verifier », « indexer »")
            }
        }

        var outputs = PipelineSpec.Outputs()
        if let outNode = top["sorties"] {
            let out = try mapping(outNode, what: "une table de sorties (entites, echecs, rapports)")
            try checkKeys(out, allowed: Self.outputKeys, in: "les sorties")
            outputs.entities = try out["entites"].map { try nonEmptyString($0, what: "le fichier des entités") }
            outputs.failures = try out["echecs"].map { try nonEmptyString($0, what: "le fichier des échecs") }
            outputs.reports = try out["rapports"].map { try nonEmptyString($0, what: "le répertoire des rapports") }
            if let entitiesNode = out["entites"], !stages.contains(.entities) {
                throw error(at: entitiesNode, "sortie « entites » demandée sans l’étape « entites »")
            }
            if let reportsNode = out["rapports"], !stages.contains(.check) {
                throw error(at: reportsNode, "sortie « rapports » demandée sans l’étape « verifier »")
            }
        }
        if stages.contains(.check) && outputs.reports == nil && !stages.contains(.index) {
            throw error(at: root, "l’étape « verifier » sans « indexer » demande une sortie « rapports: RÉPERTOIRE »")
        }

        var parallelism: Int? = nil
        if let node = top["parallelisme"] {
            guard case .scalar(let s) = node, let n = Int(s.string.trimmingCharacters(in: .whitespaces)),
                n >= 1, n <= Self.maximumParallelism
            else {
                throw error(at: node, "valeur « \(Self.text(node)) » ; attendu : un entier entre 1 et \(Self.maximumParallelism)")
            }
            parallelism = n
        }

        var memory: Int? = nil
        if let node = top["memoire"] {
            guard case .scalar(let s) = node, let bytes = MemorySize.parse(s.string) else {
                throw error(at: node, "valeur « \(Self.text(node)) » ; attendu : une taille comme 512MB, 2GB ou 256Mo")
            }
            guard bytes >= MemorySize.minimum else {
                throw error(at: node, "mémoire « \(s.string) » trop faible ; attendu : au moins 16MB")
            }
            memory = bytes
        }

        return PipelineSpec(
            name: name, index: index, sources: sources, stages: stages, outputs: outputs,
            parallelism: parallelism, memoryBudget: memory)
    }

    private func source(_ node: Node) throws -> PipelineSpec.Source {
        if case .scalar = node {
            // "- Corpus/flux" is accepted as a shorthand for "- chemin: Corpus/flux".
            return PipelineSpec.Source(path: try nonEmptyString(node, what: "le chemin de la source"))
        }
        let map = try mapping(node, what: "une source « chemin: RÉPERTOIRE » (avec inclure/exclure facultatifs)")
        try checkKeys(map, allowed: Self.sourceKeys, in: "la source")
        guard let pathNode = map["chemin"] else {
            throw error(at: node, "clé « chemin » manquante dans la source ; attendu : « chemin: RÉPERTOIRE »")
        }
        return PipelineSpec.Source(
            path: try nonEmptyString(pathNode, what: "le chemin de la source"),
            include: try patterns(map["inclure"]),
            exclude: try patterns(map["exclure"]))
    }

    private func patterns(_ node: Node?) throws -> [String] {
        guard let node else { return [] }
        if case .scalar = node { return [try nonEmptyString(node, what: "un motif comme \"*.pdf\"")] }
        let items = try sequence(node, what: "une liste de motifs comme [\"*.pdf\", \"*.xml\"]")
        return try items.map { try nonEmptyString($0, what: "un motif comme \"*.pdf\"") }
    }

    // MARK: - Node helpers

    private func mapping(_ node: Node, what: String) throws -> Node.Mapping {
        guard case .mapping(let m) = node else { throw error(at: node, "\(Self.kind(node)) trouvé ; attendu : \(what)") }
        return m
    }

    private func sequence(_ node: Node, what: String) throws -> [Node] {
        guard case .sequence(let s) = node else { throw error(at: node, "\(Self.kind(node)) trouvé ; attendu : \(what)") }
        return Array(s)
    }

    private func nonEmptyString(_ node: Node, what: String) throws -> String {
        guard case .scalar(let s) = node else { throw error(at: node, "\(Self.kind(node)) trouvé ; attendu : \(what)") }
        let value = s.string.trimmingCharacters(in: .whitespaces)
        if value.isEmpty || (s.style == .plain && (value == "~" || value == "null")) {
            throw error(at: node, "valeur vide ; attendu : \(what)")
        }
        return value
    }

    private func checkKeys(_ map: Node.Mapping, allowed: [String], in place: String) throws {
        var seen: Set<String> = []
        for (key, _) in map {
            guard case .scalar(let s) = key else { throw error(at: key, "clé non textuelle dans \(place)") }
            if !allowed.contains(s.string) {
                var message = "clé inconnue « \(s.string) » dans \(place) ; attendu : \(Self.list(allowed))"
                if let near = Self.nearest(s.string, among: allowed) { message += " (vouliez-vous dire « \(near) » ?)" }
                throw error(at: key, message)
            }
            if !seen.insert(s.string).inserted { throw error(at: key, "clé « \(s.string) » répétée dans \(place)") }
        }
    }

    private func error(at node: Node, _ message: String) -> PipelineSpecError {
        PipelineSpecError(file: file, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    private func syntaxError(_ error: YamlError) -> PipelineSpecError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "YAML mal formé : \(Self.french(problem))"
            if let context { message += " (\(Self.french(context.text)) ligne \(context.mark.line))" }
            return PipelineSpecError(file: file, line: mark.line, column: mark.column, message: message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return PipelineSpecError(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "clé répétée \(duplicates.map { "« \($0) »" }.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return PipelineSpecError(file: file, line: nil, column: nil, message: "YAML illisible : \(problem)")
        default:
            return PipelineSpecError(file: file, line: nil, column: nil, message: "YAML illisible (\(error))")
        }
    }

    /// libyaml's messages, translated for the usual cases (the original is kept otherwise).
    static func french(_ problem: String) -> String {
        let table: [(String, String)] = [
            ("mapping values are not allowed in this context", "« : » inattendu (valeur de table à cet endroit)"),
            ("did not find expected key", "clé attendue introuvable (indentation incohérente ?)"),
            ("did not find expected '-' indicator", "« - » attendu (élément de liste)"),
            ("found character that cannot start any token", "caractère qui ne peut commencer aucun élément (tabulation ?)"),
            ("did not find expected ',' or ']'", "« , » ou « ] » attendu"),
            ("did not find expected ',' or '}'", "« , » ou « } » attendu"),
            ("found unexpected end of stream", "fin de fichier inattendue"),
            ("found undefined alias", "alias non défini"),
            ("found unknown escape character", "séquence d’échappement inconnue"),
            ("block sequence entries are not allowed in this context", "élément de liste « - » inattendu à cet endroit"),
            ("while parsing a block mapping", "dans une table"),
            ("while parsing a flow sequence", "dans une liste entre crochets"),
            ("while parsing a flow mapping", "dans une table entre accolades"),
            ("while scanning a quoted scalar", "dans une chaîne entre guillemets"),
            ("while scanning a simple key", "dans une clé"),
            ("while parsing a block collection", "dans une liste"),
        ]
        for (english, french) in table where problem.hasPrefix(english) { return french }
        return problem
    }

    static func kind(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return "valeur « \(s.string) »"
        case .mapping: return "une table"
        case .sequence: return "une liste"
        case .alias: return "un alias"
        }
    }

    static func text(_ node: Node) -> String {
        if case .scalar(let s) = node { return s.string }
        return kind(node)
    }

    static func list(_ words: [String]) -> String { words.map { "« \($0) »" }.joined(separator: ", ") }

    /// The allowed key within edit distance 2 of `word`, for a "did you mean" hint.
    static func nearest(_ word: String, among words: [String]) -> String? {
        let folded = word.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        if let exact = words.first(where: { $0 == folded }) { return exact }
        var best: (String, Int)? = nil
        for candidate in words {
            let d = editDistance(Array(folded.unicodeScalars), Array(candidate.unicodeScalars))
            if d <= 2, best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// Parses memory sizes as people write them: 512MB, 512 Mo, 2GB, 1.5G, 65536 (bytes).
public enum MemorySize {
    public static let minimum = 16 * 1024 * 1024

    public static func parse(_ text: String) -> Int? {
        let s = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "")
        guard !s.isEmpty else { return nil }
        let digits = s.prefix(while: { $0.isNumber || $0 == "." || $0 == "," })
        guard let value = Double(digits.replacingOccurrences(of: ",", with: ".")), value > 0 else { return nil }
        let unit = s.dropFirst(digits.count)
        let multiplier: Double
        switch unit {
        case "", "b", "o": multiplier = 1
        case "k", "kb", "ko", "kib", "kio": multiplier = 1024
        case "m", "mb", "mo", "mib", "mio": multiplier = 1024 * 1024
        case "g", "gb", "go", "gib", "gio": multiplier = 1024 * 1024 * 1024
        default: return nil
        }
        let bytes = value * multiplier
        guard bytes < Double(Int.max / 2) else { return nil }
        return Int(bytes)
    }
}
