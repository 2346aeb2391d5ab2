import Foundation

/// Finds the reference data directory: `$COOPLEX_REFERENCE`, else `Corpus/reference`
/// found by walking up from the executable and from the current directory.
public enum ReferenceDirectory {
    public static let marker = "communes.tsv"

    public static func locate(explicit: String? = nil) throws -> String {
        let fm = FileManager.default
        if let explicit {
            guard fm.fileExists(atPath: explicit + "/" + marker) else {
                throw ReferenceError.missing(explicit)
            }
            return explicit
        }
        if let env = ProcessInfo.processInfo.environment["COOPLEX_REFERENCE"], !env.isEmpty {
            guard fm.fileExists(atPath: env + "/" + marker) else { throw ReferenceError.missing(env) }
            return env
        }
        var starts: [URL] = []
        if let exe = Bundle.main.executablePath { starts.append(URL(fileURLWithPath: exe).resolvingSymlinksInPath()) }
        if let arg0 = CommandLine.arguments.first, arg0.contains("/") {
            starts.append(URL(fileURLWithPath: arg0, relativeTo: URL(fileURLWithPath: fm.currentDirectoryPath)).resolvingSymlinksInPath())
        }
        starts.append(URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("."))
        for start in starts {
            var dir = start.deletingLastPathComponent()
            for _ in 0..<12 {
                let candidate = dir.appendingPathComponent("Corpus/reference")
                if fm.fileExists(atPath: candidate.appendingPathComponent(marker).path) { return candidate.path }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        throw ReferenceError.notFound
    }
}

public enum ReferenceError: Error, CustomStringConvertible, Sendable {
    case notFound
    case missing(String)
    case unreadable(String, String)
    case unwritable(String, String)

    public var description: String {
        switch self {
        case .notFound:
            return "données de référence introuvables : ni $COOPLEX_REFERENCE ni un dossier Corpus/reference au-dessus de l’exécutable ou du dossier courant (lancez scripts/reference/generate.py ou définissez COOPLEX_REFERENCE)"
        case .missing(let path):
            return "données de référence introuvables dans « \(path) » (fichier \(ReferenceDirectory.marker) absent)"
        case .unreadable(let path, let why):
            return "fichier de référence illisible « \(path) » : \(why)"
        case .unwritable(let path, let why):
            return "impossible d’écrire « \(path) » : \(why)"
        }
    }
}
