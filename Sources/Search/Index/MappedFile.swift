import Foundation

/// A read-only memory map of a whole file (unmapped on deinit). Opening is a couple of
/// system calls; pages load lazily, so a fresh process opens a large index in milliseconds.
final class MappedFile: @unchecked Sendable {
    let path: String
    let buffer: UnsafeRawBufferPointer

    init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw IndexError.io(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw IndexError.io(path: path, reason: String(cString: strerror(errno))) }
        let size = Int(st.st_size)
        if size == 0 {
            buffer = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let p = mmap(nil, size, PROT_READ, MAP_SHARED, fd, 0), p != MAP_FAILED else {
            throw IndexError.io(path: path, reason: String(cString: strerror(errno)))
        }
        buffer = UnsafeRawBufferPointer(start: p, count: size)
    }

    deinit {
        if let base = buffer.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: base), buffer.count)
        }
    }
}
