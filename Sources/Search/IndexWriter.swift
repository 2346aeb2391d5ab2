import Extraction
import Entities

// PLACEHOLDER API — the index work replaces the bodies; keep these public signatures
// (Pipelines and the CLI call them).

/// Writes to an index directory: buffers documents in memory up to a budget, flushes them
/// as immutable segments and publishes them atomically on `commit()`. Holds the writer
/// lock from `init` until `close()` (or deinit).
public final class IndexWriter {
    public let directory: String

    /// Opens (creating if needed) the index at `directory` and takes the writer lock.
    /// Throws `IndexError.locked` when another writer holds it.
    public init(directory: String, memoryBudget: Int = 512 * 1024 * 1024) throws {
        self.directory = directory
    }

    /// The content hash of the file last indexed from `source` (nil when never indexed):
    /// the incremental ingest skips a file whose hash is unchanged.
    public func fileHash(ofSource source: String) -> String? { nil }

    /// Every source currently live in the index (for pruning vanished files).
    public func liveSources() -> [String] { [] }

    /// Adds one document with its entities. `fileHash` is the hash of the whole source file
    /// (the same for every item of a feed).
    public func add(_ document: Document, entities: [Entity], fileHash: String) throws {}

    /// Marks every document from `source` deleted (takes effect at the next commit).
    public func deleteSource(_ source: String) throws {}

    /// Flushes buffered documents and publishes a new commit point atomically.
    public func commit() throws {}

    /// Releases the writer lock. Uncommitted changes are discarded.
    public func close() {}
}

public enum IndexError: Error, Sendable, CustomStringConvertible {
    case locked(directory: String)
    case missing(directory: String)
    case corrupt(directory: String, reason: String)
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .locked(let d): return "l’index \(d) est verrouillé par un autre processus d’écriture"
        case .missing(let d):
            return "aucun index dans \(d) : créez-le avec « cooplex ingest --index \(d) CHEMIN… »"
        case .corrupt(let d, let r): return "index \(d) illisible (\(r))"
        case .io(let p, let r): return "\(p) : erreur d’écriture (\(r))"
        }
    }
}
