import Foundation
import Testing

/// `cooplex reference status|compile` and the warning printed when the image is not used.
@Suite("cooplex reference (command line)")
struct ReferenceCLITests {
    typealias CLI = ExtractCLITests

    @Test("the committed image is current; a directory without one says so and exits 1")
    func status() throws {
        let current = try CLI.run(["reference", "status"])
        #expect(current.status == 0)
        #expect(current.stdout == "image de référence à jour\n")

        let dir = NSTemporaryDirectory() + "cooplex-cli-reference-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let reference = CLI.root.appendingPathComponent("Corpus/reference").path
        for file in try FileManager.default.contentsOfDirectory(atPath: reference) where file.hasSuffix(".tsv") {
            try FileManager.default.copyItem(atPath: reference + "/" + file, toPath: dir + "/" + file)
        }
        let missing = try CLI.run(["reference", "status", "--reference", dir])
        #expect(missing.status == 1)
        #expect(missing.stdout == "image de référence absente\n")

        // Without an image, the entities are the same and a warning says how to fix it.
        let tiny = dir + "/tiny.txt"
        try "La ville de Belfort coopère avec Dakar.".write(toFile: tiny, atomically: true, encoding: .utf8)
        let withImage = try CLI.run(["entities", "--json", tiny])
        let environment = ["COOPLEX_REFERENCE": dir]
        let withoutImage = try Self.run(["entities", "--json", tiny], environment: environment)
        #expect(withImage.stderr.isEmpty)
        #expect(withoutImage.stdout == withImage.stdout)
        #expect(withoutImage.stdout.contains("commune:90010"))
        #expect(withoutImage.stderr.contains("cooplex reference compile"))

        let compiled = try CLI.run(["reference", "compile", "--reference", dir])
        #expect(compiled.status == 0)
        #expect(compiled.stdout.contains("gazetteer.bin"))
        #expect(try CLI.run(["reference", "status", "--reference", dir]).status == 0)
        #expect(try Self.run(["entities", "--json", tiny], environment: environment).stderr.isEmpty)
    }

    static func run(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = try CLI.binary()
        process.arguments = arguments
        process.currentDirectoryURL = CLI.root
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
}
