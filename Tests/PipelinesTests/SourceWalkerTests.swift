import Foundation
import Pipelines
import Testing

@Suite("Walking the sources")
struct SourceWalkerTests {
    @Test("Recursive, in byte order, hidden entries skipped, symbolic link loops visited once")
    func walk() throws {
        let dir = TestPaths.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        for path in ["b.txt", "a.pdf", "sous/c.xml", "sous/.cache/d.txt", ".e.txt", "Z.html"] {
            let full = dir + "/" + path
            try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "x".write(toFile: full, atomically: true, encoding: .utf8)
        }
        try fm.createSymbolicLink(atPath: dir + "/sous/boucle", withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: dir + "/casse", withDestinationPath: dir + "/absent")

        let result = SourceWalker(sources: [.init(path: dir + "/")]).walk()
        #expect(result.files.map(\.relative) == ["Z.html", "a.pdf", "b.txt", "sous/c.xml"])
        #expect(result.files.map(\.path) == result.files.map { dir + "/" + $0.relative })
        #expect(result.failures.isEmpty)
        #expect(result.roots == [dir])
    }

    @Test("inclure and exclure patterns, case-insensitive, on names or paths below the root")
    func patterns() throws {
        let dir = TestPaths.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for path in ["a.PDF", "b.pdf", "c.xml", "brouillons/d.pdf", "e.txt"] {
            let full = dir + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "x".write(toFile: full, atomically: true, encoding: .utf8)
        }
        let result = SourceWalker(sources: [.init(path: dir, include: ["*.pdf", "*.xml"], exclude: ["brouillons/*", "c.*"])]).walk()
        #expect(result.files.map(\.relative) == ["a.PDF", "b.pdf"])
        let excludedDirectory = SourceWalker(sources: [.init(path: dir, exclude: ["brouillons"])]).walk()
        #expect(!excludedDirectory.files.contains { $0.relative.hasPrefix("brouillons/") })
    }

    @Test(".cooplexignore excludes names and paths below its own directory only")
    func ignoreFile() throws {
        let dir = TestPaths.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for path in ["a.txt", "reference/communes.tsv", "pub/reference/b.txt", "pub/c.tsv", "pub/brouillons/d.pdf", "pub/e.pdf"] {
            let full = dir + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "x".write(toFile: full, atomically: true, encoding: .utf8)
        }
        // At the root: a directory by path (only the root's own "reference").
        try "# données de référence\n/reference/\n".write(toFile: dir + "/.cooplexignore", atomically: true, encoding: .utf8)
        // Below: a name pattern and a path pattern, relative to pub/.
        try "*.tsv\nbrouillons/*\n".write(toFile: dir + "/pub/.cooplexignore", atomically: true, encoding: .utf8)
        let result = SourceWalker(sources: [.init(path: dir)]).walk()
        #expect(result.files.map(\.relative) == ["a.txt", "pub/e.pdf", "pub/reference/b.txt"])
    }

    @Test("A missing root is one failure record; an explicit hidden file is taken")
    func roots() throws {
        let dir = TestPaths.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "x".write(toFile: dir + "/.cache.txt", atomically: true, encoding: .utf8)
        let result = SourceWalker(sources: [.init(path: dir + "/absent"), .init(path: dir + "/./.cache.txt")]).walk()
        #expect(result.files.map(\.path) == [dir + "/.cache.txt"])
        #expect(result.failures.count == 1)
        #expect(result.failures.first?.stage == .walk)
        #expect(result.failures.first?.message.contains("introuvable") == true)
    }

    @Test("Paths are normalized so one file is always one source")
    func normalize() {
        #expect(SourceWalker.normalize("./Corpus//flux/") == "Corpus/flux")
        #expect(SourceWalker.normalize("/tmp/./x") == "/tmp/x")
        #expect(SourceWalker.normalize("./") == ".")
        #expect(SourceWalker.isUnder("Corpus/flux/a.xml", root: "Corpus/flux"))
        #expect(!SourceWalker.isUnder("Corpus/fluxbis/a.xml", root: "Corpus/flux"))
        #expect(SourceWalker.isUnder("a.xml", root: "."))
    }
}
