import Foundation

/// Runs independent jobs on a few threads and hands their results back in job order.
///
/// `run(count:width:work:consume:)` calls `work(i)` for every i in `0..<count` on up to
/// `width` threads, and `consume(i, result)` on the calling thread, in increasing i, as soon
/// as result i (and every result before it) is ready. At most `2 × width` results wait to be
/// consumed, so a slow first job does not let the others fill memory. With `width` 1 (or a
/// single job) everything runs on the calling thread.
enum OrderedWork {
    static func run<Result: Sendable>(
        count: Int, width: Int, work: @escaping @Sendable (Int) -> Result, consume: (Int, Result) -> Void
    ) {
        let width = max(1, min(width, count))
        if width == 1 {
            for i in 0..<count { consume(i, work(i)) }
            return
        }
        let state = State<Result>(count: count, window: 2 * width)
        var threads: [Thread] = []
        for _ in 0..<width {
            let thread = Thread {
                while let i = state.nextJob() {
                    state.finish(i, work(i))
                }
                state.workerExited()
            }
            // Parsers recurse on hostile input: give workers the main thread's usual stack.
            thread.stackSize = 8 << 20
            thread.start()
            threads.append(thread)
        }
        for i in 0..<count {
            consume(i, state.take(i))
        }
        state.waitForWorkers(width)
    }

    /// Jobs handed out, results waiting, under one condition variable.
    private final class State<Result: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private var results: [Result?]
        private var next = 0
        private var consumed = 0
        private var exited = 0
        private let window: Int

        init(count: Int, window: Int) {
            results = [Result?](repeating: nil, count: count)
            self.window = window
        }

        /// The next job to run, waiting while too many results are unconsumed; nil when all
        /// jobs are handed out.
        func nextJob() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while next < results.count && next - consumed >= window { condition.wait() }
            guard next < results.count else { return nil }
            next += 1
            return next - 1
        }

        func finish(_ i: Int, _ result: Result) {
            condition.lock()
            results[i] = result
            condition.broadcast()
            condition.unlock()
        }

        /// Waits for result i and removes it.
        func take(_ i: Int) -> Result {
            condition.lock()
            defer { condition.unlock() }
            while results[i] == nil { condition.wait() }
            let result = results[i]!
            results[i] = nil
            consumed = i + 1
            condition.broadcast()
            return result
        }

        func workerExited() {
            condition.lock()
            exited += 1
            condition.broadcast()
            condition.unlock()
        }

        func waitForWorkers(_ count: Int) {
            condition.lock()
            while exited < count { condition.wait() }
            condition.unlock()
        }
    }
}
