/// What happened to one file, in commit order.
public struct FileEvent: Sendable {
    public enum Outcome: Sendable, Equatable {
        case added(documents: Int)
        case updated(documents: Int)
        case unchanged
        case failed(FailureRecord)
        /// Dry run: what would be done.
        case planned(IngestSummary.PlannedAction.Kind)
    }

    public var path: String
    public var bytes: Int
    public var outcome: Outcome
    /// Files done so far (this one included) and in all.
    public var done: Int
    public var total: Int

    public init(path: String, bytes: Int, outcome: Outcome, done: Int, total: Int) {
        self.path = path
        self.bytes = bytes
        self.outcome = outcome
        self.done = done
        self.total = total
    }
}

/// Receives a run's events on the task that commits (never concurrently).
public protocol ProgressReporter: AnyObject {
    func started(files: Int, bytes: Int)
    func fileFinished(_ event: FileEvent)
    /// A commit point was published: everything reported so far is durable.
    func committed(files: Int)
    func deleted(source: String)
    func ended()
}

/// Reports nothing (library use, `--json`).
public final class SilentProgress: ProgressReporter {
    public init() {}
    public func started(files: Int, bytes: Int) {}
    public func fileFinished(_ event: FileEvent) {}
    public func committed(files: Int) {}
    public func deleted(source: String) {}
    public func ended() {}
}
