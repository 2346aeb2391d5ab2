import Foundation

/// The cores this process may run on: `ProcessInfo.activeProcessorCount`, lowered to the
/// CPU affinity mask (`taskset`, a container's cpuset), which Foundation does not read on
/// Linux. At least 1.
public enum AvailableCores {
    public static let count: Int = {
        let active = max(1, ProcessInfo.processInfo.activeProcessorCount)
        #if os(Linux)
        if let allowed = affinityCount(), allowed > 0 { return min(active, allowed) }
        #endif
        return active
    }()

    #if os(Linux)
    /// Bits set in the affinity mask. glibc declares `sched_getaffinity` only under
    /// `_GNU_SOURCE`, which Swift's Glibc module does not define: it is looked up instead.
    private static func affinityCount() -> Int? {
        typealias GetAffinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer?) -> Int32
        guard let symbol = dlsym(nil, "sched_getaffinity") else { return nil }
        let getAffinity = unsafeBitCast(symbol, to: GetAffinity.self)
        var mask = [UInt64](repeating: 0, count: 16)  // 1,024 CPUs, glibc's cpu_set_t
        let status = mask.withUnsafeMutableBytes { getAffinity(0, $0.count, $0.baseAddress) }
        guard status == 0 else { return nil }
        return mask.reduce(0) { $0 + $1.nonzeroBitCount }
    }
    #endif
}
