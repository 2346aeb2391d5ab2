import Entities
import Foundation

/// Everything one run needs to know: what to read, which stages, where to write.
/// `cooplex ingest` builds one from its flags, `cooplex run` from a pipeline file.
public struct IngestRequest: Sendable {
    public var pipelineName: String?
    public var sources: [PipelineSpec.Source]
    /// The index directory; nil when the run does not index (then nothing is incremental).
    public var indexDirectory: String?
    public var memoryBudget: Int
    /// Files processed at once.
    public var parallelism: Int
    /// Entity types to recognize; empty turns recognition off.
    public var entityTypes: Set<EntityType>
    /// Checks every document as a convention and writes its report to `outputs.reports`.
    public var checkConventions: Bool
    public var outputs: PipelineSpec.Outputs
    /// Removes from the index the sources under the roots whose file disappeared.
    public var prune: Bool
    /// Decides and lists, writes nothing.
    public var dryRun: Bool
    /// A commit is made after this many files or this many seconds, whichever comes first,
    /// so an interrupted run loses at most that much work.
    public var commitEveryFiles: Int
    public var commitEverySeconds: Double
    /// JSON Lines files at least this large are streamed into the index, never read whole
    /// (memory bounded whatever their size).
    public var streamingThreshold = 8 << 20

    public static let defaultMemoryBudget = 512 * 1024 * 1024

    public init(
        pipelineName: String? = nil, sources: [PipelineSpec.Source], indexDirectory: String?,
        memoryBudget: Int = IngestRequest.defaultMemoryBudget,
        parallelism: Int = ProcessInfo.processInfo.activeProcessorCount,
        entityTypes: Set<EntityType> = Set(EntityType.allCases), checkConventions: Bool = false,
        outputs: PipelineSpec.Outputs = PipelineSpec.Outputs(), prune: Bool = false, dryRun: Bool = false,
        commitEveryFiles: Int = 2000, commitEverySeconds: Double = 30
    ) {
        self.pipelineName = pipelineName
        self.sources = sources
        self.indexDirectory = indexDirectory
        self.memoryBudget = memoryBudget
        self.parallelism = max(1, parallelism)
        self.entityTypes = entityTypes
        self.checkConventions = checkConventions
        self.outputs = outputs
        self.prune = prune
        self.dryRun = dryRun
        self.commitEveryFiles = max(1, commitEveryFiles)
        self.commitEverySeconds = commitEverySeconds
    }

    /// The request a pipeline file describes. `index` overrides the file's `index:` (the
    /// `--index` flag); the file's path is relative to the current directory.
    public init(spec: PipelineSpec, index: String?, memoryBudget: Int? = nil, parallelism: Int? = nil) {
        self.init(
            pipelineName: spec.name, sources: spec.sources,
            indexDirectory: spec.runs(.index) ? (index ?? spec.index ?? ".cooplex") : nil,
            memoryBudget: memoryBudget ?? spec.memoryBudget ?? IngestRequest.defaultMemoryBudget,
            parallelism: parallelism ?? spec.parallelism ?? ProcessInfo.processInfo.activeProcessorCount,
            entityTypes: spec.runs(.entities) ? Set(EntityType.allCases) : [],
            checkConventions: spec.runs(.check), outputs: spec.outputs)
    }

    /// Whether the run needs the entity recognizer (entities, or the compliance checker).
    public var needsRecognizer: Bool { !entityTypes.isEmpty || checkConventions }
}

/// Why a run stopped before its end (a single file's failure never does).
public enum IngestError: Error, Sendable, CustomStringConvertible {
    case index(String)
    case output(path: String, reason: String)

    public var description: String {
        switch self {
        case .index(let message): return message
        case .output(let path, let reason): return "\(path) : écriture impossible (\(reason))"
        }
    }
}
