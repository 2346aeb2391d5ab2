import Foundation

/// A declarative pipeline, read from a YAML file in `Pipelines/`.
///
/// Keys are French, everywhere the same (see `Pipelines/README.md`):
/// ```yaml
/// nom: publications            # name shown in logs and summaries (required)
/// index: .cooplex              # index directory, relative to the current directory
/// sources:                     # at least one
///   - chemin: Corpus/publications       # file or directory (walked recursively)
///     inclure: ["*.pdf", "*.xml"]       # optional glob patterns on the file name or relative path
///     exclure: ["brouillons/*"]         # optional glob patterns to leave out
/// etapes: [extraire, entites, verifier, indexer]   # extraire is always first
/// sorties:                     # all optional
///   entites: out/entites.jsonl # entities of the documents processed by this run (JSON Lines)
///   echecs: out/echecs.jsonl   # failure records of this run (JSON Lines)
///   rapports: out/rapports     # one compliance report per convention (.json and .txt)
/// parallelisme: 2              # files processed at once (default: number of cores)
/// memoire: 512MB               # memory budget of the index writer (default 512MB)
/// ```
public struct PipelineSpec: Sendable, Equatable {
    /// One root to ingest, with its filters.
    public struct Source: Sendable, Equatable {
        public var path: String
        public var include: [String]
        public var exclude: [String]

        public init(path: String, include: [String] = [], exclude: [String] = []) {
            self.path = path
            self.include = include
            self.exclude = exclude
        }
    }

    /// The stages a pipeline may run, by their French key.
    public enum Stage: String, Sendable, CaseIterable, Equatable {
        case extract = "extraire"
        case entities = "entites"
        case check = "verifier"
        case index = "indexer"
    }

    /// Where the run writes what it produced (paths relative to the current directory).
    public struct Outputs: Sendable, Equatable {
        public var entities: String?
        public var failures: String?
        public var reports: String?

        public init(entities: String? = nil, failures: String? = nil, reports: String? = nil) {
            self.entities = entities
            self.failures = failures
            self.reports = reports
        }
    }

    public var name: String
    /// The index directory as written in the file (nil: the command's default).
    public var index: String?
    public var sources: [Source]
    public var stages: [Stage]
    public var outputs: Outputs
    public var parallelism: Int?
    /// Bytes.
    public var memoryBudget: Int?

    public init(
        name: String, index: String? = nil, sources: [Source], stages: [Stage] = [.extract, .entities, .index],
        outputs: Outputs = Outputs(), parallelism: Int? = nil, memoryBudget: Int? = nil
    ) {
        self.name = name
        self.index = index
        self.sources = sources
        self.stages = stages
        self.outputs = outputs
        self.parallelism = parallelism
        self.memoryBudget = memoryBudget
    }

    public func runs(_ stage: Stage) -> Bool { stages.contains(stage) }

    /// Reads and validates the pipeline file at `path`. Throws `PipelineSpecError` (French
    /// message with file, line and column) before anything runs.
    public static func load(path: String) throws -> PipelineSpec {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineSpecError(file: path, line: nil, column: nil, message: "fichier de pipeline introuvable ou illisible")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PipelineSpecError(file: path, line: nil, column: nil, message: "le fichier n’est pas en UTF-8")
        }
        return try PipelineSpecParser(file: path).parse(text)
    }

    /// Parses pipeline YAML already in memory; `file` names it in error messages.
    public static func parse(_ yaml: String, file: String = "<pipeline>") throws -> PipelineSpec {
        try PipelineSpecParser(file: file).parse(yaml)
    }
}

/// A refused pipeline file: where, and what was expected, in French.
public struct PipelineSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based; nil when the error concerns the whole file.
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int?, column: Int?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place) : pipeline refusé : \(message)"
    }
}
