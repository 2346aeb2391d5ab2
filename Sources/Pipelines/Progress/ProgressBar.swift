import Foundation

/// A one-line progress bar redrawn in place on a terminal: files done/total, rate, ETA.
/// Failures are printed above the bar as they happen.
public final class ProgressBar: ProgressReporter {
    private let write: (String) -> Void
    private let width: Int
    private var total = 0
    private var totalBytes = 0
    private var bytesDone = 0
    private var start = Date()
    private var lastDraw = Date.distantPast
    private var lastDone = 0

    /// `write` receives raw text (no newline added); by default standard error.
    public init(width: Int = 28, write: @escaping (String) -> Void = ProgressBar.standardError) {
        self.width = width
        self.write = write
    }

    public static func standardError(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
    }

    public func started(files: Int, bytes: Int) {
        total = files
        totalBytes = bytes
        start = Date()
        draw(done: 0, force: true)
    }

    public func fileFinished(_ event: FileEvent) {
        bytesDone += event.bytes
        lastDone = event.done
        if case .failed(let record) = event.outcome {
            write("\r\u{1B}[2K" + "échec : \(record.path) [\(record.stage.rawValue)] : \(record.message)\n")
            draw(done: event.done, force: true)
        } else {
            draw(done: event.done, force: event.done == total)
        }
    }

    public func committed(files: Int) {}

    public func deleted(source: String) {
        write("\r\u{1B}[2K" + "supprimé : \(source)\n")
    }

    public func ended() {
        draw(done: lastDone, force: true)
        write("\n")
    }

    private func draw(done: Int, force: Bool) {
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let elapsed = now.timeIntervalSince(start)
        var line = "\r\u{1B}[2K\(bar) \(done)/\(total) fichiers"
        if elapsed > 0.5 && done > 0 {
            line += " · \(IngestSummary.decimal(Double(done) / elapsed)) fichiers/s"
            line += " · \(IngestSummary.decimal(Double(bytesDone) / 1_048_576 / elapsed)) Mo/s"
            if done < total, bytesDone > 0 {
                // Files differ in size: estimate from the bytes left.
                let remaining = Double(totalBytes - bytesDone) / (Double(bytesDone) / elapsed)
                line += " · reste ≈ \(IngestSummary.formatDuration(max(0, remaining)))"
            }
        }
        write(line)
    }
}
