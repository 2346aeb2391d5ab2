import Foundation
import Testing

/// The built `cooplex` binary, run as a user would.
enum PipelineCLI {
    static var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [
            beside.appendingPathComponent("cooplex").path,
            beside.deletingLastPathComponent().appendingPathComponent("cooplex").path,
            root + "/.build/debug/cooplex",
        ] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return root + "/.build/debug/cooplex"
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func process(_ arguments: [String], in directory: String) -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        p.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["COOPLEX_REFERENCE"] = root + "/Corpus/reference"
        environment.removeValue(forKey: "COOPLEX_INDEX")
        p.environment = environment
        return p
    }

    /// Runs to completion, capturing both outputs.
    static func run(_ arguments: [String], in directory: String) throws -> Result {
        let p = process(arguments, in: directory)
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read before waiting, so a large output cannot fill the pipe and block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(
            status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    static func scratch(_ name: String = #function) -> String {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let path = NSTemporaryDirectory() + "cooplex-cli-\(safe)-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func json(_ text: String) throws -> [String: Any] {
        let line = try #require(text.split(separator: "\n").last)
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
}

@Suite("cooplex ingest and cooplex run", .serialized)
struct IngestCLITests {
    /// A scratch folder holding a copy of the pipelines fixture corpus as `corpus/`.
    static func workspace(_ name: String = #function) throws -> String {
        let dir = PipelineCLI.scratch(name)
        try FileManager.default.copyItem(
            atPath: PipelineCLI.root + "/Tests/Fixtures/pipelines/corpus", toPath: dir + "/corpus")
        return dir
    }

    @Test("ingest --json: one summary object, exit code 1 when some files failed, failures named")
    func ingestJSON() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try PipelineCLI.run(["ingest", "--json", "corpus"], in: dir)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let summary = try PipelineCLI.json(result.stdout)
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(summary["added"] as? Int == 3)
        #expect(summary["failed"] as? Int == 4)
        #expect(summary["index"] as? String == ".cooplex")
        let failures = try #require(summary["failures"] as? [[String: String]])
        #expect(failures.compactMap { $0["path"] }.sorted() == [
            "corpus/mauvais/binaire.dat", "corpus/mauvais/brochure-tronquee.pdf", "corpus/mauvais/rires.xml",
            "corpus/mauvais/vide.txt",
        ])
        // Piped: plain log lines on standard error, no cursor control.
        #expect(result.stderr.contains("ajouté corpus/bons/convention-belfort-mopti.txt"))
        #expect(!result.stderr.contains("\u{1B}["))
        #expect(FileManager.default.fileExists(atPath: dir + "/.cooplex"))
    }

    @Test("A second ingest of an unchanged corpus does nothing and says so; exit code 0")
    func secondIngest() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try PipelineCLI.run(["ingest", "--index", "idx", "corpus/bons"], in: dir)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout.contains("ajoutés     : 3 fichiers"))
        let second = try PipelineCLI.run(["ingest", "--index", "idx", "corpus/bons"], in: dir)
        #expect(second.status == 0)
        #expect(second.stdout.contains("rien à faire : 3 fichiers inchangés"), "stdout: \(second.stdout)")
    }

    @Test("$COOPLEX_INDEX is the default index, --index wins over it")
    func indexLocation() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = PipelineCLI.process(["ingest", "-q", "corpus/bons"], in: dir)
        p.environment?["COOPLEX_INDEX"] = dir + "/depuis-env"
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: dir + "/depuis-env"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/.cooplex"))
    }

    @Test("run refuses a malformed pipeline before doing anything, naming file, line and column")
    func malformedPipeline() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let spec = PipelineCLI.root + "/Tests/Fixtures/pipelines/specs/cle-inconnue.yml"
        let good = dir + "/bon.yml"
        try "nom: bon\nsources: [corpus/bons]\n".write(toFile: good, atomically: true, encoding: .utf8)
        let result = try PipelineCLI.run(["run", good, spec], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cle-inconnue.yml:4:5 : pipeline refusé : clé inconnue « inclur »"), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/.cooplex"), "nothing ran, not even the good pipeline")
    }

    @Test("run: a pipeline with outputs, then --dry-run after a change, then --elaguer")
    func runPipeline() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let spec = """
            nom: essai
            index: index-essai
            sources:
              - chemin: corpus
                exclure: ["*.dat"]
            etapes: [extraire, entites, indexer]
            sorties:
              entites: sorties/entites.jsonl
              echecs: sorties/echecs.jsonl
            parallelisme: 2
            memoire: 64MB
            """
        try spec.write(toFile: dir + "/essai.yml", atomically: true, encoding: .utf8)
        let first = try PipelineCLI.run(["run", "essai.yml"], in: dir)
        #expect(first.status == 1, "three bad files remain")
        #expect(first.stdout.contains("Pipeline « essai »"))
        let failures = try String(contentsOfFile: dir + "/sorties/echecs.jsonl", encoding: .utf8)
        #expect(failures.split(separator: "\n").count == 3)
        #expect(!failures.contains("binaire.dat"))

        try FileManager.default.removeItem(atPath: dir + "/corpus/mauvais")
        try FileManager.default.removeItem(atPath: dir + "/corpus/bons/note-de-synthese.html")
        let dry = try PipelineCLI.run(["run", "--dry-run", "--elaguer", "essai.yml"], in: dir)
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("supprimer       corpus/bons/note-de-synthese.html"), "stdout: \(dry.stdout)")
        let prune = try PipelineCLI.run(["run", "--elaguer", "--json", "essai.yml"], in: dir)
        #expect(prune.status == 0)
        let summary = try PipelineCLI.json(prune.stdout)
        #expect(summary["deleted"] as? Int == 1)
        #expect(summary["unchanged"] as? Int == 2)
    }

    @Test("export --opensearch: every indexed document once, in the _bulk format, with its entities")
    func exportOpenSearch() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let ingest = try PipelineCLI.run(["ingest", "-q", "--json", "corpus/bons"], in: dir)
        #expect(ingest.status == 0)
        let documents = try PipelineCLI.json(ingest.stdout)["documents"] as? Int ?? -1
        let result = try PipelineCLI.run(["export", "--opensearch", "export", "--taille-max", "2KB"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Export OpenSearch : \(documents) documents"))
        let names = try FileManager.default.contentsOfDirectory(atPath: dir + "/export").filter { $0.hasSuffix(".ndjson") }.sorted()
        var sources: [String] = []
        for name in names {
            let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/export/" + name))
            #expect(data.last == 0x0A)
            let lines = data.split(separator: 0x0A)
            #expect(lines.count % 2 == 0)
            for pair in stride(from: 0, to: lines.count, by: 2) {
                let action = try #require(try JSONSerialization.jsonObject(with: Data(lines[pair])) as? [String: [String: String]])
                #expect(action["index"]?["_index"] == "cooplex")
                let source = try #require(try JSONSerialization.jsonObject(with: Data(lines[pair + 1])) as? [String: Any])
                #expect(action["index"]?["_id"] == source["id"] as? String)
                sources.append(source["source"] as? String ?? "")
                #expect(source["loi"] is [String] && source["pays"] is [String])
            }
        }
        #expect(sources.count == documents)
        #expect(Set(sources) == ["corpus/bons/convention-belfort-mopti.txt", "corpus/bons/note-de-synthese.html", "corpus/bons/sous-dossier/flux-actualites.xml"])
        let missing = try PipelineCLI.run(["export", "--index", "absent", "--opensearch", "x"], in: dir)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cooplex ingest"))
    }

    @Test("Flag errors are refused in French before anything runs")
    func badFlags() throws {
        let dir = PipelineCLI.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let memory = try PipelineCLI.run(["ingest", "--memory", "beaucoup", "x"], in: dir)
        #expect(memory.status != 0)
        #expect(memory.stderr.contains("attendu une taille"))
        let parallel = try PipelineCLI.run(["ingest", "-j", "0", "x"], in: dir)
        #expect(parallel.status != 0)
        #expect(!FileManager.default.fileExists(atPath: dir + "/.cooplex"))
    }
}
