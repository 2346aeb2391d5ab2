import Foundation
import ZIPFoundation

/// A ZIP archive read in memory with size caps: an entry is refused when its declared or
/// actual uncompressed size exceeds `maximumEntrySize`, or when its compression ratio is
/// absurd (a zip bomb). Entry names are only ever compared with the names we look for —
/// never used as file-system paths — and suspicious names (absolute, `..`) are reported.
struct SafeArchive {
    static let maximumEntrySize = 64 * 1024 * 1024
    /// Text-heavy XML compresses 10–30×; beyond this ratio on a large entry, refuse.
    static let maximumRatio = 200
    static let ratioCheckThreshold = 1024 * 1024

    let archive: Archive
    let path: String

    init(data: Data, path: String) throws {
        self.path = path
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ExtractionError.damaged(path: path, reason: "archive ZIP illisible")
        }
    }

    /// Names of entries that would escape a folder if they were ever used as paths.
    var suspiciousEntryNames: [String] {
        archive.compactMap { entry in
            let name = entry.path
            let parts = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
            return name.hasPrefix("/") || name.hasPrefix("\\") || parts.contains("..") || name.contains(":")
                ? name : nil
        }
    }

    /// The bytes of entry `name`, or nil when the archive has no such file.
    func read(_ name: String) throws -> Data? {
        guard let entry = archive[name], entry.type == .file else { return nil }
        let declared = entry.uncompressedSize
        let compressed = entry.compressedSize
        if declared > UInt64(SafeArchive.maximumEntrySize) {
            throw ExtractionError.archiveTooLarge(
                path: path,
                reason: "« \(name) » ferait \(declared / 1_048_576) Mio décompressé, limite \(SafeArchive.maximumEntrySize / 1_048_576) Mio")
        }
        if declared > UInt64(SafeArchive.ratioCheckThreshold), compressed > 0,
            declared / compressed > UInt64(SafeArchive.maximumRatio)
        {
            throw ExtractionError.archiveTooLarge(
                path: path, reason: "« \(name) » compressé \(declared / compressed) fois : bombe ZIP probable")
        }
        var out = Data()
        out.reserveCapacity(Int(min(declared, UInt64(SafeArchive.maximumEntrySize))))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // Declared sizes can lie: count what really comes out.
                if out.count + chunk.count > SafeArchive.maximumEntrySize {
                    throw SizeExceeded()
                }
                out.append(chunk)
            }
        } catch is SizeExceeded {
            throw ExtractionError.archiveTooLarge(
                path: path,
                reason: "« \(name) » dépasse \(SafeArchive.maximumEntrySize / 1_048_576) Mio une fois décompressé")
        } catch {
            throw ExtractionError.damaged(path: path, reason: "entrée « \(name) » illisible dans l’archive")
        }
        return out
    }

    private struct SizeExceeded: Error {}
}
