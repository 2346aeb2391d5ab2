import Compliance
import Entities
import Extraction
import Foundation
import Search

/// The engine behind `cooplex ingest` and `cooplex run`.
///
/// 1. Walks the roots (`SourceWalker`).
/// 2. Processes files in parallel, at most `parallelism` at once, in child tasks of one
///    task group: read, hash, skip when the index holds the same hash for that source,
///    else extract, recognize entities, check conventions (reports are written here).
/// 3. Applies results to the index strictly in walk order (results that finish early wait
///    in a bounded window), replacing a changed file's old documents in the same commit,
///    and commits every `commitEveryFiles` changed files or `commitEverySeconds`: a killed
///    run leaves the index at its last commit, and the next run skips what was committed.
/// 4. Prunes vanished sources (`prune`), commits, closes.
///
/// A file that fails produces one `FailureRecord` and the run goes on. Only the index
/// itself failing (lock held, disk full) stops the run, with nothing committed lost.
public struct Ingestor: Sendable {
    public var request: IngestRequest
    public var recognizer: EntityRecognizer?
    public var extractor: DocumentExtractor

    public init(request: IngestRequest, recognizer: EntityRecognizer?, extractor: DocumentExtractor = DocumentExtractor()) {
        self.request = request
        self.recognizer = recognizer
        self.extractor = extractor
        // Files already run in parallel: one thread per PDF (unless the caller chose).
        if request.parallelism > 1 && extractor.pdfPageWorkers == nil { self.extractor.pdfPageWorkers = 1 }
    }

    /// What the index records of how a file was processed, besides its bytes: this version,
    /// bumped whenever Cooplex's extraction or recognition gives different documents for the
    /// same bytes (2: PDF running headers and footers left out), and the stages of the run
    /// (entity types, convention check). A file whose record differs is processed again: an
    /// upgraded Cooplex, or a run with entities after one without, re-reads unchanged bytes.
    public static let processingVersion = 2

    /// The value stored as a source's file hash: `sha256 hex;v<version>;<entity types>[;conformite]`.
    func processingStamp(_ contentHash: String) -> String {
        let types = request.entityTypes.map(\.rawValue).sorted().joined(separator: ",")
        return contentHash + ";v\(Ingestor.processingVersion);" + types + (request.checkConventions ? ";conformite" : "")
    }

    /// The content hash (SHA-256 hex of the file's bytes) in a stored file hash.
    public static func contentHash(ofStamp stamp: String) -> String {
        String(stamp.prefix { $0 != ";" })
    }

    /// What a worker produced for one file.
    enum FileResult: Sendable {
        case unchanged
        case failed(FailureRecord)
        case planned(isUpdate: Bool)
        case processed(ProcessedFile)
        /// A large JSON Lines file: hashed here, its documents streamed into the index when
        /// it is applied, never all in memory.
        case streamed(StreamedFile)
    }

    struct StreamedFile: Sendable {
        var hash: String
        /// SHA-256 state after the whole file (item ids derive from it).
        var hasher: SHA256
        var isUpdate: Bool
        /// The file as it was when hashed: streaming checks it did not change since.
        var identity: FileIdentity
    }

    /// What `stat` says of a file: equal before hashing and after streaming means the bytes
    /// streamed are the bytes hashed.
    struct FileIdentity: Sendable, Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int

        init(_ st: stat) {
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
            size = Int64(st.st_size)
            modifiedSeconds = Int(st.st_mtim.tv_sec)
            modifiedNanoseconds = Int(st.st_mtim.tv_nsec)
        }

        static func of(path: String) -> FileIdentity? {
            var st = stat()
            return stat(path, &st) == 0 ? FileIdentity(st) : nil
        }
    }


    struct ProcessedFile: Sendable {
        var hash: String
        var isUpdate: Bool
        var documents: [Document]
        var entities: [[Entity]]
        /// A report that could not be written (the file is still indexed).
        var outputFailure: FailureRecord?
    }

    public func run(progress: any ProgressReporter = SilentProgress(), stop: StopSignal = StopSignal()) async throws
        -> IngestSummary
    {
        let clock = ContinuousClock()
        let started = clock.now
        var summary = IngestSummary(pipeline: request.pipelineName, index: request.indexDirectory)
        summary.dryRun = request.dryRun

        let walk = SourceWalker(sources: request.sources).walk()
        let files = walk.files
        summary.files = files.count
        summary.failures = walk.failures
        summary.failed = walk.failures.count

        // The index: its known hashes decide what is unchanged.
        var writer: IndexWriter? = nil
        var known: [String: String] = [:]
        if let directory = request.indexDirectory {
            let exists = FileManager.default.fileExists(atPath: directory)
            if !request.dryRun || exists {
                do {
                    // One core asked for: the documents are indexed on the run's own thread.
                    let threads = request.parallelism == 1 ? 0 : request.parallelism
                    writer = try IndexWriter(directory: directory, memoryBudget: request.memoryBudget, indexingThreads: threads)
                } catch {
                    throw IngestError.index("\(error)")
                }
                for source in writer!.liveSources() {
                    if let hash = writer!.fileHash(ofSource: source) { known[source] = hash }
                }
            }
        }
        defer { writer?.close() }
        if request.dryRun {
            // A dry run reads the index, never writes it.
            writer?.close()
            writer = nil
        }

        let outputs = try OutputFiles(outputs: request.outputs, dryRun: request.dryRun)
        let checker = request.checkConventions ? recognizer.map { ConventionChecker(recognizer: $0) } : nil

        progress.started(files: files.count, bytes: files.reduce(0) { $0 + $1.size })
        for failure in walk.failures {
            progress.fileFinished(FileEvent(path: failure.path, bytes: 0, outcome: .failed(failure), done: 0, total: files.count))
        }

        var pendingChanges = 0
        var changedSinceStart = 0
        var lastCommit = clock.now
        let commitInterval = Duration.milliseconds(Int64(request.commitEverySeconds * 1000))

        func commit() throws {
            guard let writer, pendingChanges > 0 else { return }
            do {
                try writer.commit()
            } catch {
                throw IngestError.index("\(error)")
            }
            pendingChanges = 0
            lastCommit = clock.now
            progress.committed(files: changedSinceStart)
        }

        let known_ = known
        let parallelism = request.parallelism
        let maxAhead = parallelism * 2
        var nextToApply = 0

        try await withThrowingTaskGroup(of: (Int, FileResult, Int).self) { group in
            var nextToStart = 0
            var inFlight = 0
            var waiting: [Int: (FileResult, Int)] = [:]
            while true {
                while nextToStart < files.count, inFlight < parallelism, nextToStart - nextToApply < maxAhead,
                    !stop.isRequested
                {
                    let index = nextToStart
                    let file = files[index]
                    group.addTask {
                        let (result, bytes) = self.process(file, knownHash: known_[file.path], checker: checker)
                        return (index, result, bytes)
                    }
                    nextToStart += 1
                    inFlight += 1
                }
                if inFlight == 0 { break }
                guard let (index, result, bytes) = try await group.next() else { break }
                inFlight -= 1
                waiting[index] = (result, bytes)
                // Apply in walk order.
                while let (result, bytes) = waiting.removeValue(forKey: nextToApply) {
                    let file = files[nextToApply]
                    nextToApply += 1
                    summary.bytes += bytes
                    let outcome: FileEvent.Outcome
                    switch result {
                    case .unchanged:
                        summary.unchanged += 1
                        outcome = .unchanged
                    case .failed(let record):
                        summary.failed += 1
                        summary.failures.append(record)
                        outcome = .failed(record)
                    case .planned(let isUpdate):
                        if isUpdate { summary.updated += 1 } else { summary.added += 1 }
                        let kind: IngestSummary.PlannedAction.Kind = isUpdate ? .update : .add
                        summary.planned.append(.init(kind: kind, path: file.path))
                        outcome = .planned(kind)
                    case .processed(let processed):
                        if let writer {
                            do {
                                if processed.isUpdate { try writer.deleteSource(file.path) }
                                for (document, entities) in zip(processed.documents, processed.entities) {
                                    try writer.add(document, entities: entities, fileHash: processed.hash)
                                }
                            } catch {
                                throw IngestError.index("\(file.path) : \(error)")
                            }
                            pendingChanges += 1
                            changedSinceStart += 1
                        }
                        try outputs.writeEntities(processed.documents, processed.entities)
                        summary.documents += processed.documents.count
                        if processed.isUpdate { summary.updated += 1 } else { summary.added += 1 }
                        let n = processed.documents.count
                        outcome = processed.isUpdate ? .updated(documents: n) : .added(documents: n)
                        if let failure = processed.outputFailure {
                            summary.failed += 1
                            summary.failures.append(failure)
                        }
                    case .streamed(let streamed):
                        switch try stream(file, streamed, into: writer, outputs: outputs) {
                        case .indexed(let n):
                            if writer != nil {
                                pendingChanges += 1
                                changedSinceStart += 1
                            }
                            summary.documents += n
                            if streamed.isUpdate { summary.updated += 1 } else { summary.added += 1 }
                            outcome = streamed.isUpdate ? .updated(documents: n) : .added(documents: n)
                        case .failed(let record):
                            if writer != nil { pendingChanges += 1 }
                            summary.failed += 1
                            summary.failures.append(record)
                            outcome = .failed(record)
                        }
                    }
                    progress.fileFinished(
                        FileEvent(path: file.path, bytes: bytes, outcome: outcome, done: nextToApply, total: files.count))
                    if pendingChanges >= request.commitEveryFiles
                        || (pendingChanges > 0 && clock.now - lastCommit >= commitInterval)
                    {
                        try commit()
                    }
                }
            }
        }

        summary.interrupted = nextToApply < files.count
        if request.prune && !summary.interrupted {
            let walked = Set(files.map(\.path))
            for source in known.keys.sorted() where !walked.contains(source) {
                guard walk.roots.contains(where: { SourceWalker.isUnder(source, root: $0) }) else { continue }
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), !isDirectory.boolValue {
                    continue  // still there, only filtered out or hidden: not a vanished source
                }
                if request.dryRun {
                    summary.planned.append(.init(kind: .delete, path: source))
                } else if let writer {
                    do { try writer.deleteSource(source) } catch { throw IngestError.index("\(source) : \(error)") }
                    pendingChanges += 1
                    progress.deleted(source: source)
                }
                summary.deleted += 1
            }
        }
        try commit()
        try outputs.finish(failures: summary.failures)
        summary.duration = (clock.now - started).seconds
        progress.ended()
        return summary
    }

    /// Everything done to one file off the commit path. Returns the result and the bytes read.
    func process(_ file: WalkedFile, knownHash: String?, checker: ConventionChecker?) -> (FileResult, Int) {
        if file.size >= request.streamingThreshold, checker == nil {
            // Not JSON Lines (nil): read whole, as any file.
            if let probe = probeForStreaming(file) {
                let stamp = processingStamp(probe.hash)
                if let knownHash, knownHash == stamp { return (.unchanged, file.size) }
                let isUpdate = knownHash != nil
                if request.dryRun { return (.planned(isUpdate: isUpdate), file.size) }
                return (
                    .streamed(StreamedFile(hash: stamp, hasher: probe.hasher, isUpdate: isUpdate, identity: probe.identity)),
                    file.size
                )
            }
        }
        let data: Data
        do {
            data = try extractor.readFile(path: file.path)
        } catch {
            return (.failed(FailureRecord(path: file.path, stage: .read, error: error)), 0)
        }
        var hasher = SHA256()
        hasher.update(data)
        var finished = hasher
        let hash = processingStamp(finished.finalizeHex())
        if let knownHash, knownHash == hash {
            // Indexed and unchanged; but a convention whose report is missing (first run of the
            // conventions pipeline over files another run indexed, or a deleted output folder)
            // still gets its report.
            if let checker, let directory = request.outputs.reports, !request.dryRun,
                !ReportWriter(directory: directory).exists(for: file)
            {
                do {
                    let documents = try extractor.extract(data: data, path: file.path)
                    try ReportWriter(directory: directory).write(documents.map { checker.check($0) }, for: file)
                } catch let error as IngestError {
                    return (.failed(FailureRecord(path: file.path, stage: .output, error: error)), data.count)
                } catch {
                    return (.failed(FailureRecord(path: file.path, stage: .extract, error: error)), data.count)
                }
            }
            return (.unchanged, data.count)
        }
        let isUpdate = knownHash != nil
        if request.dryRun { return (.planned(isUpdate: isUpdate), data.count) }

        var documents: [Document]
        do {
            documents = try extractor.extract(data: data, path: file.path, hasher: hasher)
        } catch {
            return (.failed(FailureRecord(path: file.path, stage: .extract, error: error)), data.count)
        }
        var entities: [[Entity]] = []
        entities.reserveCapacity(documents.count)
        for document in documents {
            if let recognizer, !request.entityTypes.isEmpty {
                entities.append(recognizer.recognize(document, types: request.entityTypes))
            } else {
                entities.append([])
            }
        }
        var outputFailure: FailureRecord? = nil
        if let checker {
            let reports = documents.map { checker.check($0) }
            // The verdict is stored with the indexed convention.
            for i in documents.indices { documents[i].metadata["conformite"] = reports[i].verdict.rawValue }
            if let directory = request.outputs.reports {
                do {
                    try ReportWriter(directory: directory).write(reports, for: file)
                } catch {
                    outputFailure = FailureRecord(path: file.path, stage: .output, error: error)
                }
            }
        }
        return (
            .processed(
                ProcessedFile(
                    hash: hash, isUpdate: isUpdate, documents: documents, entities: entities, outputFailure: outputFailure)),
            data.count
        )
    }
}

extension Ingestor {
    struct StreamingProbe {
        var hash: String
        var hasher: SHA256
        var identity: FileIdentity
    }

    /// Hashes a large file by chunks and sniffs its head: a probe when it is JSON Lines,
    /// nil when it is another format (to be read whole).
    func probeForStreaming(_ file: WalkedFile) -> StreamingProbe? {
        let fd = open(file.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        // On any problem the ordinary path reads the file and gives the French reason.
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        let identity = FileIdentity(st)
        var hasher = SHA256()
        var head = Data()
        var chunk = [UInt8](repeating: 0, count: 4 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { raw -> Int in
                while true {
                    let r = read(fd, raw.baseAddress!, raw.count)
                    if r < 0 && errno == EINTR { continue }
                    return r
                }
            }
            if n < 0 { return nil }
            if n == 0 { break }
            chunk.withUnsafeBufferPointer { hasher.update(UnsafeBufferPointer(rebasing: $0[0..<n])) }
            if head.count < 1 << 16 { head.append(contentsOf: chunk[0..<min(n, (1 << 16) - head.count)]) }
            if head.count >= 4096, FormatSniffer.sniff(head, path: file.path) != .jsonl { return nil }
        }
        guard FormatSniffer.sniff(head, path: file.path) == .jsonl else { return nil }
        var finished = hasher
        return StreamingProbe(hash: finished.finalizeHex(), hasher: hasher, identity: identity)
    }

    /// Streams the documents of a large JSON Lines file into the index (entities
    /// recognized on the indexing threads unless the run writes them out). Returns the
    /// number of documents, or the failure record; a failure mid-file removes what was
    /// added from it (the file is re-read at the next run). Throws only when the index
    /// itself fails.
    enum StreamOutcome {
        case indexed(documents: Int)
        case failed(FailureRecord)
    }

    func stream(_ file: WalkedFile, _ streamed: StreamedFile, into writer: IndexWriter?, outputs: OutputFiles) throws
        -> StreamOutcome
    {
        let allTypes = request.entityTypes == Set(EntityType.allCases)
        let recognizeHere = recognizer != nil && !request.entityTypes.isEmpty && (outputs.writesEntities || !allTypes || writer == nil)
        var count = 0
        var skipped: [String] = []
        var indexFailure: Error? = nil
        do {
            if streamed.isUpdate, let writer { try writer.deleteSource(file.path) }
            try JSONLinesExtractor().forEachDocument(
                streamingFile: file.path, hasherAfterFile: streamed.hasher,
                skipped: { skipped.append($0.message) }
            ) { document in
                var document = document
                if !skipped.isEmpty {
                    // Warnings of skipped lines go on the next document read.
                    document.warnings.append(contentsOf: skipped.prefix(20))
                    if skipped.count > 20 { document.warnings.append("\(skipped.count - 20) autres lignes ignorées") }
                    skipped.removeAll()
                }
                do {
                    if recognizeHere, let recognizer {
                        let entities = recognizer.recognize(document, types: request.entityTypes)
                        try writer?.add(document, entities: entities, fileHash: streamed.hash)
                        try outputs.writeEntities([document], [entities])
                    } else if let recognizer, !request.entityTypes.isEmpty {
                        try writer?.add(document, fileHash: streamed.hash, recognizer: recognizer)
                    } else {
                        try writer?.add(document, entities: [], fileHash: streamed.hash)
                    }
                } catch let error as IngestError {
                    throw error
                } catch {
                    indexFailure = error
                    throw error
                }
                count += 1
            }
            if FileIdentity.of(path: file.path) != streamed.identity {
                throw ExtractionError.unreadable(path: file.path, reason: "le fichier a changé pendant sa lecture")
            }
            if count == 0 {
                let reason = skipped.first ?? "aucune ligne"
                throw ExtractionError.damaged(path: file.path, reason: "aucun document JSON Lines lisible (\(reason))")
            }
            return .indexed(documents: count)
        } catch let error as IngestError {
            throw error
        } catch {
            if let indexFailure { throw IngestError.index("\(file.path) : \(indexFailure)") }
            // Drop what this file added; it is read again next time.
            do { try writer?.deleteSource(file.path) } catch { throw IngestError.index("\(file.path) : \(error)") }
            return .failed(FailureRecord(path: file.path, stage: .extract, error: error))
        }
    }
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
