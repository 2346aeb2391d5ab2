import Entities
import Extraction
import Foundation
import Pipelines
import Search
import Testing

/// Runs of the ingest engine over a temporary corpus of good, corrupt and hostile files,
/// checked through the index itself.
@Suite("Incremental ingestion", .serialized)
struct IngestorTests {
    @Test("Good files are indexed, each bad one gives exactly one failure record, the run goes on")
    func goodAndBadFiles() async throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        let outputs = PipelineSpec.Outputs(
            entities: corpus.directory + "/out/entites.jsonl", failures: corpus.directory + "/out/echecs.jsonl")
        let summary = try await corpus.run(corpus.request(outputs: outputs))

        #expect(summary.files == corpus.goodFiles.count + corpus.badFiles.count)
        #expect(summary.added == corpus.goodFiles.count)
        #expect(summary.failed == corpus.badFiles.count)
        #expect(summary.failures.map(\.path).sorted() == corpus.badFiles)
        #expect(summary.failures.allSatisfy { !$0.message.isEmpty && $0.stage == .extract })
        #expect(summary.exitCode == 1)
        // The feed gives one document per item.
        #expect(summary.documents >= corpus.goodFiles.count + 1)

        let indexed = try corpus.indexedSources()
        #expect(indexed.keys.sorted() == corpus.goodFiles)
        #expect(!indexed.keys.contains { $0.contains(".cache-cache") })

        // The failure report lists exactly the bad files, as JSON Lines.
        let report = try String(contentsOfFile: corpus.directory + "/out/echecs.jsonl", encoding: .utf8)
        let records = report.split(separator: "\n").map {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]
        }
        #expect(records.compactMap { $0?["path"] }.sorted() == corpus.badFiles)
        #expect(records.allSatisfy { $0?["stage"] == "extraction" && $0?["message"]?.isEmpty == false })
        #expect(FileManager.default.fileExists(atPath: corpus.directory + "/out/entites.jsonl"))
    }

    @Test("A large JSON Lines file is streamed: same index as read whole, unchanged next time, replaced when changed")
    func streamedJSONLines() async throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try FileManager.default.removeItem(atPath: corpus.corpus + "/mauvais")
        var lines: [String] = []
        for i in 0..<300 {
            lines.append("{\"id\": \"art-\(i)\", \"title\": \"Article \(i)\", \"text\": \"La commune de Belfort coopère avec Mopti (Mali), article \(i).\"}")
        }
        lines.insert("{pas du JSON", at: 10)
        let path = corpus.corpus + "/bons/articles.jsonl"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))

        var streamed = corpus.request()
        streamed.streamingThreshold = 1024
        let first = try await corpus.run(streamed)
        #expect(first.failed == 0)
        #expect(first.added == corpus.goodFiles.count + 1)
        let reader = try IndexReader.open(directory: corpus.index)
        #expect(try reader.search("Mopti").total == 300 + 1)
        #expect(try reader.search("collectivite:commune:90010").total >= 300)
        var ids: [String] = []
        try reader.forEachStoredDocument { if $0.document.source == path { ids.append($0.document.id) } }

        // The same corpus read whole gives the same documents.
        let whole = try TestCorpus(name: "streamedJSONLinesWhole")
        defer { whole.remove() }
        try FileManager.default.removeItem(atPath: whole.corpus + "/mauvais")
        try FileManager.default.copyItem(atPath: path, toPath: whole.corpus + "/bons/articles.jsonl")
        _ = try await whole.run(whole.request())
        var wholeIds: [String] = []
        try IndexReader.open(directory: whole.index).forEachStoredDocument {
            if $0.document.source.hasSuffix("/bons/articles.jsonl") { wholeIds.append($0.document.id) }
        }
        #expect(ids.count == 300 && ids.sorted() == wholeIds.sorted())

        let again = try await corpus.run(streamed)
        #expect(again.didNothing)

        try Data((lines.prefix(100).joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let changed = try await corpus.run(streamed)
        #expect(changed.updated == 1 && changed.documents == 99)
        #expect(try IndexReader.open(directory: corpus.index).search("Mopti").total == 99 + 1)
    }

    @Test("A second run over the same corpus processes nothing and says so")
    func secondRunDoesNothing() async throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try FileManager.default.removeItem(atPath: corpus.corpus + "/mauvais")
        let first = try await corpus.run(corpus.request())
        #expect(first.added == corpus.goodFiles.count && first.failed == 0 && first.exitCode == 0)
        let before = try corpus.indexedSources()

        let second = try await corpus.run(corpus.request())
        #expect(second.didNothing)
        #expect(second.unchanged == corpus.goodFiles.count)
        #expect(second.documents == 0)
        #expect(second.renderText().contains("rien à faire : 3 fichiers inchangés"))
        #expect(try corpus.indexedSources() == before)
    }

    @Test("Unchanged bytes are processed again when the processing changed: other stages, an older Cooplex")
    func processingChangeReprocesses() async throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try FileManager.default.removeItem(atPath: corpus.corpus + "/mauvais")
        var withoutEntities = corpus.request()
        withoutEntities.entityTypes = []
        let first = try await corpus.run(withoutEntities)
        #expect(first.added == corpus.goodFiles.count)
        let stamps = try corpus.indexedSources()
        for (source, stamp) in stamps {
            let data = try Data(contentsOf: URL(fileURLWithPath: source))
            #expect(Ingestor.contentHash(ofStamp: stamp) == SHA256.hex(of: [UInt8](data)))
            #expect(stamp.hasSuffix(";v\(Ingestor.processingVersion);"))
        }
        #expect(try await corpus.run(withoutEntities).didNothing)

        // The same bytes, now with entity recognition: every file is processed again.
        let second = try await corpus.run(corpus.request())
        #expect(second.updated == corpus.goodFiles.count && second.added == 0 && second.failed == 0)
        #expect(try await corpus.run(corpus.request()).didNothing)

        // An index written by an earlier Cooplex (a bare content hash as the record): re-read.
        let writer = try IndexWriter(directory: corpus.index)
        let source = try #require(writer.liveSources().first)
        let old = try IndexReader.open(directory: corpus.index)
        var documents: [(Document, [Entity])] = []
        try old.forEachStoredDocument { stored in
            if stored.document.source == source { documents.append((stored.document, stored.entities)) }
        }
        try writer.deleteSource(source)
        for (d, e) in documents {
            try writer.add(d, entities: e, fileHash: Ingestor.contentHash(ofStamp: stamps[source]!))
        }
        try writer.commit()
        writer.close()
        let third = try await corpus.run(corpus.request())
        #expect(third.updated == 1 && third.unchanged == corpus.goodFiles.count - 1)
    }

    @Test("A changed file replaces its old version; a removed one goes only with --elaguer")
    func changedAndRemovedFiles() async throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try FileManager.default.removeItem(atPath: corpus.corpus + "/mauvais")
        _ = try await corpus.run(corpus.request())
        let before = try corpus.indexedSources()

        let changed = corpus.goodFiles[0]
        let removed = corpus.goodFiles[1]
        let handle = try #require(FileHandle(forWritingAtPath: changed))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\nArticle 3 – Durée. La convention est conclue pour trois ans.\n".utf8))
        try handle.close()
        try FileManager.default.removeItem(atPath: removed)

        let withoutPrune = try await corpus.run(corpus.request())
        #expect(withoutPrune.updated == 1 && withoutPrune.added == 0 && withoutPrune.deleted == 0)
        #expect(withoutPrune.unchanged == 1)
        var after = try corpus.indexedSources()
        #expect(after[changed] != nil && after[changed] != before[changed])
        #expect(after[removed] != nil, "without --elaguer a vanished source stays")

        // A dry run lists the deletion and writes nothing.
        let dry = try await corpus.run(corpus.request(prune: true, dryRun: true))
        #expect(dry.planned == [.init(kind: .delete, path: removed)])
        #expect(try corpus.indexedSources() == after)

        let pruned = try await corpus.run(corpus.request(prune: true))
        #expect(pruned.deleted == 1 && pruned.updated == 0 && pruned.added == 0)
        after = try corpus.indexedSources()
        #expect(after.keys.sorted() == [changed, corpus.goodFiles[2]])
    }

    @Test("Pruning only touches the roots of the run and files that are really gone")
    func pruneIsScoped() async throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try FileManager.default.removeItem(atPath: corpus.corpus + "/mauvais")
        _ = try await corpus.run(corpus.request())
        // A run over one subfolder, with a filter that leaves a still existing file out.
        var request = corpus.request(prune: true)
        request.sources = [PipelineSpec.Source(path: corpus.corpus + "/bons", include: ["*.txt"])]
        let summary = try await corpus.run(request)
        #expect(summary.deleted == 0)
        #expect(try corpus.indexedSources().count == corpus.goodFiles.count)
    }

    @Test("A dry run on a new index lists the additions and creates nothing")
    func dryRunCreatesNothing() async throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        let summary = try await corpus.run(corpus.request(dryRun: true))
        #expect(summary.planned.map(\.path).sorted() == (corpus.goodFiles + corpus.badFiles).sorted())
        #expect(summary.planned.allSatisfy { $0.kind == .add })
        #expect(!FileManager.default.fileExists(atPath: corpus.index))
        #expect(summary.jsonObject().serialized().contains("\"dry_run\":true"))
    }

    @Test("Parallel and sequential runs build the same index", arguments: [1, 4])
    func parallelismDoesNotChangeTheResult(parallelism: Int) async throws {
        let corpus = try TestCorpus(name: "parallel\(parallelism)")
        defer { corpus.remove() }
        let many = corpus.corpus + "/nombreux"
        try FileManager.default.createDirectory(atPath: many, withIntermediateDirectories: true)
        for i in 0..<40 {
            try "Note \(i) sur la coopération décentralisée avec le Maroc en \(2000 + i).\n"
                .write(toFile: many + String(format: "/note-%03d.txt", i), atomically: true, encoding: .utf8)
        }
        let summary = try await corpus.run(corpus.request(parallelism: parallelism))
        #expect(summary.added == 40 + corpus.goodFiles.count)
        #expect(summary.failures.map(\.path).sorted() == corpus.badFiles)
        #expect(try corpus.indexedSources().count == 40 + corpus.goodFiles.count)
    }

    @Test("A stop request ends the run at a file boundary with everything applied committed")
    func stopRequest() async throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        let stop = StopSignal()
        stop.request()
        let summary = try await Ingestor(request: corpus.request(), recognizer: TestCorpus.recognizer).run(stop: stop)
        #expect(summary.interrupted)
        #expect(summary.added + summary.failed == 0)
        let resumed = try await corpus.run(corpus.request())
        #expect(!resumed.interrupted && resumed.added == corpus.goodFiles.count)
    }

    @Test("A held writer lock stops the run with a French message, before anything is read")
    func lockedIndex() async throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        let writer = try IndexWriter(directory: corpus.index)
        defer { writer.close() }
        await #expect(throws: IngestError.self) { _ = try await corpus.run(corpus.request()) }
    }
}
