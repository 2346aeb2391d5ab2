import Synchronization

/// Asks a running ingestion to stop scheduling files: the files in flight are finished,
/// committed in order, and the run returns with `interrupted` set. Thread-safe; the CLI
/// raises it from its SIGINT/SIGTERM handler.
public final class StopSignal: Sendable {
    private let requested = Atomic<Bool>(false)

    public init() {}

    public func request() { requested.store(true, ordering: .releasing) }

    public var isRequested: Bool { requested.load(ordering: .acquiring) }
}
