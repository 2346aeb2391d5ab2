import Foundation
import Pipelines
import Testing

@Suite("Pipeline files")
struct PipelineSpecTests {
    @Test("The shipped pipelines parse, with their stages and outputs")
    func shippedPipelines() throws {
        let publications = try PipelineSpec.load(path: TestPaths.root + "/Pipelines/publications.yml")
        #expect(publications.name == "publications")
        #expect(publications.index == ".cooplex")
        #expect(publications.sources.first?.path == "Corpus/publications")
        #expect(publications.sources.first?.include.contains("*.pdf") == true)
        #expect(publications.stages == [.extract, .entities, .index])
        #expect(publications.parallelism == 2)
        #expect(publications.memoryBudget == 512 * 1024 * 1024)
        #expect(publications.outputs.failures == "out/publications/echecs.jsonl")

        let conventions = try PipelineSpec.load(path: TestPaths.root + "/Pipelines/conventions.yml")
        #expect(conventions.runs(.check) && conventions.runs(.index))
        #expect(conventions.outputs.reports == "out/conventions/rapports")
        #expect(conventions.memoryBudget == 256 * 1024 * 1024)
    }

    @Test("Defaults and shorthands: stages, a source given as a bare path, one pattern as a string")
    func defaults() throws {
        let spec = try PipelineSpec.parse(
            """
            nom: minimal
            sources:
              - Corpus/flux
              - chemin: Corpus/publications
                inclure: "*.pdf"
            """)
        #expect(spec.stages == [.extract, .entities, .index])
        #expect(spec.sources == [.init(path: "Corpus/flux"), .init(path: "Corpus/publications", include: ["*.pdf"])])
        #expect(spec.index == nil && spec.parallelism == nil && spec.memoryBudget == nil)
    }

    @Test("A misspelt key is refused at its line and column, with the expected keys and a suggestion")
    func unknownKey() throws {
        let error = try #require(throws: PipelineSpecError.self) {
            try PipelineSpec.load(path: TestPaths.fixtures + "/specs/cle-inconnue.yml")
        }
        #expect(error.line == 4)
        #expect(error.column == 5)
        #expect(error.message.contains("« inclur »"))
        #expect(error.message.contains("« inclure »"))
        #expect(error.description.hasPrefix(TestPaths.fixtures + "/specs/cle-inconnue.yml:4:5 : "))
    }

    @Test("A value of the wrong kind says what was expected")
    func wrongValue() throws {
        let error = try #require(throws: PipelineSpecError.self) {
            try PipelineSpec.load(path: TestPaths.fixtures + "/specs/parallelisme-texte.yml")
        }
        #expect(error.line == 5)
        #expect(error.column == 15)
        #expect(error.message.contains("beaucoup"))
        #expect(error.message.contains("entier entre 1 et"))
    }

    @Test("A YAML syntax error is located and explained in French")
    func syntaxError() throws {
        let error = try #require(throws: PipelineSpecError.self) {
            try PipelineSpec.load(path: TestPaths.fixtures + "/specs/crochet-non-ferme.yml")
        }
        #expect(error.line != nil && error.column != nil)
        #expect((error.line ?? 0) >= 4)
        #expect(error.message.hasPrefix("YAML mal formé"))
        #expect(error.message.contains("attendu"))
    }

    @Test("Missing sources, an unknown stage, a bad size, and outputs without their stage are refused")
    func otherRefusals() throws {
        let missing = try #require(throws: PipelineSpecError.self) {
            try PipelineSpec.load(path: TestPaths.fixtures + "/specs/sans-sources.yml")
        }
        #expect(missing.message.contains("« sources » manquante"))

        let stage = try #require(throws: PipelineSpecError.self) {
            try PipelineSpec.parse("nom: x\nsources: [a]\netapes: [extraire, indexr]\n", file: "p.yml")
        }
        #expect(stage.line == 3 && stage.column == 20)
        #expect(stage.message.contains("étape inconnue « indexr »"))

        let memory = try #require(throws: PipelineSpecError.self) {
            try PipelineSpec.parse("nom: x\nsources: [a]\nmemoire: beaucoup\n", file: "p.yml")
        }
        #expect(memory.line == 3 && memory.column == 10)
        #expect(memory.message.contains("512MB"))

        let reports = try #require(throws: PipelineSpecError.self) {
            try PipelineSpec.parse("nom: x\nsources: [a]\nsorties:\n  rapports: out/r\n", file: "p.yml")
        }
        #expect(reports.message.contains("sans l’étape « verifier »"))

        let extractFirst = try #require(throws: PipelineSpecError.self) {
            try PipelineSpec.parse("nom: x\nsources: [a]\netapes: [entites, indexer]\n", file: "p.yml")
        }
        #expect(extractFirst.message.contains("« extraire » est obligatoire"))

        let notAMap = try #require(throws: PipelineSpecError.self) { try PipelineSpec.parse("- a\n- b\n", file: "p.yml") }
        #expect(notAMap.message.contains("une liste trouvé") || notAMap.message.contains("attendu : la table"))

        let empty = try #require(throws: PipelineSpecError.self) { try PipelineSpec.parse("", file: "p.yml") }
        #expect(empty.message.contains("fichier vide"))

        let duplicate = try #require(throws: PipelineSpecError.self) {
            try PipelineSpec.parse("nom: x\nnom: y\nsources: [a]\n", file: "p.yml")
        }
        #expect(duplicate.message.contains("répétée"))
    }

    @Test("Memory sizes as people write them", arguments: [
        ("512MB", 512 * 1024 * 1024), ("512 Mo", 512 * 1024 * 1024), ("2GB", 2 * 1024 * 1024 * 1024),
        ("1,5G", 1536 * 1024 * 1024), ("65536", 65536), ("256mib", 256 * 1024 * 1024),
    ])
    func memorySizes(text: String, bytes: Int) {
        #expect(MemorySize.parse(text) == bytes)
    }

    @Test("Sizes that are not sizes", arguments: ["", "MB", "-3MB", "12 parsecs", "0"])
    func badMemorySizes(text: String) {
        #expect(MemorySize.parse(text) == nil)
    }
}
