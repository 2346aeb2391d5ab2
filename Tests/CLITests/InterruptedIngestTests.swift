import Extraction
import Foundation
import Search
import Testing

/// `kill -9` and Ctrl-C at random points of a real `cooplex ingest` process: the index must
/// always open at a commit (every live source complete, with the hash of its file), and a
/// resumed run must end with the same index as one made in a single run.
@Suite("Interrupted ingest", .serialized)
struct InterruptedIngestTests {
    static let words = [
        "coopération", "décentralisée", "collectivité", "territoriale", "convention", "partenariat", "commune",
        "département", "région", "Maroc", "Sénégal", "Cameroun", "Mali", "eau", "assainissement", "développement",
        "jumelage", "solidarité", "internationale", "financement", "projet", "formation", "santé", "éducation",
        "l’accès", "d’eau", "agence", "préfet", "délibération", "budget", "action", "extérieure",
    ]

    /// `count` French text files of a few kilobytes, deterministic.
    static func makeCorpus(in directory: String, count: Int) throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for i in 0..<count {
            var text = "Note \(i) : la loi n° 2005-95 du 9 février 2005 et l’article L. 1115-1 du CGCT.\n"
            for sentence in 0..<(20 + next() % 40) {
                var words: [String] = []
                for _ in 0..<(8 + next() % 12) { words.append(words.isEmpty ? "Phrase" : Self.words[next() % Self.words.count]) }
                text += words.joined(separator: " ") + " \(sentence).\n"
            }
            let sub = directory + "/lot-\(i / 100)"
            try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
            try text.write(toFile: sub + String(format: "/note-%04d.txt", i), atomically: true, encoding: .utf8)
        }
    }

    /// Every live source with its hash; also checks each is a corpus file with that content.
    static func consistentSources(index: String, corpusRoot: String, base: String) throws -> [String: String] {
        let writer = try IndexWriter(directory: index)
        defer { writer.close() }
        var out: [String: String] = [:]
        for source in writer.liveSources() {
            let hash = try #require(writer.fileHash(ofSource: source))
            let data = try Data(contentsOf: URL(fileURLWithPath: base + "/" + source))
            // Stored as "sha256;v<version>;<stages>": the content part is the file's hash.
            #expect(String(hash.prefix { $0 != ";" }) == sha256(data), "\(source) is live with the hash of its file")
            out[source] = hash
        }
        return out
    }

    /// Every stored document (source, id, text, entities count), sorted: two indexes with the
    /// same content give the same list whatever their segments.
    static func storedDocuments(_ index: String) throws -> [String] {
        var out: [String] = []
        try IndexReader.open(directory: index).forEachStoredDocument { stored in
            out.append("\(stored.document.source)|\(stored.document.id)|\(stored.fileHash)|\(stored.document.text.utf8.count)|\(stored.entities.count)")
        }
        return out.sorted()
    }

    static func sha256(_ data: Data) -> String {
        SHA256.hex(of: [UInt8](data))
    }

    static func ingestArguments(index: String) -> [String] {
        // Entities off: recognition is not what is tested here, and it keeps the test short.
        ["ingest", "--index", index, "--sans-entites", "--commit-every", "25", "-j", "2", "corpus"]
    }

    @Test("kill -9 at random points, then resume: same index as a single run")
    func killAndResume() throws {
        let dir = PipelineCLI.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.makeCorpus(in: dir + "/corpus", count: 200)

        let start = Date()
        let reference = try PipelineCLI.run(Self.ingestArguments(index: "reference") + ["--json"], in: dir)
        let duration = Date().timeIntervalSince(start)
        #expect(reference.status == 0, "stderr: \(reference.stderr.suffix(500))")
        let expected = try Self.consistentSources(index: dir + "/reference", corpusRoot: dir + "/corpus", base: dir)
        #expect(expected.count == 200)

        var generator = SystemRandomNumberGenerator()
        var delays: [Double] = []
        for _ in 0..<4 {
            let delay = Double.random(in: 0.02...max(0.05, duration * 0.9), using: &generator)
            delays.append(delay)
            let p = PipelineCLI.process(Self.ingestArguments(index: "crash"), in: dir)
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            // Whatever the instant, the index opens and holds only complete, correct sources.
            if FileManager.default.fileExists(atPath: dir + "/crash") {
                let partial = try Self.consistentSources(index: dir + "/crash", corpusRoot: dir + "/corpus", base: dir)
                #expect(partial.allSatisfy { expected[$0.key] == $0.value }, "kill after \(delay) s")
                // A reader opens the same commit and searches it.
                if !partial.isEmpty {
                    let reader = try IndexReader.open(directory: dir + "/crash")
                    #expect(reader.documentCount == partial.count, "kill after \(delay) s")
                    let hits = try reader.search("coopération décentralisée", limit: 5)
                    #expect(hits.total > 0, "kill after \(delay) s")
                }
            }
        }
        let resumed = try PipelineCLI.run(Self.ingestArguments(index: "crash") + ["--json"], in: dir)
        #expect(resumed.status == 0, "kills after \(delays) s; stderr: \(resumed.stderr.suffix(500))")
        let summary = try PipelineCLI.json(resumed.stdout)
        #expect((summary["added"] as? Int ?? 0) + (summary["unchanged"] as? Int ?? 0) == 200)
        #expect(summary["updated"] as? Int == 0)
        let final = try Self.consistentSources(index: dir + "/crash", corpusRoot: dir + "/corpus", base: dir)
        #expect(final == expected, "kills after \(delays) s")
        #expect(try Self.storedDocuments(dir + "/crash") == Self.storedDocuments(dir + "/reference"))
        let query = "Maroc assainissement"
        #expect(
            try IndexReader.open(directory: dir + "/crash").search(query, limit: 400).hits.filter { !$0.partial }.map(\.id).sorted()
                == IndexReader.open(directory: dir + "/reference").search(query, limit: 400).hits.filter { !$0.partial }.map(\.id).sorted())

        let again = try PipelineCLI.run(Self.ingestArguments(index: "crash") + ["--json"], in: dir)
        #expect(try PipelineCLI.json(again.stdout)["unchanged"] as? Int == 200)
    }

    @Test("Ctrl-C: the files in flight are committed, exit code 130, the next run resumes")
    func interruptAndResume() throws {
        let dir = PipelineCLI.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.makeCorpus(in: dir + "/corpus", count: 200)
        let start = Date()
        let reference = try PipelineCLI.run(Self.ingestArguments(index: "reference"), in: dir)
        let duration = Date().timeIntervalSince(start)
        #expect(reference.status == 0)

        let p = PipelineCLI.process(Self.ingestArguments(index: "stop") + ["--json"], in: dir)
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        Thread.sleep(forTimeInterval: max(0.05, duration * 0.4))
        kill(p.processIdentifier, SIGINT)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        if p.terminationStatus == 0 {
            // The machine finished before the signal: nothing left to check about interruption.
            return
        }
        #expect(p.terminationStatus == 130)
        let summary = try PipelineCLI.json(String(decoding: data, as: UTF8.self))
        #expect(summary["interrupted"] as? Bool == true)
        let committed = summary["added"] as? Int ?? -1
        let partial = try Self.consistentSources(index: dir + "/stop", corpusRoot: dir + "/corpus", base: dir)
        #expect(partial.count == committed, "every file reported added before the stop is committed")

        let resumed = try PipelineCLI.run(Self.ingestArguments(index: "stop") + ["--json"], in: dir)
        #expect(resumed.status == 0)
        #expect(try PipelineCLI.json(resumed.stdout)["unchanged"] as? Int == committed)
        #expect(
            try Self.consistentSources(index: dir + "/stop", corpusRoot: dir + "/corpus", base: dir)
                == Self.consistentSources(index: dir + "/reference", corpusRoot: dir + "/corpus", base: dir))
    }
}
