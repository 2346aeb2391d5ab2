import Compliance
import Foundation

/// Writes the compliance reports of one source file under the reports directory, mirroring
/// the file's path below its root: `conventions/a/b.pdf` → `rapports/a/b.json` and
/// `rapports/a/b.txt` (`b-2.json`… for the further documents of a multi-document file).
/// Each file is written atomically, so a killed run never leaves half a report.
struct ReportWriter {
    var directory: String

    /// Whether the first report of `file` is there (both forms).
    func exists(for file: WalkedFile) -> Bool {
        let base = directory + "/" + (file.relative as NSString).deletingPathExtension
        return FileManager.default.fileExists(atPath: base + ".json") && FileManager.default.fileExists(atPath: base + ".txt")
    }

    func write(_ reports: [ComplianceReport], for file: WalkedFile) throws {
        let stem = (file.relative as NSString).deletingPathExtension
        for (i, report) in reports.enumerated() {
            let base = directory + "/" + stem + (i == 0 ? "" : "-\(i + 1)")
            let parent = (base as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
                try Data((report.jsonObject().serialized() + "\n").utf8).write(
                    to: URL(fileURLWithPath: base + ".json"), options: .atomic)
                let text = report.renderText()
                try Data((text.hasSuffix("\n") ? text : text + "\n").utf8).write(
                    to: URL(fileURLWithPath: base + ".txt"), options: .atomic)
            } catch {
                throw IngestError.output(path: base + ".json", reason: "rapport non écrit : \(Self.reason(error))")
            }
        }
    }

    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}
