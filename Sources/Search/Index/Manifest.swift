import Foundation

/// The commit point: the live segments and their deletion files. Replaced atomically
/// (write a temporary file, fsync, rename over `manifest`, fsync the directory), so a reader
/// sees the previous or the next commit, never a half state.
struct Manifest: Equatable {
    struct Entry: Equatable {
        var name: String
        var docCount: Int
        /// File name of the deletion bitset, nil when nothing is deleted.
        var deletions: String?
        var deletedCount: Int
    }

    static let fileName = "manifest"
    static let header = "cooplex-index 1"

    var generation: Int = 0
    var segments: [Entry] = []

    func serialized() -> String {
        var lines = [Manifest.header, "generation \(generation)"]
        for s in segments {
            lines.append("segment \(s.name) \(s.docCount) \(s.deletions ?? "-") \(s.deletedCount)")
        }
        lines.append("end")
        return lines.joined(separator: "\n") + "\n"
    }

    static func parse(_ text: String, directory: String) throws -> Manifest {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first == Substring(header), lines.last == "end" else {
            throw IndexError.corrupt(directory: directory, reason: "manifeste invalide")
        }
        var m = Manifest()
        for line in lines.dropFirst().dropLast() {
            let f = line.split(separator: " ")
            if f.count == 2, f[0] == "generation", let g = Int(f[1]) {
                m.generation = g
            } else if f.count == 5, f[0] == "segment", let n = Int(f[2]), let d = Int(f[4]),
                f[1].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                m.segments.append(Entry(name: String(f[1]), docCount: n, deletions: f[3] == "-" ? nil : String(f[3]), deletedCount: d))
            } else {
                throw IndexError.corrupt(directory: directory, reason: "ligne de manifeste invalide « \(line) »")
            }
        }
        return m
    }

    /// The manifest of `directory`, nil when there is none (no index yet).
    static func read(directory: String) throws -> Manifest? {
        let path = directory + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw IndexError.corrupt(directory: directory, reason: "manifeste illisible")
            }
            return nil
        }
        return try parse(String(decoding: data, as: UTF8.self), directory: directory)
    }

    /// Atomically replaces the manifest of `directory` with this one.
    func publish(directory: String, beforeRename: (() throws -> Void)? = nil) throws {
        let tmp = directory + "/" + Manifest.fileName + ".tmp"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw IndexError.io(path: tmp, reason: String(cString: strerror(errno))) }
        do {
            try SegmentFormat.writeAll(fd, Array(serialized().utf8), path: tmp)
            guard fsync(fd) == 0 else { throw IndexError.io(path: tmp, reason: String(cString: strerror(errno))) }
        } catch {
            close(fd)
            throw error
        }
        close(fd)
        try beforeRename?()
        guard rename(tmp, directory + "/" + Manifest.fileName) == 0 else {
            throw IndexError.io(path: tmp, reason: String(cString: strerror(errno)))
        }
        try IndexFiles.syncDirectory(directory)
    }
}

enum IndexFiles {
    static func syncDirectory(_ directory: String) throws {
        let fd = open(directory, O_RDONLY)
        guard fd >= 0 else { throw IndexError.io(path: directory, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        _ = fsync(fd)
    }

    static func segmentPath(_ directory: String, _ name: String) -> String {
        directory + "/" + name + "." + SegmentFormat.fileExtension
    }
}

/// Deleted documents of one segment, one bit per document.
struct DeletionSet {
    private(set) var bits: [UInt64]
    private(set) var count = 0

    init(docCount: Int) { bits = [UInt64](repeating: 0, count: (docCount + 63) / 64) }

    @inline(__always) func contains(_ doc: Int32) -> Bool {
        let d = Int(doc)
        return bits[d >> 6] & (1 << UInt64(d & 63)) != 0
    }

    /// Returns true when the document was not deleted before.
    @discardableResult mutating func insert(_ doc: Int32) -> Bool {
        let d = Int(doc)
        let mask: UInt64 = 1 << UInt64(d & 63)
        if bits[d >> 6] & mask != 0 { return false }
        bits[d >> 6] |= mask
        count += 1
        return true
    }

    func write(path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw IndexError.io(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var w = ByteWriter()
        for b in bits { w.u64(b) }
        try SegmentFormat.writeAll(fd, w.bytes, path: path)
        guard fsync(fd) == 0 else { throw IndexError.io(path: path, reason: String(cString: strerror(errno))) }
    }

    static func read(path: String, docCount: Int, directory: String) throws -> DeletionSet {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IndexError.corrupt(directory: directory, reason: "fichier de suppressions manquant")
        }
        var set = DeletionSet(docCount: docCount)
        guard data.count == set.bits.count * 8 else {
            throw IndexError.corrupt(directory: directory, reason: "fichier de suppressions invalide")
        }
        data.withUnsafeBytes { buf in
            for i in 0..<set.bits.count {
                set.bits[i] = UInt64(littleEndian: buf.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
            }
        }
        set.count = set.bits.reduce(0) { $0 + $1.nonzeroBitCount }
        return set
    }
}
