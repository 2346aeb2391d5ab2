import Extraction
import Foundation

/// What a run did, for people (`renderText`) and for cron jobs and dashboards (`jsonObject`).
public struct IngestSummary: Sendable, Equatable {
    /// In a dry run: what would be done to one file.
    public struct PlannedAction: Sendable, Equatable {
        public enum Kind: String, Sendable { case add = "ajouter", update = "mettre-a-jour", delete = "supprimer" }
        public var kind: Kind
        public var path: String

        public init(kind: Kind, path: String) {
            self.kind = kind
            self.path = path
        }
    }

    public var pipeline: String?
    public var index: String?
    /// Files found by the walk.
    public var files = 0
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var failed = 0
    /// Sources removed from the index by `--elaguer`.
    public var deleted = 0
    /// Documents indexed by this run (a feed gives several per file).
    public var documents = 0
    /// Bytes read (hashing included).
    public var bytes = 0
    public var duration: Double = 0
    public var interrupted = false
    public var dryRun = false
    public var failures: [FailureRecord] = []
    public var planned: [PlannedAction] = []

    public init(pipeline: String? = nil, index: String? = nil) {
        self.pipeline = pipeline
        self.index = index
    }

    /// Nothing added, updated, deleted or failed.
    public var didNothing: Bool { added == 0 && updated == 0 && deleted == 0 && failed == 0 }

    /// 0 when every file went through; 1 when any failed (as `cooplex extract`).
    public var exitCode: Int32 { failed > 0 ? 1 : 0 }

    public func jsonObject() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("pipeline", .optional(pipeline)),
            ("index", .optional(index)),
            ("files", .int(files)),
            ("added", .int(added)),
            ("updated", .int(updated)),
            ("unchanged", .int(unchanged)),
            ("failed", .int(failed)),
            ("deleted", .int(deleted)),
            ("documents", .int(documents)),
            ("bytes", .int(bytes)),
            ("duration_s", .double((duration * 1000).rounded() / 1000)),
            ("interrupted", .bool(interrupted)),
            ("dry_run", .bool(dryRun)),
            ("failures", .array(failures.map { $0.jsonObject() })),
        ]
        if dryRun {
            members.append(
                ("planned", .array(planned.map { .object([("action", .string($0.kind.rawValue)), ("path", .string($0.path))]) })))
        }
        return .object(members)
    }

    /// The French summary printed at the end of a run.
    public func renderText() -> String {
        var lines: [String] = []
        let title = pipeline.map { "Pipeline « \($0) »" } ?? "Ingestion"
        let time = Self.formatDuration(duration)
        if dryRun {
            lines.append("\(title) — simulation (rien n’a été écrit), \(files) fichier\(Self.plural(files)) examiné\(Self.plural(files)) en \(time)")
            for action in planned { lines.append("  \(Self.label(action.kind)) \(action.path)") }
            lines.append("  à ajouter : \(added), à mettre à jour : \(updated), inchangés : \(unchanged), à supprimer : \(deleted), en échec : \(failed)")
        } else if interrupted {
            lines.append("\(title) — interrompu après \(time) ; l’index est à son dernier enregistrement, relancez pour reprendre")
        } else if didNothing {
            lines.append("\(title) — rien à faire : \(unchanged) fichier\(Self.plural(unchanged)) inchangé\(Self.plural(unchanged)) (\(time))")
            return lines.joined(separator: "\n")
        } else {
            lines.append("\(title) — terminé en \(time)")
        }
        if !dryRun {
            lines.append("  ajoutés     : \(added) fichier\(Self.plural(added)) (\(documents) document\(Self.plural(documents)) indexé\(Self.plural(documents)))")
            lines.append("  mis à jour  : \(updated)")
            lines.append("  inchangés   : \(unchanged)")
            lines.append("  en échec    : \(failed)")
            if deleted > 0 { lines.append("  supprimés   : \(deleted) (sources disparues)") }
            if bytes > 0 && duration > 0 {
                let mb = Double(bytes) / 1_048_576
                lines.append(
                    "  débit       : \(Self.decimal(Double(added + updated + unchanged + failed) / duration)) fichiers/s, \(Self.decimal(mb / duration)) Mo/s")
            }
        }
        if !failures.isEmpty {
            lines.append("Échecs :")
            for f in failures { lines.append("  \(f.path) [\(f.stage.rawValue)] : \(f.message)") }
        }
        return lines.joined(separator: "\n")
    }

    static func label(_ kind: PlannedAction.Kind) -> String {
        switch kind {
        case .add: return "ajouter        "
        case .update: return "mettre à jour  "
        case .delete: return "supprimer      "
        }
    }

    static func plural(_ n: Int) -> String { n > 1 ? "s" : "" }

    /// French decimal comma, one decimal below 100.
    static func decimal(_ x: Double) -> String {
        let s = x >= 100 ? String(Int(x.rounded())) : String(format: x < 1 ? "%.2f" : "%.1f", x)
        return s.replacingOccurrences(of: ".", with: ",")
    }

    static func formatDuration(_ seconds: Double) -> String {
        if seconds < 60 { return String(format: "%.1f s", seconds).replacingOccurrences(of: ".", with: ",") }
        let s = Int(seconds.rounded())
        if s < 3600 { return "\(s / 60) min \(s % 60) s" }
        return "\(s / 3600) h \(s % 3600 / 60) min"
    }
}
