/// Compiles the gazetteer's TSV files (`Corpus/reference/*.tsv`, written by
/// scripts/reference/generate.py) into a reference image: every surface form folded into
/// word ids (the same `Tokenizer.scan` as the text), inserted into the phrase trie; one
/// entry per line. `cooplex reference compile` writes the result to `gazetteer.bin`;
/// without a usable image the loader runs this same compiler at start.
enum GazetteerCompiler {
    struct Output {
        var image: [UInt8]
        var entries: Int
        var patterns: Int
        var words: Int
        var nodes: Int
    }

    static func compile(_ source: ReferenceSource) throws -> Output {
        var state = State()
        try source.bytes.withUnsafeBufferPointer { bytes in
            for (k, range) in source.ranges.enumerated() {
                try state.load(bytes, range, path: source.paths[k])
            }
        }
        // The context words of the rules, so that the tokenizer knows them.
        var vocabulary = state.sink.vocabulary
        _ = ContextWords { word in
            let folded = Tokenizer.foldedWords(word)
            return folded.count == 1 ? vocabulary.intern(folded[0]) : -1
        }
        let edges = state.trie.edges()
        typealias I = ReferenceImage
        let sections: [[UInt8]] = [
            vocabulary.arena,
            I.bytes(vocabulary.offsets),
            I.bytes(vocabulary.finalSlots()),
            I.bytes(state.trie.rootChildren),
            I.bytes(edges.start),
            I.bytes(edges.word),
            I.bytes(edges.child),
            I.bytes(state.trie.head),
            I.bytes(state.trie.next),
            I.bytes(state.info),
            I.bytes(state.text),
            I.bytes(state.patterns),
            state.strings,
        ]
        return Output(
            image: I.serialize(sections: sections, digest: ReferenceDigest(source)), entries: state.info.count,
            patterns: state.patterns.count, words: vocabulary.count, nodes: state.trie.head.count)
    }

    private struct State {
        var sink = InternSink(vocabulary: VocabularyBuilder(capacity: 1 << 17), ids: [])
        var trie = PhraseTrieBuilder(expectedNodes: 1 << 18)
        var info: [UInt64] = []
        var text: [UInt64] = []
        var patterns: [UInt32] = []
        var strings: [UInt8] = []

        init() {
            info.reserveCapacity(1 << 17)
            text.reserveCapacity(1 << 17)
            patterns.reserveCapacity(1 << 18)
        }

        /// One TSV file: `bytes[range]`.
        mutating func load(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, path: String) throws {
            var lineStart = range.lowerBound
            var lineNumber = 0
            let n = range.upperBound
            let franco = sink.vocabulary.intern(Array("franco".utf8))
            while lineStart < n {
                var lineEnd = lineStart
                while lineEnd < n && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                lineNumber += 1
                defer { lineStart = lineEnd + 1 }
                if lineEnd == lineStart || bytes[lineStart] == 0x23 { continue }  // blank or "#"
                // Six tab-separated fields: field k is bytes[bounds[k] ..< bounds[k + 1] - 1].
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
                func field(_ k: Int) -> Range<Int> {
                    switch k {
                    case 0: return bounds.0..<(bounds.1 - 1)
                    case 1: return bounds.1..<(bounds.2 - 1)
                    case 2: return bounds.2..<(bounds.3 - 1)
                    case 3: return bounds.3..<(bounds.4 - 1)
                    case 4: return bounds.4..<(bounds.5 - 1)
                    default: return bounds.5..<(bounds.6 - 1)
                    }
                }
                guard let kind = Self.kind(UnsafeBufferPointer(rebasing: bytes[field(0)])) else {
                    throw ReferenceError.unreadable(path, "ligne \(lineNumber) : type inconnu")
                }
                var flags: GazetteerEntry.Flags = []
                for f in bytes[field(4)] {
                    switch f {
                    case UInt8(ascii: "b"): flags.insert(.bare)
                    case UInt8(ascii: "x"): flags.insert(.homonym)
                    case UInt8(ascii: "s"): flags.insert(.subdivision)
                    case UInt8(ascii: "o"): flags.insert(.overseas)
                    default: break
                    }
                }
                var population: UInt64 = 0
                for d in bytes[field(3)] where d >= 0x30 && d <= 0x39 {
                    population = min(population * 10 + UInt64(d - 0x30), UInt64(UInt32.max))
                }
                let id = field(1)
                let name = field(2)
                guard id.count <= Int(UInt16.max), name.count < 1 << 15, strings.count + id.count + name.count <= Int(UInt32.max)
                else {
                    throw ReferenceError.unreadable(path, "ligne \(lineNumber) : champ trop long")
                }
                let country: UInt16
                switch kind {
                case .pays, .demonyme: country = Self.code(bytes, id)
                case .etranger:
                    // "etranger:CN:Liaoning"
                    country = id.count >= 11 ? Self.code(bytes, (id.lowerBound + 9)..<(id.lowerBound + 11)) : 0
                case .organisation: country = 0
                default: country = UInt16(ascii: "F", "R")
                }
                let entryIndex = Int32(info.count)
                info.append(EntryInfoTable.pack(kind: kind, flags: flags, country: country, population: UInt32(population)))
                // The id, then the name unless the id ends with it ("etranger:CN:Liaoning").
                let shared = name.count <= id.count && bytes[(id.upperBound - name.count)..<id.upperBound].elementsEqual(bytes[name])
                text.append(EntryTextTable.pack(offset: strings.count, idLength: id.count, nameLength: name.count, shared: shared))
                strings += bytes[id]
                if !shared { strings += bytes[name] }
                let variants = field(5)
                var v = variants.lowerBound
                while v < variants.upperBound {
                    var e = v
                    while e < variants.upperBound && bytes[e] != UInt8(ascii: "|") { e += 1 }
                    var s = v
                    var needsArticle = false
                    var acronym = false
                    var contextOnly = false
                    if s < e && bytes[s] == UInt8(ascii: "?") { contextOnly = true; s += 1 }
                    if s < e && bytes[s] == UInt8(ascii: "~") { needsArticle = true; s += 1 }
                    if s < e && bytes[s] == UInt8(ascii: "=") { acronym = true; s += 1 }
                    sink.ids.removeAll(keepingCapacity: true)
                    Tokenizer.scan(UnsafeBufferPointer(rebasing: bytes[s..<e]), into: &sink)
                    let ids = sink.ids
                    v = e + 1
                    guard !ids.isEmpty else { continue }
                    trie.insert(ids, pattern: Int32(patterns.count))
                    patterns.append(
                        PatternTable.pack(
                            entry: entryIndex, needsArticle: needsArticle, acronym: acronym, franco: false, contextOnly: contextOnly))
                    if kind == .demonyme {
                        // "franco-marocaine": the demonym after "franco-".
                        trie.insert([franco] + ids, pattern: Int32(patterns.count))
                        patterns.append(PatternTable.pack(entry: entryIndex, needsArticle: false, acronym: false, franco: true))
                    }
                }
            }
        }

        /// Two ASCII letters as `GazetteerEntryInfo.code` packs them; 0 for anything else.
        private static func code(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> UInt16 {
            r.count == 2 ? UInt16(bytes[r.lowerBound]) << 8 | UInt16(bytes[r.lowerBound + 1]) : 0
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
}

/// Interns the words of a reference name while compiling.
private struct InternSink: Tokenizer.WordSink {
    var vocabulary: VocabularyBuilder
    var ids: [Int32]
    mutating func word(start: Int, end: Int, flags: Token.Flags, folded: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        ids.append(vocabulary.intern(folded, hash: hash))
    }
}

extension UInt16 {
    fileprivate init(ascii a: Unicode.Scalar, _ b: Unicode.Scalar) {
        self = UInt16(UInt8(ascii: a)) << 8 | UInt16(UInt8(ascii: b))
    }
}
