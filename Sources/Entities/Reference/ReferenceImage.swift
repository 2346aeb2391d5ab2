import Foundation

/// The precompiled gazetteer (`Corpus/reference/gazetteer.bin`): the vocabulary, the
/// phrase trie, the entry and pattern tables as flat little-endian arrays, read with one
/// `read` and used in place (no parsing, no `String` per entry at load).
///
/// The TSV files stay the source of truth. The image is generated from them by
/// `cooplex reference compile` (`GazetteerCompiler`, the same code that parses the TSVs
/// when there is no usable image) and committed next to them. Its header holds a checksum
/// of the TSV files and a fingerprint of the code that shapes the image (folding tables,
/// context words, format version); when either differs, or the image is damaged, the
/// loader compiles the TSVs instead: correct, only slower. `ReferenceImageTests` fails
/// while the committed image is not the one the current TSVs and code produce.
///
/// Layout: a 64-byte header, a section table (offset and length of each section), then
/// the sections in `Section` order, each 8-byte aligned.
enum ReferenceImage {
    static let fileName = "gazetteer.bin"
    static let magic: [UInt8] = Array("CPLXGAZ\u{1}".utf8)
    /// Bump when the layout or the compiler's output changes for the same TSVs (the image
    /// test fails until the image is regenerated anyway).
    static let version: UInt32 = 1
    static let headerSize = 64

    enum Section: Int, CaseIterable {
        case vocabularyArena, vocabularyOffsets, vocabularySlots
        case rootChildren, edgeStart, edgeWord, edgeChild, head, next
        /// Per entry, `EntryInfoTable.pack`: kind, flags, ISO code, population.
        case entryInfo
        /// Per entry, `EntryTextTable.pack`: where its id and name are in `strings`.
        case entryText
        /// Per pattern, `PatternTable.pack`: entry and flags.
        case patterns
        /// The ids and names of the entries, UTF-8.
        case strings

        var stride: Int {
            switch self {
            case .vocabularyArena, .strings: return 1
            case .entryInfo, .entryText: return 8
            default: return 4
            }
        }
    }

    /// What the image depends on besides the TSV files: the format version, the folding
    /// tables and the context words interned into the vocabulary.
    static var codeFingerprint: UInt64 {
        var h = ReferenceHash()
        h.combine(UInt64(version))
        h.combine(UInt64(Tokenizer.maxWord))
        h.combine(TokenFolding.latinFlat)
        h.combine(TokenFolding.latinLength)
        h.combine(TokenFolding.latinUppercase.map { $0 ? 1 : 0 })
        for w in ContextWords.allWords { h.combine(Array(w.utf8)) }
        return h.value
    }

    // MARK: Writing

    /// Serializes sections (in `Section` order) with the header.
    static func serialize(sections: [[UInt8]], digest: ReferenceDigest) -> [UInt8] {
        precondition(sections.count == Section.allCases.count)
        let tableSize = sections.count * 16
        var offsets: [Int] = []
        var at = align(headerSize + tableSize)
        for s in sections {
            offsets.append(at)
            at = align(at + s.count)
        }
        var out = [UInt8](repeating: 0, count: at)
        func put(_ value: UInt64, at offset: Int) {
            withUnsafeBytes(of: value.littleEndian) { raw in
                for (k, b) in raw.enumerated() { out[offset + k] = b }
            }
        }
        for (k, b) in magic.enumerated() { out[k] = b }
        put(UInt64(version) | UInt64(sections.count) << 32, at: 8)
        put(UInt64(at), at: 16)
        put(UInt64(digest.count), at: 24)
        put(digest.checksum, at: 32)
        put(codeFingerprint, at: 40)
        for (k, s) in sections.enumerated() {
            put(UInt64(offsets[k]), at: headerSize + k * 16)
            put(UInt64(s.count), at: headerSize + k * 16 + 8)
            out.replaceSubrange(offsets[k]..<(offsets[k] + s.count), with: s)
        }
        let payload = out.withUnsafeBytes { ReferenceHash.of(UnsafeRawBufferPointer(rebasing: $0[headerSize...])) }
        put(payload, at: 48)
        return out
    }

    static func align(_ n: Int) -> Int { (n + 7) & ~7 }

    static func bytes<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(values.count * MemoryLayout<T>.size)
        for v in values { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        return out
    }

    // MARK: Reading

    /// Why an image cannot be used.
    enum Rejection: Error {
        /// Built from other TSV files or by other code: regenerate it.
        case stale(String)
        /// Not an image, truncated or damaged.
        case corrupt(String)
    }

    /// The sections of `image` after checking its header against the TSV files (`digest`)
    /// and the code, and its checksum.
    static func open(_ image: RawBuffer, digest: ReferenceDigest) throws(Rejection) -> [UnsafeRawBufferPointer] {
        let raw = image.view
        #if _endian(big)
            throw .stale("image petit-boutiste sur une machine gros-boutiste")
        #endif
        guard raw.count >= headerSize, raw.prefix(magic.count).elementsEqual(magic) else {
            throw .corrupt("en-tête absent (ce n’est pas une image de référence Cooplex)")
        }
        func u64(_ offset: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        let versionAndCount = u64(8)
        let fileVersion = UInt32(truncatingIfNeeded: versionAndCount)
        guard fileVersion == version else { throw .stale("format \(fileVersion), attendu \(version)") }
        guard u64(16) == UInt64(raw.count) else { throw .corrupt("taille \(raw.count) octets au lieu de \(u64(16)) (fichier tronqué ?)") }
        guard Int(versionAndCount >> 32) == Section.allCases.count else { throw .corrupt("table des sections invalide") }
        guard u64(48) == ReferenceHash.of(UnsafeRawBufferPointer(rebasing: raw[headerSize...])) else {
            throw .corrupt("somme de contrôle incorrecte (fichier endommagé)")
        }
        guard u64(24) == UInt64(digest.count), u64(32) == digest.checksum else {
            throw .stale("les fichiers TSV ont changé depuis sa compilation")
        }
        guard u64(40) == codeFingerprint else { throw .stale("compilée par une autre version du code") }
        var sections: [UnsafeRawBufferPointer] = []
        for s in Section.allCases {
            let offset = u64(headerSize + s.rawValue * 16)
            let length = u64(headerSize + s.rawValue * 16 + 8)
            guard offset % 8 == 0, offset >= UInt64(headerSize), length <= UInt64(raw.count),
                offset <= UInt64(raw.count) - length, length % UInt64(s.stride) == 0
            else { throw .corrupt("section \(s.rawValue) hors du fichier") }
            sections.append(UnsafeRawBufferPointer(rebasing: raw[Int(offset)..<Int(offset + length)]))
        }
        return sections
    }

    /// Checks that every index stored in the tables is in range and that every walk ends,
    /// so that no lookup can leave the arrays or loop, whatever the file holds (the
    /// checksum already rejects accidental damage; this is for any other file). One
    /// branch-free pass per array: a sign bit is set in `bad` for any value out of range.
    static func validate(_ g: GazetteerTables) throws(Rejection) {
        func fail(_ what: String) -> Rejection { .corrupt("\(what) incohérent") }
        /// Sets the sign bit when `value` is outside `lo...hi`.
        @inline(__always) func outside(_ value: Int, _ lo: Int, _ hi: Int) -> Int { (value &- lo) | (hi &- value) }

        let words = g.vocabularyOffsets.count - 1
        guard words >= 0, words <= Vocabulary.maxWords, g.vocabularyOffsets[0] == 0,
            Int(g.vocabularyOffsets[words]) == g.vocabularyArena.count
        else { throw fail("vocabulaire") }
        var bad = 0
        let offsets = g.vocabularyOffsets.buffer
        for i in 0..<words { bad |= Int(offsets[i + 1]) &- Int(offsets[i]) }
        guard bad >= 0 else { throw fail("vocabulaire") }

        let slots = g.vocabularySlots.buffer
        guard slots.count > 0, slots.count & (slots.count - 1) == 0 else { throw fail("table du vocabulaire") }
        var smallest = UInt32.max
        for v in slots {
            // A used slot holds id + 1 in 1...words under its tag; an empty slot is 0, so a
            // tag without an id is invalid.
            let idPlusOne = Int(v & Vocabulary.idMask)
            bad |= outside(idPlusOne, 0, words) | ((idPlusOne &- 1) & -Int(v >> 20))
            smallest = min(smallest, v)
        }
        // At least one empty slot, or a probe for an unknown word would never end.
        guard smallest == 0, bad >= 0 else { throw fail("table du vocabulaire") }

        let nodes = g.head.count
        let patterns = g.next.count
        let entries = g.entryInfo.count
        guard nodes >= 1, g.edgeStart.count == nodes + 1, g.edgeStart[0] == 0,
            Int(g.edgeStart[nodes]) == g.edgeWord.count, g.edgeWord.count == g.edgeChild.count,
            g.patterns.count == patterns, g.entryText.count == entries
        else { throw fail("trie") }
        // -1 (no child) or a node other than the root: (c - 1) & ~c is negative only for 0.
        for c in g.rootChildren.buffer { bad |= outside(Int(c), -1, nodes - 1) | ((Int(c) &- 1) & ~Int(c)) }
        for c in g.edgeChild.buffer { bad |= outside(Int(c), 1, nodes - 1) }
        let start = g.edgeStart.buffer
        for i in 0..<nodes { bad |= Int(start[i + 1]) &- Int(start[i]) }
        for h in g.head.buffer { bad |= outside(Int(h), -1, patterns - 1) }
        // Pattern lists run from newer to older patterns: each link goes down, so every
        // list ends.
        let next = g.next.buffer
        for p in 0..<patterns { bad |= outside(Int(next[p]), -1, p - 1) }
        for v in g.patterns.buffer { bad |= outside(Int(PatternTable.entry(v)), 0, entries - 1) }
        guard bad >= 0 else { throw fail("trie") }

        let maxKind = Int(GazetteerEntry.Kind.allCasesMax)
        for v in g.entryInfo.buffer { bad |= outside(Int(v & 0xFF), 0, maxKind) }
        let strings = g.strings.count
        for v in g.entryText.buffer {
            let (offset, idLength, nameLength, shared) = EntryTextTable.unpack(v)
            bad |= outside(offset + idLength + (shared ? 0 : nameLength), 0, strings)
            bad |= (idLength &- nameLength) & -Int(v >> 63)
        }
        guard bad >= 0 else { throw fail("table des entrées") }
    }
}

/// The flat arrays of an image, typed.
struct GazetteerTables {
    let vocabularyArena: FlatArray<UInt8>
    let vocabularyOffsets: FlatArray<Int32>
    let vocabularySlots: FlatArray<UInt32>
    let rootChildren: FlatArray<Int32>
    let edgeStart: FlatArray<Int32>
    let edgeWord: FlatArray<Int32>
    let edgeChild: FlatArray<Int32>
    let head: FlatArray<Int32>
    let next: FlatArray<Int32>
    let entryInfo: FlatArray<UInt64>
    let entryText: FlatArray<UInt64>
    let patterns: FlatArray<UInt32>
    let strings: FlatArray<UInt8>

    init(_ s: [UnsafeRawBufferPointer]) {
        typealias S = ReferenceImage.Section
        func flat<T>(_ section: S, _: T.Type) -> FlatArray<T> {
            let raw = s[section.rawValue]
            let count = raw.count / MemoryLayout<T>.stride
            // Sections are 8-byte aligned in a 16-byte aligned buffer; an empty section may
            // sit at the very end of the file, so give it a valid dummy address.
            guard count > 0, let base = raw.baseAddress else {
                return FlatArray(UnsafePointer(bitPattern: MemoryLayout<T>.alignment)!, count: 0)
            }
            return FlatArray(base.assumingMemoryBound(to: T.self), count: count)
        }
        vocabularyArena = flat(.vocabularyArena, UInt8.self)
        vocabularyOffsets = flat(.vocabularyOffsets, Int32.self)
        vocabularySlots = flat(.vocabularySlots, UInt32.self)
        rootChildren = flat(.rootChildren, Int32.self)
        edgeStart = flat(.edgeStart, Int32.self)
        edgeWord = flat(.edgeWord, Int32.self)
        edgeChild = flat(.edgeChild, Int32.self)
        head = flat(.head, Int32.self)
        next = flat(.next, Int32.self)
        entryInfo = flat(.entryInfo, UInt64.self)
        entryText = flat(.entryText, UInt64.self)
        patterns = flat(.patterns, UInt32.self)
        strings = flat(.strings, UInt8.self)
    }
}

/// Whether `Corpus/reference/gazetteer.bin` was used at load.
public enum ReferenceImageStatus: Sendable, Equatable, CustomStringConvertible {
    /// Up to date: loaded from the image.
    case current
    /// No image: the TSV files were compiled at load.
    case missing
    /// Built from other TSV files or by other code: the TSV files were compiled at load.
    case stale(String)
    /// Damaged: the TSV files were compiled at load.
    case corrupt(String)

    public var description: String {
        switch self {
        case .current: return "image de référence à jour"
        case .missing: return "image de référence absente"
        case .stale(let why): return "image de référence périmée (\(why))"
        case .corrupt(let why): return "image de référence illisible (\(why))"
        }
    }
}

/// What `ReferenceImageFile.compile` wrote.
public struct ReferenceImageSummary: Sendable {
    public var path: String
    public var bytes: Int
    public var entries: Int
    public var patterns: Int
    public var words: Int
    public var trieNodes: Int
}

/// The image as a file: compile it, or say whether it is usable.
public enum ReferenceImageFile {
    public static let fileName = ReferenceImage.fileName

    /// Compiles the TSV files of `referenceDirectory` (default: as `EntityRecognizer.load`)
    /// and writes `gazetteer.bin` next to them (atomically: a reader sees the old or the
    /// new file, never half of one).
    @discardableResult
    public static func compile(referenceDirectory: String? = nil) throws -> ReferenceImageSummary {
        let directory = try ReferenceDirectory.locate(explicit: referenceDirectory)
        let compiled = try GazetteerCompiler.compile(try ReferenceSource(directory: directory))
        let path = directory + "/" + ReferenceImage.fileName
        do {
            try Data(compiled.image).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ReferenceError.unwritable(path, error.localizedDescription)
        }
        return ReferenceImageSummary(
            path: path, bytes: compiled.image.count, entries: compiled.entries, patterns: compiled.patterns,
            words: compiled.words, trieNodes: compiled.nodes)
    }

    /// Whether the image of `referenceDirectory` is usable as it is.
    public static func status(referenceDirectory: String? = nil) throws -> ReferenceImageStatus {
        let directory = try ReferenceDirectory.locate(explicit: referenceDirectory)
        return GazetteerStorage.loadImage(directory: directory, digest: try ReferenceDigest(directory: directory)).status
    }
}
