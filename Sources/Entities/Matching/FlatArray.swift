/// A read-only view of `count` values of `T` in memory owned by someone else (the
/// reference image buffer): one pointer and a count, no reference counting, no copy.
/// Indices are not checked in release builds: the image is validated at load so that
/// every index stored in it is in range (see `ReferenceImage.validate`).
struct FlatArray<T: BitwiseCopyable>: @unchecked Sendable {
    let base: UnsafePointer<T>
    let count: Int

    init(_ base: UnsafePointer<T>, count: Int) {
        self.base = base
        self.count = count
    }

    @inline(__always)
    subscript(i: Int) -> T {
        assert(i >= 0 && i < count, "FlatArray index out of range")
        return base[i]
    }

    var buffer: UnsafeBufferPointer<T> { UnsafeBufferPointer(start: base, count: count) }
}
