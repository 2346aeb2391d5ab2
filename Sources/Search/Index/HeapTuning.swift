import Foundation

/// glibc raises its mmap threshold each time a large block is freed, so after the first
/// segment flush the next builders' big buffers come from the heap instead of their own
/// mappings, and what they free stays in the process: peak memory would grow with the
/// corpus instead of staying under the budget. Fixing the threshold (at glibc's default,
/// 128 KiB) gives every large buffer back to the system when it is freed. Looked up with
/// `dlsym` because Swift's Glibc module does not export `mallopt`; elsewhere a no-op.
enum HeapTuning {
    private static let applied: Bool = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
        return mallopt(mmapThreshold, 128 * 1024) == 1
    }()

    /// Applies the setting once per process.
    static func keepLargeBuffersMapped() { _ = applied }
}
