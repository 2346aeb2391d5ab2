#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Read-only bytes that the reference image's flat arrays point into: a file mapped into
/// memory (`map`, the committed image: no copy, pages shared with the page cache) or an
/// owned 16-byte aligned copy (`init(_:)`, an image compiled at load). Freed with the last
/// reference.
///
/// A mapped file must not be overwritten in place while it is mapped (the pages would
/// vanish): `cooplex reference compile` replaces the image atomically (new file, then
/// rename), as git does on checkout.
final class RawBuffer: @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int
    private let mapped: Bool

    init(_ array: [UInt8]) {
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(array.count, 1), alignment: 16)
        array.withUnsafeBytes { if let src = $0.baseAddress { p.copyMemory(from: src, byteCount: $0.count) } }
        base = UnsafeRawPointer(p)
        count = array.count
        mapped = false
    }

    private init(mapping: UnsafeRawPointer, count: Int) {
        base = mapping
        self.count = count
        mapped = true
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: base), count)
        } else {
            UnsafeMutableRawPointer(mutating: base).deallocate()
        }
    }

    var view: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Size of the regular file at `path` (nil when there is none).
    static func fileSize(_ path: String) -> Int? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(st.st_size)
    }

    /// Maps the file at `path` read-only, all pages at once. Nil when it cannot be opened
    /// or mapped; an empty file gives an empty buffer.
    static func map(_ path: String) -> RawBuffer? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(st.st_size)
        if size == 0 { return RawBuffer([]) }
        #if canImport(Glibc)
            let flags = MAP_PRIVATE | MAP_POPULATE
        #else
            let flags = MAP_PRIVATE
        #endif
        guard let p = mmap(nil, size, PROT_READ, flags, fd, 0), p != MAP_FAILED else { return nil }
        return RawBuffer(mapping: UnsafeRawPointer(p), count: size)
    }

    /// Calls `body` with successive chunks of the file at `path` (every chunk but the last
    /// a multiple of `granule` bytes), reusing one small buffer. False when the file cannot
    /// be read.
    static func stream(_ path: String, granule: Int, _ body: (UnsafeRawBufferPointer, _ last: Bool) -> Void) -> Bool {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let capacity = 1 << 18
        precondition(capacity % granule == 0)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            var filled = 0
            while filled < capacity {
                let n = systemRead(fd, buffer + filled, capacity - filled)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { return false }
                if n == 0 { break }
                filled += n
            }
            if filled == capacity {
                body(UnsafeRawBufferPointer(start: buffer, count: filled), false)
            } else {
                body(UnsafeRawBufferPointer(start: buffer, count: filled), true)
                return true
            }
        }
    }

    /// The whole file at `path` as bytes; nil when it cannot be read.
    static func readAll(_ path: String) -> [UInt8]? {
        var out: [UInt8] = []
        if let size = fileSize(path) { out.reserveCapacity(size) }
        let ok = stream(path, granule: 1) { chunk, _ in out.append(contentsOf: chunk) }
        return ok ? out : nil
    }

    private static func systemRead(_ fd: Int32, _ to: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            return Glibc.read(fd, to, count)
        #else
            return Darwin.read(fd, to, count)
        #endif
    }
}
