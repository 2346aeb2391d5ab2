import Foundation

/// The writer lock: `write.lock` in the index directory held with `flock` (released by the
/// kernel if the process dies, so a `kill -9` never leaves a stale lock); the file records
/// the holder's pid for people.
final class WriterLock {
    static let fileName = "write.lock"
    private var fd: Int32

    init(directory: String) throws {
        let path = directory + "/" + WriterLock.fileName
        fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw IndexError.io(path: path, reason: String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            fd = -1
            throw IndexError.locked(directory: directory)
        }
        _ = ftruncate(fd, 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
