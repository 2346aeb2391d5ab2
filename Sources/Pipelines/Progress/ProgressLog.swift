import Foundation

/// Plain log lines for a pipe or a cron job: one line per file added, updated or failed,
/// one line per commit and a count every few percent, never cursor control.
public final class ProgressLog: ProgressReporter {
    private let write: (String) -> Void
    private var total = 0
    private var nextMilestone = 0
    private let start = Date()

    /// `write` receives one line without its newline; by default standard error.
    public init(write: @escaping (String) -> Void = ProgressLog.standardError) {
        self.write = write
    }

    public static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    public func started(files: Int, bytes: Int) {
        total = files
        nextMilestone = Self.step(files)
        write("\(stamp()) \(files) fichier\(files > 1 ? "s" : "") à examiner (\(IngestSummary.decimal(Double(bytes) / 1_048_576)) Mo)")
    }

    public func fileFinished(_ event: FileEvent) {
        let counter = "[\(event.done)/\(event.total)]"
        switch event.outcome {
        case .added(let n): write("\(stamp()) \(counter) ajouté \(event.path) (\(n) document\(n > 1 ? "s" : ""))")
        case .updated(let n): write("\(stamp()) \(counter) mis à jour \(event.path) (\(n) document\(n > 1 ? "s" : ""))")
        case .failed(let r): write("\(stamp()) \(counter) échec \(r.path) [\(r.stage.rawValue)] : \(r.message)")
        case .unchanged, .planned:
            if event.done >= nextMilestone {
                write("\(stamp()) \(counter) fichiers examinés")
            }
        }
        while nextMilestone <= event.done { nextMilestone += Self.step(total) }
    }

    /// Unchanged files show as a count every tenth of the run, and never more often than
    /// every 50 files.
    static func step(_ total: Int) -> Int { max(50, total / 10) }

    public func committed(files: Int) {
        write("\(stamp()) enregistré dans l’index (\(files) fichier\(files > 1 ? "s" : "") traités)")
    }

    public func deleted(source: String) {
        write("\(stamp()) supprimé \(source) (source disparue)")
    }

    public func ended() {}

    private func stamp() -> String {
        let s = Date().timeIntervalSince(start)
        return String(format: "[%7.1fs]", s)
    }
}
