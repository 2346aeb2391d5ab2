/// Length and checksum of the gazetteer's TSV files (`Gazetteer.files`), as stored in the
/// header of the image compiled from them: `ReferenceHash` of each file name then of each
/// file's contents, in order. Computed at every load by streaming the files through one
/// small buffer (nothing of them is kept: the image has everything).
struct ReferenceDigest: Equatable {
    var count: Int
    var checksum: UInt64

    init(directory: String) throws {
        var h = ReferenceHash()
        var count = 0
        for file in Gazetteer.files {
            let path = directory + "/" + file
            h.combine(Array(file.utf8))
            let ok = RawBuffer.stream(path, granule: ReferenceHash.block) { chunk, last in
                count += chunk.count
                if !last { h.absorb(chunk); return }
                let whole = chunk.count - chunk.count % ReferenceHash.block
                h.absorb(UnsafeRawBufferPointer(rebasing: chunk[0..<whole]))
                h.finish(UnsafeRawBufferPointer(rebasing: chunk[whole...]))
            }
            guard ok else { throw ReferenceError.unreadable(path, "fichier absent ou illisible") }
        }
        self.count = count
        checksum = h.value
    }

    init(_ source: ReferenceSource) {
        var h = ReferenceHash()
        source.bytes.withUnsafeBytes { raw in
            for (file, range) in zip(Gazetteer.files, source.ranges) {
                h.combine(Array(file.utf8))
                h.combine(UnsafeRawBufferPointer(rebasing: raw[range]))
            }
        }
        count = source.bytes.count
        checksum = h.value
    }
}

/// The gazetteer's TSV files read whole, one after the other: what `GazetteerCompiler`
/// parses.
struct ReferenceSource {
    let bytes: [UInt8]
    /// Byte range of each file of `Gazetteer.files` in `bytes`.
    let ranges: [Range<Int>]
    let paths: [String]

    init(directory: String) throws {
        paths = Gazetteer.files.map { directory + "/" + $0 }
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for path in paths {
            guard let file = RawBuffer.readAll(path) else {
                throw ReferenceError.unreadable(path, "fichier absent ou illisible")
            }
            ranges.append(bytes.count..<(bytes.count + file.count))
            bytes += file
        }
        self.bytes = bytes
        self.ranges = ranges
    }
}
