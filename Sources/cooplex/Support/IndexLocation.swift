import ArgumentParser
import Foundation

/// `--index DIR`, else `$COOPLEX_INDEX`, else `.cooplex/` in the current directory.
struct IndexOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Répertoire de l’index (défaut : $COOPLEX_INDEX, sinon .cooplex/).", valueName: "DIR"))
    var index: String?

    var resolved: String {
        if let index { return index }
        if let env = ProcessInfo.processInfo.environment["COOPLEX_INDEX"], !env.isEmpty { return env }
        return ".cooplex"
    }
}
