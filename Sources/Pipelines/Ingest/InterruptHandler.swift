import Dispatch
import Foundation

/// Turns SIGINT (Ctrl-C) and SIGTERM (`kill`) into a graceful stop: the first signal raises
/// the `StopSignal` (the files in flight are finished and committed, then the run ends);
/// a second one exits at once, which still leaves the index at its last commit.
public final class InterruptHandler: @unchecked Sendable {
    public let stop = StopSignal()
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var received: Int32 = 0

    /// The signal that asked to stop (nil if none): the CLI exits with 128 + it.
    public var signal: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return received == 0 ? nil : received
    }

    /// Installs the handlers; `notice` is told once, on the first signal.
    public init(notice: @escaping @Sendable (String) -> Void) {
        for sig in [SIGINT, SIGTERM] {
            Foundation.signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.lock()
                let first = self.received == 0
                if first { self.received = sig }
                self.lock.unlock()
                if first {
                    notice("interruption demandée : fin des fichiers en cours, enregistrement, puis arrêt (recommencez pour arrêter tout de suite)")
                    self.stop.request()
                } else {
                    _exit(128 + sig)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Restores the default behaviour of both signals.
    public func uninstall() {
        for source in sources { source.cancel() }
        sources.removeAll()
        Foundation.signal(SIGINT, SIG_DFL)
        Foundation.signal(SIGTERM, SIG_DFL)
    }
}

/// Runs async work to completion from synchronous code (the CLI's `run()`), on the
/// concurrency pool, blocking the calling thread.
public func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    return try box.result!.get()
}

private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
