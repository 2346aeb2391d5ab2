import Entities
import Extraction
import Foundation

/// The run's own outputs: the entities of the documents it processed (JSON Lines, as
/// `cooplex entities --json`, written in commit order) and its failure records (JSON Lines,
/// written at the end). Both are replaced at each run; a dry run writes neither.
final class OutputFiles {
    private let entitiesPath: String?
    private let failuresPath: String?
    private var entitiesHandle: FileHandle?
    private var buffer: [UInt8] = []

    init(outputs: PipelineSpec.Outputs, dryRun: Bool) throws {
        entitiesPath = dryRun ? nil : outputs.entities
        failuresPath = dryRun ? nil : outputs.failures
        if let path = entitiesPath {
            entitiesHandle = try Self.create(path)
        }
    }

    deinit { try? entitiesHandle?.close() }

    /// Whether the run writes an entities file.
    var writesEntities: Bool { entitiesHandle != nil }

    func writeEntities(_ documents: [Document], _ entities: [[Entity]]) throws {
        guard entitiesHandle != nil else { return }
        for (document, list) in zip(documents, entities) where !list.isEmpty {
            let offsets = CodePointOffsets(document.text)
            for entity in list {
                entity.jsonObject(document: document, offsets: offsets).write(into: &buffer)
                buffer.append(0x0A)
            }
        }
        if buffer.count >= 1 << 16 { try flush() }
    }

    func finish(failures: [FailureRecord]) throws {
        try flush()
        try entitiesHandle?.close()
        entitiesHandle = nil
        if let path = failuresPath {
            var out: [UInt8] = []
            for failure in failures {
                failure.jsonObject().write(into: &out)
                out.append(0x0A)
            }
            try Self.ensureParent(path)
            do {
                try Data(out).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw IngestError.output(path: path, reason: ReportWriter.reason(error))
            }
        }
    }

    private func flush() throws {
        guard let handle = entitiesHandle, !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw IngestError.output(path: entitiesPath ?? "", reason: ReportWriter.reason(error))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func create(_ path: String) throws -> FileHandle {
        try ensureParent(path)
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw IngestError.output(path: path, reason: "création impossible")
        }
        return handle
    }

    private static func ensureParent(_ path: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw IngestError.output(path: parent, reason: ReportWriter.reason(error))
        }
    }
}
