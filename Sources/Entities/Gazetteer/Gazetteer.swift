/// All reference names (collectivités, countries, foreign places, organisations,
/// demonyms) as one vocabulary and one phrase trie, with the entry and pattern tables:
/// read-only views of a reference image (`ReferenceImage`), the committed
/// `gazetteer.bin` or, when it is missing, stale or damaged, the image compiled from the
/// TSV files at load (`GazetteerCompiler`). Nothing is parsed and no `String` is made at
/// load: an entry's id and name become `String`s when an entity is output.
struct Gazetteer: @unchecked Sendable {
    static let files = [
        "regions.tsv", "departements.tsv", "communes.tsv", "epci.tsv", "pays.tsv", "demonymes.tsv",
        "etranger.tsv", "organisations.tsv",
    ]

    let vocabulary: Vocabulary
    let trie: PhraseTrie
    let entries: EntryTable
    /// Hot fields of `entries`, same index.
    let info: EntryInfoTable
    let patterns: PatternTable
    /// Country entry index by ISO code.
    let countryByCode: [String: Int32]
    /// Whether the image file was used.
    let imageStatus: ReferenceImageStatus
    private let storage: GazetteerStorage

    init(directory: String) throws {
        let digest = try ReferenceDigest(directory: directory)
        var storage = GazetteerStorage.loadImage(directory: directory, digest: digest)
        if storage.status != .current {
            storage = try GazetteerStorage.compile(directory: directory, status: storage.status)
        }
        self.storage = storage
        imageStatus = storage.status
        let t = storage.tables!
        vocabulary = Vocabulary(arena: t.vocabularyArena, offsets: t.vocabularyOffsets, slots: t.vocabularySlots, owner: storage)
        trie = PhraseTrie(
            rootChildren: t.rootChildren, edgeStart: t.edgeStart, edgeWord: t.edgeWord, edgeChild: t.edgeChild,
            head: t.head, next: t.next, owner: storage)
        info = EntryInfoTable(table: t.entryInfo)
        entries = EntryTable(info: info, text: t.entryText, strings: t.strings)
        patterns = PatternTable(table: t.patterns)
        var countries: [String: Int32] = [:]
        for e in 0..<info.count where info[e].kind == .pays { countries[entries.id(e)] = Int32(e) }
        countryByCode = countries
    }

    /// The id of one context word (-1 when absent or not one folded word).
    func wordID(_ word: String) -> Int32 {
        let folded = Tokenizer.foldedWords(word)
        return folded.count == 1 ? vocabulary.lookup(folded[0]) : -1
    }

    /// Entry index by id (linear: only for resolving what a user types).
    func entry(id: String) -> Int32? {
        let wanted = Array(id.utf8)
        for e in 0..<entries.count where entries.idBytes(e).elementsEqual(wanted) { return Int32(e) }
        return nil
    }
}

/// The memory behind a gazetteer: the image, mapped from `gazetteer.bin` or compiled
/// from the TSV files at load.
final class GazetteerStorage: @unchecked Sendable {
    let image: RawBuffer?
    let tables: GazetteerTables?
    let status: ReferenceImageStatus

    private init(image: RawBuffer?, tables: GazetteerTables?, status: ReferenceImageStatus) {
        self.image = image
        self.tables = tables
        self.status = status
    }

    /// The image file of `directory` when it is usable (`status == .current`), else why not.
    static func loadImage(directory: String, digest: ReferenceDigest) -> GazetteerStorage {
        let path = directory + "/" + ReferenceImage.fileName
        guard RawBuffer.fileSize(path) != nil else { return GazetteerStorage(image: nil, tables: nil, status: .missing) }
        guard let image = RawBuffer.map(path) else {
            return GazetteerStorage(image: nil, tables: nil, status: .corrupt("fichier illisible"))
        }
        do {
            let tables = GazetteerTables(try ReferenceImage.open(image, digest: digest))
            try ReferenceImage.validate(tables)
            return GazetteerStorage(image: image, tables: tables, status: .current)
        } catch {
            switch error {
            case .stale(let why): return GazetteerStorage(image: nil, tables: nil, status: .stale(why))
            case .corrupt(let why): return GazetteerStorage(image: nil, tables: nil, status: .corrupt(why))
            }
        }
    }

    /// Compiles the TSV files of `directory` (no usable image: `status` says why).
    static func compile(directory: String, status: ReferenceImageStatus) throws -> GazetteerStorage {
        let source = try ReferenceSource(directory: directory)
        let image = RawBuffer(try GazetteerCompiler.compile(source).image)
        do {
            let tables = GazetteerTables(try ReferenceImage.open(image, digest: ReferenceDigest(source)))
            try ReferenceImage.validate(tables)
            return GazetteerStorage(image: image, tables: tables, status: status)
        } catch {
            // The compiler's own output is always valid: this is a bug, not bad data.
            preconditionFailure("reference image compiled from the TSV files is invalid: \(error)")
        }
    }
}

/// `Section.entryInfo`: per entry, kind (bits 0–7), flags (8–15), ISO code (16–31) and
/// population (32–63).
struct EntryInfoTable: @unchecked Sendable {
    let table: FlatArray<UInt64>

    var count: Int { table.count }

    static func pack(kind: GazetteerEntry.Kind, flags: GazetteerEntry.Flags, country: UInt16, population: UInt32) -> UInt64 {
        UInt64(kind.rawValue) | UInt64(flags.rawValue) << 8 | UInt64(country) << 16 | UInt64(population) << 32
    }

    @inline(__always)
    subscript(i: Int) -> GazetteerEntryInfo {
        let v = table[i]
        return GazetteerEntryInfo(
            // Kinds are checked at load (`ReferenceImage.validate`).
            kind: GazetteerEntry.Kind(rawValue: UInt8(truncatingIfNeeded: v)) ?? .organisation,
            flags: GazetteerEntry.Flags(rawValue: UInt8(truncatingIfNeeded: v >> 8)),
            country: UInt16(truncatingIfNeeded: v >> 16), population: Int(v >> 32))
    }
}

/// `Section.entryText`: per entry, the offset of its id in `Section.strings` (bits 0–31),
/// the id's length (32–47), the name's length (48–62) and whether the name is the end of
/// the id (bit 63; else the name follows the id).
enum EntryTextTable {
    static func pack(offset: Int, idLength: Int, nameLength: Int, shared: Bool) -> UInt64 {
        UInt64(offset) | UInt64(idLength) << 32 | UInt64(nameLength) << 48 | (shared ? 1 << 63 : 0)
    }

    @inline(__always)
    static func unpack(_ v: UInt64) -> (offset: Int, idLength: Int, nameLength: Int, shared: Bool) {
        (Int(v & 0xFFFF_FFFF), Int((v >> 32) & 0xFFFF), Int((v >> 48) & 0x7FFF), v >> 63 != 0)
    }
}

/// The entries with their strings, made on demand (when an entity is output).
struct EntryTable: @unchecked Sendable {
    let info: EntryInfoTable
    let text: FlatArray<UInt64>
    let strings: FlatArray<UInt8>

    var count: Int { text.count }

    func idBytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let (offset, idLength, _, _) = EntryTextTable.unpack(text[i])
        return UnsafeBufferPointer(rebasing: strings.buffer[offset..<(offset + idLength)])
    }

    func nameBytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let (offset, idLength, nameLength, shared) = EntryTextTable.unpack(text[i])
        let start = shared ? offset + idLength - nameLength : offset + idLength
        return UnsafeBufferPointer(rebasing: strings.buffer[start..<(start + nameLength)])
    }

    func id(_ i: Int) -> String { String(decoding: idBytes(i), as: UTF8.self) }

    subscript(i: Int) -> GazetteerEntry {
        let idBytes = idBytes(i)
        let e = info[i]
        let id = String(decoding: idBytes, as: UTF8.self)
        let country: String
        switch e.kind {
        case .pays, .demonyme: country = id
        case .etranger:
            // "etranger:CN:Liaoning"
            country = idBytes.count >= 11 ? String(decoding: UnsafeBufferPointer(rebasing: idBytes[9..<11]), as: UTF8.self) : ""
        case .organisation: country = ""
        default: country = "FR"
        }
        return GazetteerEntry(
            kind: e.kind, id: id, name: String(decoding: nameBytes(i), as: UTF8.self), population: e.population,
            flags: e.flags, country: country)
    }
}

/// `Section.patterns`: per pattern, its entry (bits 0–27) and flags (28–31).
struct PatternTable: @unchecked Sendable {
    let table: FlatArray<UInt32>

    var count: Int { table.count }

    private static let needsArticle: UInt32 = 1 << 28
    private static let acronym: UInt32 = 1 << 29
    private static let franco: UInt32 = 1 << 30
    private static let contextOnly: UInt32 = 1 << 31

    static func pack(entry: Int32, needsArticle: Bool, acronym: Bool, franco: Bool, contextOnly: Bool = false) -> UInt32 {
        precondition(entry >= 0 && entry < 1 << 28, "too many gazetteer entries")
        return UInt32(entry) | (needsArticle ? Self.needsArticle : 0) | (acronym ? Self.acronym : 0) | (franco ? Self.franco : 0)
            | (contextOnly ? Self.contextOnly : 0)
    }

    @inline(__always)
    static func entry(_ v: UInt32) -> Int32 { Int32(v & 0x0FFF_FFFF) }

    @inline(__always)
    subscript(i: Int) -> GazetteerPattern {
        let v = table[i]
        return GazetteerPattern(
            entry: Self.entry(v), needsArticle: v & Self.needsArticle != 0, acronym: v & Self.acronym != 0,
            franco: v & Self.franco != 0, contextOnly: v & Self.contextOnly != 0)
    }
}
