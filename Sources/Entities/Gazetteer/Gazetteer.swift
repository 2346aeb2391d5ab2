import Foundation

/// All reference names (collectivités, countries, foreign places, organisations,
/// demonyms) compiled into one vocabulary and one phrase trie, loaded once from the TSV
/// files of `Corpus/reference/` (written by scripts/reference/generate.py).
struct Gazetteer: Sendable {
    static let files = [
        "regions.tsv", "departements.tsv", "communes.tsv", "epci.tsv", "pays.tsv", "demonymes.tsv",
        "etranger.tsv", "organisations.tsv",
    ]

    private(set) var vocabulary = Vocabulary(capacity: 1 << 17)
    private(set) var trie = PhraseTrie(expectedNodes: 1 << 18)
    private(set) var entries: [GazetteerEntry] = []
    /// Hot fields of `entries`, same index.
    private(set) var info: [GazetteerEntryInfo] = []
    private(set) var patterns: [GazetteerPattern] = []
    /// Country entry index by ISO code.
    private(set) var countryByCode: [String: Int32] = [:]

    /// Entry index by id (linear: only for resolving what a user types).
    func entry(id: String) -> Int32? {
        entries.firstIndex { $0.id == id }.map { Int32($0) }
    }

    init(directory: String) throws {
        entries.reserveCapacity(1 << 17)
        info.reserveCapacity(1 << 17)
        patterns.reserveCapacity(1 << 18)
        for file in Self.files {
            let path = directory + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ReferenceError.unreadable(path, "fichier absent ou illisible")
            }
            try data.withUnsafeBytes { raw in
                try load(raw.bindMemory(to: UInt8.self), path: path)
            }
        }
    }

    /// Interns extra words (context words of the recognizers) so the tokenizer knows them.
    mutating func intern(_ word: String) -> Int32 {
        let folded = Tokenizer.foldedWords(word)
        return folded.count == 1 ? vocabulary.intern(folded[0]) : -1
    }

    private mutating func load(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws {
        var lineStart = 0
        var lineNumber = 0
        let n = bytes.count
        let franco = vocabulary.intern(Array("franco".utf8))
        // The sink owns the vocabulary while loading (no copy-on-write per name).
        var sink = InternSink(vocabulary: vocabulary, ids: [])
        vocabulary = Vocabulary(capacity: 1)
        defer { vocabulary = sink.vocabulary }
        while lineStart < n {
            var lineEnd = lineStart
            while lineEnd < n && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            lineNumber += 1
            defer { lineStart = lineEnd + 1 }
            if lineEnd == lineStart || bytes[lineStart] == 0x23 { continue }  // blank or "#"
            // Six tab-separated fields: bounds[k] is where field k starts, bounds[k + 1] - 1 where it ends.
            var bounds = (lineStart, 0, 0, 0, 0, 0, lineEnd + 1)
            var tabs = 0
            var p = lineStart
            while p < lineEnd {
                if bytes[p] == 0x09 {
                    tabs += 1
                    switch tabs {
                    case 1: bounds.1 = p + 1
                    case 2: bounds.2 = p + 1
                    case 3: bounds.3 = p + 1
                    case 4: bounds.4 = p + 1
                    case 5: bounds.5 = p + 1
                    default: break
                    }
                }
                p += 1
            }
            guard tabs == 5 else { throw ReferenceError.unreadable(path, "ligne \(lineNumber) mal formée") }
            func field(_ k: Int) -> UnsafeBufferPointer<UInt8> {
                let lo: Int, hi: Int
                switch k {
                case 0: (lo, hi) = (bounds.0, bounds.1)
                case 1: (lo, hi) = (bounds.1, bounds.2)
                case 2: (lo, hi) = (bounds.2, bounds.3)
                case 3: (lo, hi) = (bounds.3, bounds.4)
                case 4: (lo, hi) = (bounds.4, bounds.5)
                default: (lo, hi) = (bounds.5, bounds.6)
                }
                return UnsafeBufferPointer(rebasing: bytes[lo..<(hi - 1)])
            }
            guard let kind = Self.kind(field(0)) else {
                throw ReferenceError.unreadable(path, "ligne \(lineNumber) : type inconnu")
            }
            var flags: GazetteerEntry.Flags = []
            for f in field(4) {
                switch f {
                case UInt8(ascii: "b"): flags.insert(.bare)
                case UInt8(ascii: "x"): flags.insert(.homonym)
                case UInt8(ascii: "s"): flags.insert(.subdivision)
                default: break
                }
            }
            var population = 0
            for d in field(3) where d >= 0x30 && d <= 0x39 { population = population * 10 + Int(d - 0x30) }
            let idBytes = field(1)
            let id = String(decoding: idBytes, as: UTF8.self)
            let country: String
            switch kind {
            case .pays, .demonyme: country = id
            case .etranger:
                // "etranger:CN:Liaoning"
                country = idBytes.count >= 11 ? String(decoding: UnsafeBufferPointer(rebasing: idBytes[9..<11]), as: UTF8.self) : ""
            case .organisation: country = ""
            default: country = "FR"
            }
            let entryIndex = Int32(entries.count)
            entries.append(
                GazetteerEntry(
                    kind: kind, id: id, name: String(decoding: field(2), as: UTF8.self), population: population,
                    flags: flags, country: country))
            info.append(
                GazetteerEntryInfo(
                    kind: kind, flags: flags, country: GazetteerEntryInfo.code(country), population: population))
            if kind == .pays { countryByCode[id] = entryIndex }
            let variants = field(5)
            var v = 0
            while v < variants.count {
                var e = v
                while e < variants.count && variants[e] != UInt8(ascii: "|") { e += 1 }
                var s = v
                var needsArticle = false
                var acronym = false
                if s < e && variants[s] == UInt8(ascii: "~") { needsArticle = true; s += 1 }
                if s < e && variants[s] == UInt8(ascii: "=") { acronym = true; s += 1 }
                sink.ids.removeAll(keepingCapacity: true)
                Tokenizer.scan(UnsafeBufferPointer(rebasing: variants[s..<e]), into: &sink)
                let ids = sink.ids
                v = e + 1
                guard !ids.isEmpty else { continue }
                let patternIndex = Int32(patterns.count)
                patterns.append(GazetteerPattern(entry: entryIndex, needsArticle: needsArticle, acronym: acronym, franco: false))
                trie.insert(ids, pattern: patternIndex)
                if kind == .demonyme {
                    // "franco-marocaine": the demonym after "franco-".
                    let p = Int32(patterns.count)
                    patterns.append(GazetteerPattern(entry: entryIndex, needsArticle: false, acronym: false, franco: true))
                    trie.insert([franco] + ids, pattern: p)
                }
            }
        }
    }

    private static func kind(_ field: UnsafeBufferPointer<UInt8>) -> GazetteerEntry.Kind? {
        for (name, kind) in kinds where name.count == field.count && name.elementsEqual(field) { return kind }
        return nil
    }

    private static let kinds: [([UInt8], GazetteerEntry.Kind)] = ([
        ("commune", .commune), ("etranger", .etranger), ("epci", .epci), ("departement", .departement),
        ("region", .region), ("pays", .pays), ("organisation", .organisation), ("demonyme", .demonyme),
    ] as [(String, GazetteerEntry.Kind)]).map { (Array($0.0.utf8), $0.1) }
}

/// Interns the words of a reference name while loading.
private struct InternSink: Tokenizer.WordSink {
    var vocabulary: Vocabulary
    var ids: [Int32]
    mutating func word(start: Int, end: Int, flags: Token.Flags, folded: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        ids.append(vocabulary.intern(folded, hash: hash))
    }
}
