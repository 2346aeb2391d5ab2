import Entities
import Extraction
import Foundation

/// Writes to an index directory: buffers documents in memory up to a budget, flushes them
/// as immutable segments and publishes them atomically on `commit()`. Holds the writer
/// lock from `init` until `close()` (or deinit).
///
/// Documents are analyzed and inverted on worker threads (one segment builder each), so
/// indexing uses every core; `add` only queues the document (it blocks when the queue is
/// full, which bounds memory).
public final class IndexWriter {
    public let directory: String
    public let memoryBudget: Int

    private var lock: WriterLock?
    private var committed: Manifest
    private var segments: [SegmentState] = []
    private var sourceHashes: [String: String] = [:]
    private let pool: IndexingPool
    private var closed = false
    /// Segments whose files this writer created and that no commit references yet.
    private var obsoleteFiles: [String] = []

    /// Called between writing the new manifest and renaming it into place (tests simulate
    /// a crash there).
    var beforeManifestRename: (() throws -> Void)?

    /// Segments of the same size tier merged together once there are this many.
    public var mergeFactor = 10

    final class SegmentState {
        let name: String
        let docCount: Int
        var deletions: DeletionSet
        var deletionFile: String?
        var dirty = false
        private var reader: SegmentReader?
        let directory: String

        init(name: String, docCount: Int, deletions: DeletionSet, deletionFile: String?, directory: String) {
            self.name = name
            self.docCount = docCount
            self.deletions = deletions
            self.deletionFile = deletionFile
            self.directory = directory
        }

        func open() throws -> SegmentReader {
            if let reader { return reader }
            let r = try SegmentReader(name: name, path: IndexFiles.segmentPath(directory, name))
            reader = r
            return r
        }

        var liveCount: Int { docCount - deletions.count }
    }

    /// Opens (creating if needed) the index at `directory` and takes the writer lock.
    /// Throws `IndexError.locked` when another writer holds it. `indexingThreads`: threads
    /// that analyze and invert documents (default: one per core, at most 4); 0 does that
    /// work on the caller's thread, inside `add` (a run limited to one core).
    public init(directory: String, memoryBudget: Int = 512 * 1024 * 1024, indexingThreads: Int? = nil) throws {
        self.directory = directory
        self.memoryBudget = max(memoryBudget, 256 * 1024)
        HeapTuning.keepLargeBuffersMapped()
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw IndexError.io(path: directory, reason: error.localizedDescription)
        }
        lock = try WriterLock(directory: directory)
        committed = try Manifest.read(directory: directory) ?? Manifest()
        for e in committed.segments {
            let del: DeletionSet
            if let f = e.deletions {
                del = try DeletionSet.read(path: directory + "/" + f, docCount: e.docCount, directory: directory)
            } else {
                del = DeletionSet(docCount: e.docCount)
            }
            segments.append(SegmentState(name: e.name, docCount: e.docCount, deletions: del, deletionFile: e.deletions, directory: directory))
        }
        // Source table: later segments win; a source counts only while it has live documents.
        for s in segments {
            let reader = try s.open()
            for (source, hash) in reader.sourceTable() where IndexWriter.hasLiveDocs(s, reader, source: source) {
                sourceHashes[source] = hash
            }
        }
        let workers = max(0, indexingThreads ?? min(4, ProcessInfo.processInfo.activeProcessorCount))
        pool = IndexingPool(workers: workers, budgetPerWorker: self.memoryBudget / max(1, workers), directory: directory)
        removeUnreferencedFiles()
    }

    deinit { close() }

    private static func hasLiveDocs(_ s: SegmentState, _ reader: SegmentReader, source: String) -> Bool {
        guard let info = reader.lookup(.source, source) else { return false }
        var it = reader.iterator(info)
        while it.next() {
            if !s.deletions.contains(it.doc) { return true }
        }
        return false
    }

    /// Deletes segment, deletion and temporary files that the current manifest does not
    /// name (left by an interrupted writer).
    private func removeUnreferencedFiles() {
        var keep: Set<String> = [Manifest.fileName, WriterLock.fileName]
        for e in committed.segments {
            keep.insert(e.name + "." + SegmentFormat.fileExtension)
            if let d = e.deletions { keep.insert(d) }
        }
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for f in files where !keep.contains(f) {
            if f.hasSuffix("." + SegmentFormat.fileExtension) || f.hasSuffix(".del") || f == Manifest.fileName + ".tmp" {
                unlink(directory + "/" + f)
            }
        }
    }

    /// The content hash of the file last indexed from `source` (nil when never indexed):
    /// the incremental ingest skips a file whose hash is unchanged.
    public func fileHash(ofSource source: String) -> String? { sourceHashes[source] }

    /// Every source currently live in the index (for pruning vanished files).
    public func liveSources() -> [String] { sourceHashes.keys.sorted() }

    /// Adds one document with its entities. `fileHash` is the hash of the whole source file
    /// (the same for every item of a feed).
    public func add(_ document: Document, entities: [Entity], fileHash: String) throws {
        guard !closed else { throw IndexError.io(path: directory, reason: "écrivain fermé") }
        try pool.rethrowFailure()
        sourceHashes[document.source] = fileHash
        pool.enqueue(IndexingPool.Job(document: document, entities: entities, fileHash: fileHash))
    }

    /// Adds one document and recognizes its entities with `recognizer` on the indexing
    /// threads (in parallel with the other documents) instead of the caller's.
    public func add(_ document: Document, fileHash: String, recognizer: EntityRecognizer) throws {
        guard !closed else { throw IndexError.io(path: directory, reason: "écrivain fermé") }
        try pool.rethrowFailure()
        sourceHashes[document.source] = fileHash
        pool.enqueue(IndexingPool.Job(document: document, entities: [], fileHash: fileHash, recognizer: recognizer))
    }

    /// Marks every document from `source` deleted (takes effect at the next commit).
    public func deleteSource(_ source: String) throws {
        guard !closed else { throw IndexError.io(path: directory, reason: "écrivain fermé") }
        pool.drain()
        try pool.rethrowFailure()
        pool.deleteSourceInBuffers(source)
        adoptFlushedSegments()
        for s in segments {
            let reader = try s.open()
            guard let info = reader.lookup(.source, source) else { continue }
            var it = reader.iterator(info)
            while it.next() {
                if s.deletions.insert(it.doc) { s.dirty = true }
            }
        }
        sourceHashes[source] = nil
    }

    private func adoptFlushedSegments() {
        for f in pool.takeFlushed() {
            var del = DeletionSet(docCount: f.docCount)
            for d in f.deleted { del.insert(Int32(d)) }
            let s = SegmentState(name: f.name, docCount: f.docCount, deletions: del, deletionFile: nil, directory: directory)
            s.dirty = del.count > 0
            segments.append(s)
            obsoleteFiles.append(f.name + "." + SegmentFormat.fileExtension)
        }
    }

    /// Flushes buffered documents and publishes a new commit point atomically.
    public func commit() throws {
        guard !closed else { throw IndexError.io(path: directory, reason: "écrivain fermé") }
        pool.drain()
        try pool.flushAll()
        try pool.rethrowFailure()
        adoptFlushedSegments()
        try publish()
        try mergeIfNeeded()
    }

    private func publish() throws {
        var next = Manifest()
        next.generation = committed.generation + 1
        var replaced: [String] = []
        for s in segments where s.liveCount > 0 {
            if s.dirty {
                let file = "\(s.name)_\(next.generation).del"
                try s.deletions.write(path: directory + "/" + file)
                if let old = s.deletionFile { replaced.append(old) }
                s.deletionFile = file
                s.dirty = false
            }
            next.segments.append(Manifest.Entry(name: s.name, docCount: s.docCount, deletions: s.deletions.count > 0 ? s.deletionFile : nil, deletedCount: s.deletions.count))
        }
        let dropped = segments.filter { $0.liveCount == 0 }
        try IndexFiles.syncDirectory(directory)
        try next.publish(directory: directory, beforeRename: beforeManifestRename)
        committed = next
        segments.removeAll { $0.liveCount == 0 }
        obsoleteFiles.removeAll()
        for f in replaced { unlink(directory + "/" + f) }
        for s in dropped {
            unlink(IndexFiles.segmentPath(directory, s.name))
            if let d = s.deletionFile { unlink(directory + "/" + d) }
        }
    }

    /// Size-tiered merging: segments are grouped by tier (the order of magnitude of their
    /// live documents, base `mergeFactor`); a tier holding `mergeFactor` segments is merged
    /// into one, which keeps the number of segments logarithmic in the index size.
    private func mergeIfNeeded() throws {
        while true {
            var tiers: [Int: [SegmentState]] = [:]
            for s in segments {
                var tier = 0
                var n = max(1, s.liveCount)
                while n >= mergeFactor {
                    n /= mergeFactor
                    tier += 1
                }
                tiers[tier, default: []].append(s)
            }
            // A merge rebuilds one segment in memory: only groups that fit in the budget
            // are merged (larger segments stay as they are, as Lucene caps merged size).
            let candidates = try tiers.filter { $0.value.count >= mergeFactor }
                .filter { try IndexWriter.mergeCost($0.value) <= memoryBudget }
            guard let (_, group) = candidates.min(by: { $0.key < $1.key }) else { return }
            try merge(group)
        }
    }

    /// Memory a merge of `group` needs, estimated from the segments' sizes on disk (the
    /// builder holds about what the files hold, plus its tables and slack).
    static func mergeCost(_ group: [SegmentState]) throws -> Int {
        try group.reduce(0) { $0 + (try $1.open().file.buffer.count) } * 2
    }

    /// Rewrites the live documents of `group` into one segment and publishes it.
    func merge(_ group: [SegmentState]) throws {
        let builder = SegmentBuilder()
        for s in group {
            let reader = try s.open()
            try reader.forEachDocument { doc, stored in
                if !s.deletions.contains(doc) {
                    builder.add(stored.document, entities: stored.entities, fileHash: stored.fileHash)
                }
            }
        }
        let name = pool.newSegmentName()
        _ = try builder.write(path: IndexFiles.segmentPath(directory, name))
        let names = Set(group.map(\.name))
        let old = segments.filter { names.contains($0.name) }
        segments.removeAll { names.contains($0.name) }
        segments.append(SegmentState(name: name, docCount: builder.docCount, deletions: DeletionSet(docCount: builder.docCount), deletionFile: nil, directory: directory))
        try publish()
        for s in old {
            unlink(IndexFiles.segmentPath(directory, s.name))
            if let d = s.deletionFile { unlink(directory + "/" + d) }
        }
    }

    /// Merges every segment into one (used by tests and `--optimize`-like maintenance).
    public func forceMerge() throws {
        try commit()
        if segments.count > 1 { try merge(segments) }
    }

    /// Releases the writer lock. Uncommitted changes are discarded.
    public func close() {
        guard !closed else { return }
        closed = true
        pool.shutdown()
        for f in pool.takeFlushed() { unlink(IndexFiles.segmentPath(directory, f.name)) }
        for f in obsoleteFiles { unlink(directory + "/" + f) }
        lock?.release()
        lock = nil
    }
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
