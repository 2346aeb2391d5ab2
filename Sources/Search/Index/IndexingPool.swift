import Entities
import Extraction
import Foundation

/// Worker threads that analyze and invert queued documents, each into its own segment
/// builder; a builder that outgrows its share of the memory budget is written out as a
/// segment by its worker. Documents travel in batches (one lock and one wake-up per batch,
/// not per document); the queue is bounded so `enqueue` blocks instead of buffering without
/// limit.
final class IndexingPool: @unchecked Sendable {
    struct Job {
        var document: Document
        var entities: [Entity]
        var fileHash: String
        /// When set, entities are also recognized on the worker thread.
        var recognizer: EntityRecognizer? = nil
    }

    struct Flushed {
        var name: String
        var docCount: Int
        var deleted: [Int]
    }

    private let condition = NSCondition()
    private var queue: [[Job]] = []
    private var queueHead = 0
    private var busy = 0
    private var stopping = false
    private var failure: Error?
    private var flushed: [Flushed] = []
    private var builders: [SegmentBuilder]
    private var threads: [Thread] = []
    private let budgetPerWorker: Int
    private let directory: String
    /// Batches waiting, at most `maxQueue`.
    private let maxQueue = 16
    /// Text bytes waiting in the queue, at most `maxQueueBytes` (but always one batch).
    private var queuedBytes = 0
    private let maxQueueBytes = 16 << 20
    /// The batch being filled by the caller (not yet visible to the workers).
    private var pending: [Job] = []
    private var pendingBytes = 0
    /// A batch is handed over at this many documents or text bytes.
    static let batchDocuments = 32
    static let batchBytes = 256 << 10
    private var nameCounter = 0
    private let namePrefix: String

    /// No worker thread: jobs run on the caller's thread, in `enqueue`.
    private let inline: Bool

    /// `workers` threads (0: none, every job runs inside `enqueue`).
    init(workers: Int, budgetPerWorker: Int, directory: String) {
        self.budgetPerWorker = budgetPerWorker
        self.directory = directory
        inline = workers == 0
        builders = (0..<max(1, workers)).map { _ in SegmentBuilder() }
        namePrefix = String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 36) + "_" + String(getpid(), radix: 36)
        for w in 0..<workers {
            let t = Thread { [unowned self] in self.run(worker: w) }
            t.stackSize = 4 << 20
            t.name = "cooplex-index-\(w)"
            threads.append(t)
            t.start()
        }
    }

    /// A segment name unique to this process and call.
    func newSegmentName() -> String {
        condition.lock()
        defer { condition.unlock() }
        nameCounter += 1
        return "s\(namePrefix)_\(nameCounter)"
    }

    /// Queues one document (called from one thread, the writer's).
    func enqueue(_ job: Job) {
        if inline {
            perform([job], worker: 0)
            return
        }
        pending.append(job)
        pendingBytes += job.document.text.utf8.count
        if pending.count >= Self.batchDocuments || pendingBytes >= Self.batchBytes { handOver() }
    }

    /// Moves the batch being filled to the queue, waiting while the queue is full.
    private func handOver() {
        guard !pending.isEmpty else { return }
        let batch = pending
        let bytes = pendingBytes
        pending = []
        pending.reserveCapacity(Self.batchDocuments)
        pendingBytes = 0
        condition.lock()
        // Bounded by count and by bytes (a few huge documents must not fill the memory).
        while queue.count > queueHead && (queue.count - queueHead >= maxQueue || queuedBytes + bytes > maxQueueBytes) {
            condition.wait()
        }
        queue.append(batch)
        queuedBytes += bytes
        condition.broadcast()
        condition.unlock()
    }

    private static func textBytes(_ batch: [Job]) -> Int {
        batch.reduce(0) { $0 + $1.document.text.utf8.count }
    }

    private func run(worker: Int) {
        while true {
            condition.lock()
            while queue.count == queueHead && !stopping { condition.wait() }
            if queue.count == queueHead && stopping {
                condition.unlock()
                return
            }
            let batch = queue[queueHead]
            queue[queueHead] = []
            queueHead += 1
            queuedBytes -= Self.textBytes(batch)
            if queueHead > 256, queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            busy += 1
            condition.broadcast()
            condition.unlock()
            perform(batch, worker: worker)
        }
    }

    /// Analyzes and inverts a batch into the worker's builder; writes the builder out as
    /// a segment whenever it outgrows its budget.
    private func perform(_ batch: [Job], worker: Int) {
        condition.lock()
        var builder = builders[worker]
        condition.unlock()

        var results: [Flushed] = []
        var error: Error? = nil
        for job in batch {
            var entities = job.entities
            if let r = job.recognizer {
                entities += r.recognize(job.document)
                entities.sort { ($0.start, $0.end) < ($1.start, $1.end) }
            }
            builder.add(job.document, entities: entities, fileHash: job.fileHash)
            if builder.memoryBytes > budgetPerWorker, error == nil {
                do { results.append(try write(builder)) } catch let e { error = e }
                builder = SegmentBuilder()
                condition.lock()
                builders[worker] = builder
                condition.unlock()
            }
        }

        condition.lock()
        flushed.append(contentsOf: results)
        if let error, failure == nil { failure = error }
        if !inline { busy -= 1 }
        condition.broadcast()
        condition.unlock()
    }

    private func write(_ builder: SegmentBuilder) throws -> Flushed {
        let name = newSegmentName()
        _ = try builder.write(path: IndexFiles.segmentPath(directory, name))
        return Flushed(name: name, docCount: builder.docCount, deleted: builder.deletedDocs)
    }

    /// Waits until every queued document has been processed.
    func drain() {
        handOver()
        condition.lock()
        while queue.count > queueHead || busy > 0 { condition.wait() }
        condition.unlock()
    }

    /// Writes every non-empty builder as a segment (in parallel). Call after `drain()`.
    func flushAll() throws {
        condition.lock()
        let pending = builders.enumerated().filter { $0.element.docCount > 0 }
        for (i, _) in pending { builders[i] = SegmentBuilder() }
        condition.unlock()
        let shared = UncheckedBox((pending.map(\.element), [Result<Flushed, Error>?](repeating: nil, count: pending.count)))
        let resultLock = NSLock()
        DispatchQueue.concurrentPerform(iterations: pending.count) { i in
            let r = Result { try self.write(shared.value.0[i]) }
            resultLock.lock()
            shared.value.1[i] = r
            resultLock.unlock()
        }
        condition.lock()
        defer { condition.unlock() }
        for r in shared.value.1 {
            switch r {
            case .success(let f)?: flushed.append(f)
            case .failure(let e)?: if failure == nil { failure = e }
            case nil: break
            }
        }
    }

    func deleteSourceInBuffers(_ source: String) {
        condition.lock()
        defer { condition.unlock() }
        for b in builders { b.deleteSource(source) }
    }

    func takeFlushed() -> [Flushed] {
        condition.lock()
        defer { condition.unlock() }
        let out = flushed
        flushed = []
        return out
    }

    func rethrowFailure() throws {
        condition.lock()
        defer { condition.unlock() }
        if let failure {
            self.failure = nil
            throw failure
        }
    }

    func shutdown() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
        while true {
            condition.lock()
            let done = threads.allSatisfy { $0.isFinished }
            condition.unlock()
            if done { break }
            usleep(1000)
        }
    }
}

/// Hands a value to concurrent code that synchronizes access itself.
final class UncheckedBox<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
