import Entities
import Foundation
import Pipelines
import Search

/// Paths of the package and a scratch directory per test, removed at the end.
enum TestPaths {
    static var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    static var fixtures: String { root + "/Tests/Fixtures/pipelines" }

    /// A fresh empty directory under the system's temporary directory.
    static func scratch(_ name: String = #function) -> String {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let path = NSTemporaryDirectory() + "cooplex-pipelines-\(safe)-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// A temporary corpus built from `Tests/Fixtures/pipelines/corpus`: `bons/` holds files every
/// extractor must read, `mauvais/` corrupt and hostile ones that must each fail.
struct TestCorpus {
    let directory: String
    var corpus: String { directory + "/corpus" }
    var index: String { directory + "/index" }

    init(name: String = #function) throws {
        directory = TestPaths.scratch(name)
        try FileManager.default.copyItem(atPath: TestPaths.fixtures + "/corpus", toPath: directory + "/corpus")
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// Good files, as sources (visible files of `bons/`, recursively).
    var goodFiles: [String] {
        [
            corpus + "/bons/convention-belfort-mopti.txt",
            corpus + "/bons/note-de-synthese.html",
            corpus + "/bons/sous-dossier/flux-actualites.xml",
        ]
    }

    var badFiles: [String] {
        [
            corpus + "/mauvais/binaire.dat",
            corpus + "/mauvais/brochure-tronquee.pdf",
            corpus + "/mauvais/rires.xml",
            corpus + "/mauvais/vide.txt",
        ]
    }

    func request(prune: Bool = false, dryRun: Bool = false, outputs: PipelineSpec.Outputs = .init(), parallelism: Int = 2)
        -> IngestRequest
    {
        IngestRequest(
            pipelineName: "essai", sources: [PipelineSpec.Source(path: corpus)], indexDirectory: index,
            memoryBudget: 64 * 1024 * 1024, parallelism: parallelism, outputs: outputs, prune: prune, dryRun: dryRun)
    }

    static let recognizer: EntityRecognizer? = try? EntityRecognizer.load(referenceDirectory: TestPaths.root + "/Corpus/reference")

    func run(_ request: IngestRequest) async throws -> IngestSummary {
        try await Ingestor(request: request, recognizer: Self.recognizer).run()
    }

    /// Every live source of the index with its file hash, read through a fresh writer.
    func indexedSources() throws -> [String: String] {
        let writer = try IndexWriter(directory: index)
        defer { writer.close() }
        var out: [String: String] = [:]
        for source in writer.liveSources() { out[source] = writer.fileHash(ofSource: source) ?? "" }
        return out
    }
}
