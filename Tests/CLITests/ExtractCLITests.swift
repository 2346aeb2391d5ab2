import Foundation
import Testing

/// Runs the built `cooplex` binary (`swift build --build-tests` builds it: this target
/// depends on it) on real files.
@Suite("cooplex extract (command line)")
struct ExtractCLITests {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static func binary() throws -> URL {
        for configuration in ["debug", "release"] {
            let url = root.appendingPathComponent(".build/\(configuration)/cooplex")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw CLIError.missingBinary
    }

    enum CLIError: Error { case missingBinary }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// Runs the binary with standard output and error on one pipe (the order a terminal shows).
    static func runMerged(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test("Many files are extracted side by side but printed in the order given, errors in place")
    func manyFilesInOrder() throws {
        let files = [
            "Corpus/publications/brochure-30-ans-cooperation-decentralisee.pdf",
            "Tests/Fixtures/hostile/empty.txt",
            "Corpus/conventions/convention-selestat-saa.pdf",
            "Corpus/lois/loi-2007-147-action-exterieure-collectivites.txt",
            "Tests/Fixtures/pdf/encrypted.pdf",
            "Corpus/flux/carnet-cooperation.atom",
            "Tests/Fixtures/pdf/two-columns.pdf",
            "Tests/Fixtures/hostile/un-repertoire",
            "Corpus/conventions/convention-saint-brieuc-mbour.odt",
            "Corpus/publications/brochure-30-ans-cooperation-decentralisee.pdf",
            "Tests/Fixtures/pdf/garbage.pdf",
            "Corpus/lois/cgct-L1115-1.xml",
            "Tests/Fixtures/pdf/scanned.pdf",
            "Corpus/conventions/convention-selestat-saa.pdf",
        ]
        for format in [["--json"], []] {
            // One process per file, one after the other: the reference output.
            var expected = ""
            for file in files { expected += try Self.runMerged(["extract"] + format + [file]).output }
            let batch = try Self.runMerged(["extract"] + format + files)
            #expect(batch.status == 1)
            #expect(batch.output == expected)
        }
    }

    @Test("Without poppler-glib, each PDF fails with one French line naming it; the rest is printed")
    func missingPoppler() throws {
        let result = try Self.run(
            ["extract", "--json", PDFFiles.brochure, "Corpus/lois/loi-2007-147-action-exterieure-collectivites.txt", PDFFiles.convention],
            environment: ["COOPLEX_POPPLER_LIBRARY": "/nonexistent/libpoppler-glib.so.8"])
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 2)
        #expect(errors.first?.hasPrefix("cooplex : \(PDFFiles.brochure) : lecture des PDF impossible, bibliothèque poppler-glib non chargée (/nonexistent/libpoppler-glib.so.8 introuvable)") == true)
        #expect(errors.last?.hasPrefix("cooplex : \(PDFFiles.convention) : lecture des PDF impossible") == true)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("\"format\":\"text\"") == true)
    }

    enum PDFFiles {
        static let brochure = "Corpus/publications/brochure-30-ans-cooperation-decentralisee.pdf"
        static let convention = "Corpus/conventions/convention-selestat-saa.pdf"
    }

    @Test("Failures are reported one line each; the other files are still printed; exit 1")
    func mixedBatch() throws {
        let result = try Self.run([
            "extract", "--json",
            "Tests/Fixtures/hostile/billion-laughs.xml",
            "Corpus/flux/carnet-cooperation.atom",
            "Tests/Fixtures/hostile/empty.txt",
            "Tests/Fixtures/hostile/un-repertoire",
            "Tests/Fixtures/hostile/lien-casse.txt",
            "Tests/Fixtures/hostile/garbage.bin",
            "Tests/Fixtures/hostile/zip-bomb-declared.docx",
            "Tests/Fixtures/hostile/undecodable.txt",
            "Corpus/conventions/convention-haute-savoie-tiznit.akn.xml",
        ])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4)  // 3 Atom entries + 1 convention
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["id"] is String)
            #expect(object?["blocks"] is [Any])
        }
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 7)
        #expect(errors.allSatisfy { $0.hasPrefix("cooplex : Tests/Fixtures/hostile/") })
        #expect(result.stderr.contains("billion-laughs.xml : XML refusé par sécurité"))
        #expect(result.stderr.contains("empty.txt : fichier vide"))
        #expect(result.stderr.contains("un-repertoire : c’est un répertoire"))
        #expect(result.stderr.contains("lien-casse.txt : lecture impossible (lien symbolique cassé)"))
        #expect(result.stderr.contains("zip-bomb-declared.docx : archive refusée"))
    }

    @Test("Every Corpus file extracts with the contract's fields and code-point offsets")
    func corpusContract() throws {
        let files = [
            "Corpus/flux/actualites-aect.rss", "Corpus/flux/carnet-cooperation.atom",
            "Corpus/lois/cgct-L1115-1.xml", "Corpus/lois/cgct-chapitre-V.xml",
            "Corpus/conventions/convention-haute-savoie-tiznit.akn.xml",
            "Corpus/conventions/convention-bourgogne-franche-comte-ninh-binh.docx",
            "Corpus/conventions/convention-saint-brieuc-mbour.odt",
        ]
        let result = try Self.run(["extract", "--json"] + files)
        #expect(result.status == 0, "\(result.stderr)")
        let keys = ["id", "source", "item", "format", "title", "date", "authors", "pages", "text", "blocks", "warnings"]
        for line in result.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in keys { #expect(object.keys.contains(key), "missing \(key)") }
            let text = try #require(object["text"] as? String)
            let scalars = Array(text.unicodeScalars)
            for case let block as [String: Any] in object["blocks"] as? [Any] ?? [] {
                let start = try #require(block["start"] as? Int)
                let end = try #require(block["end"] as? Int)
                #expect(0 <= start && start < end && end <= scalars.count)
                // A block never starts or ends inside whitespace padding.
                #expect(!scalars[start].properties.isWhitespace && !scalars[end - 1].properties.isWhitespace)
            }
        }
    }
}
