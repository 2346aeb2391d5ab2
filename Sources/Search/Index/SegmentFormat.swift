import Foundation

/// One segment is one immutable file `<name>.seg`:
///   "CPXSEG02", then the sections, then the footer:
///   sectionCount × (u64 offset, u64 length), u32 docCount, u64 bodyLengthSum,
///   u64 titleLengthSum, u32 sectionCount, "CPXEND01".
/// Version 03 stores each record as a head (what a hit shows), the text, then the other
/// fields (see `RecordLayout`), so that a hit decodes its head and only the text its
/// snippet shows; version 02, still read, kept the text among the fields; both store each document compressed on its own against a
/// dictionary (see `StoredFields`). Version 01 stored LZ blocks of 16 KiB.
enum SegmentFormat {
    static let headerMagic = Array("CPXSEG03".utf8)
    /// Older versions still read, with the layout of their records.
    static let readableHeaderMagics: [(magic: [UInt8], layout: RecordLayout)] = [(Array("CPXSEG02".utf8), .textInline)]
    /// Magic numbers of older versions, recognized to tell the user to re-index.
    static let olderHeaderMagics = [Array("CPXSEG01".utf8)]
    static let footerMagic = Array("CPXEND01".utf8)
    static let fileExtension = "seg"

    enum Section: Int, CaseIterable {
        case terms = 0, postings, positions, norms, stored, storedIndex, facetValues, facetForward, sources
        case storedDictionary
    }

    struct Stats {
        var docCount: Int
        var bodyLengthSum: UInt64
        var titleLengthSum: UInt64
    }

    /// Writes the segment file and fsyncs it. Throws `IndexError.io`.
    static func write(path: String, sections: [[UInt8]], stats: Stats) throws {
        precondition(sections.count == Section.allCases.count)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw IndexError.io(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var footer = ByteWriter()
        var offset = UInt64(headerMagic.count)
        try writeAll(fd, headerMagic, path: path)
        for s in sections {
            try writeAll(fd, s, path: path)
            footer.u64(offset)
            footer.u64(UInt64(s.count))
            offset += UInt64(s.count)
        }
        footer.u32(UInt32(stats.docCount))
        footer.u64(stats.bodyLengthSum)
        footer.u64(stats.titleLengthSum)
        footer.u32(UInt32(sections.count))
        footer.raw(footerMagic)
        try writeAll(fd, footer.bytes, path: path)
        guard fsync(fd) == 0 else { throw IndexError.io(path: path, reason: String(cString: strerror(errno))) }
    }

    static let footerSize = Section.allCases.count * 16 + 4 + 8 + 8 + 4 + 8

    /// Writes a segment file section by section through a small buffer, in any physical
    /// order (the footer says where each section is), so that a builder's postings reach
    /// the disk without first being copied whole into memory. `finish` writes the footer
    /// and fsyncs; every error is an `IndexError.io`.
    final class FileWriter {
        private let path: String
        private let fd: Int32
        private var buffer: [UInt8] = []
        private static let bufferSize = 1 << 20
        private var written = 0
        private var sections = [(offset: UInt64, length: UInt64)](repeating: (0, 0), count: Section.allCases.count)
        private var current: (section: Section, start: Int)?
        private var closed = false

        init(path: String) throws {
            self.path = path
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { throw IndexError.io(path: path, reason: String(cString: strerror(errno))) }
            buffer.reserveCapacity(Self.bufferSize)
            try append(headerMagic)
        }

        deinit { if !closed { Foundation.close(fd) } }

        /// Bytes handed over so far (the offset of the next one in the file).
        var position: Int { written + buffer.count }

        func append(_ bytes: [UInt8]) throws {
            try bytes.withUnsafeBytes { try append($0) }
        }

        func append(_ bytes: UnsafeRawBufferPointer) throws {
            if buffer.count + bytes.count > Self.bufferSize { try flush() }
            if bytes.count >= Self.bufferSize {
                try writeAll(fd, bytes, path: path)
                written += bytes.count
            } else {
                buffer.append(contentsOf: bytes)
            }
        }

        func begin(_ section: Section) {
            precondition(current == nil)
            current = (section, position)
        }

        func end(_ section: Section) {
            guard let c = current, c.section == section else { preconditionFailure("section \(section) not open") }
            sections[section.rawValue] = (UInt64(c.start), UInt64(position - c.start))
            current = nil
        }

        /// A whole section in one call.
        func section(_ section: Section, _ bytes: [UInt8]) throws {
            begin(section)
            try append(bytes)
            end(section)
        }

        func finish(_ stats: Stats) throws {
            var footer = ByteWriter()
            for s in sections {
                footer.u64(s.offset)
                footer.u64(s.length)
            }
            footer.u32(UInt32(stats.docCount))
            footer.u64(stats.bodyLengthSum)
            footer.u64(stats.titleLengthSum)
            footer.u32(UInt32(sections.count))
            footer.raw(footerMagic)
            try append(footer.bytes)
            try flush()
            closed = true
            defer { Foundation.close(fd) }
            guard fsync(fd) == 0 else { throw IndexError.io(path: path, reason: String(cString: strerror(errno))) }
        }

        private func flush() throws {
            guard !buffer.isEmpty else { return }
            try buffer.withUnsafeBytes { try writeAll(fd, $0, path: path) }
            written += buffer.count
            buffer.removeAll(keepingCapacity: true)
        }
    }

    static func writeAll(_ fd: Int32, _ buf: UnsafeRawBufferPointer, path: String) throws {
        var done = 0
        while done < buf.count {
            let n = Foundation.write(fd, buf.baseAddress! + done, buf.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw IndexError.io(path: path, reason: String(cString: strerror(errno)))
            }
            done += n
        }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        try bytes.withUnsafeBytes { buf in
            var done = 0
            while done < buf.count {
                let n = Foundation.write(fd, buf.baseAddress! + done, buf.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw IndexError.io(path: path, reason: String(cString: strerror(errno)))
                }
                done += n
            }
        }
    }
}
