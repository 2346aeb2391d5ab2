import Foundation

/// Buffered writing to standard output and standard error (one syscall per batch, not per line).
enum Output {
    nonisolated(unsafe) private static var buffer: [UInt8] = []

    static func line(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    static func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBufferPointer { ptr in
            var offset = 0
            while offset < ptr.count {
                let n = write(1, ptr.baseAddress! + offset, ptr.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// One line on standard error (flushes standard output first to keep the order).
    static func error(_ s: String) {
        flush()
        FileHandle.standardError.write(Data(("cooplex : " + s + "\n").utf8))
    }

    /// True when standard output is a terminal and NO_COLOR is not set.
    static var useColor: Bool {
        isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
