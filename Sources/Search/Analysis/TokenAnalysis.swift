/// The analysis of one raw token (a run of letters and digits, possibly joined by
/// apostrophes, hyphens or decimal marks), computed once per distinct token and cached.
struct TokenAnalysis {
    struct Term {
        var bytes: [UInt8]
        var kind: TermKind
        /// Position relative to the token's first position.
        var relativePosition: Int32
        /// Byte range inside the raw token.
        var start: Int32
        var end: Int32
        /// The whole of a compound ("oudin-santini"), emitted beside its parts.
        var isCompoundWhole: Bool
    }

    var terms: [Term] = []
    /// Positions the token occupies: 1 for a word (stop word included), the number of
    /// parts for a compound.
    var width: Int32 = 1

    /// A folded segment of the raw token, between connectors.
    private struct Segment {
        var folded: [UInt8]
        var start: Int32
        var end: Int32
        /// The connector that follows (`'` or `-`), 0 for the last segment.
        var connector: UInt8
        var hasLetter = false
        var hasDigit = false
        var isASCIILetters = true
    }

    /// Analyzes `raw` (valid UTF-8 made only of word scalars and connectors, as the
    /// tokenizer delimits it).
    init(raw: UnsafeBufferPointer<UInt8>) {
        var segments = TokenAnalysis.split(raw)
        // Leading elisions: "l'", "qu'", "jusqu'"… (also "qu'aujourd'hui").
        while segments.count >= 2, segments[0].connector == UInt8(ascii: "'"),
            FrenchElisions.contains(segments[0].folded)
        {
            segments.removeFirst()
        }
        guard !segments.isEmpty else { width = 1; return }
        if segments.count == 1 {
            addWord(segments[0], at: 0, partOfCompound: false)
            return
        }
        if let legal = TokenAnalysis.legalNumber(segments) {
            add(legal, surface: legal, at: 0, segments.first!.start, segments.last!.end, whole: false)
            return
        }
        let numeric = segments.allSatisfy { $0.hasDigit && !$0.hasLetter }
        if numeric && segments.allSatisfy({ $0.connector != UInt8(ascii: "'") }) {
            // "2005-95", "1115-1-1": one token. A range of years ("2013-2015") also
            // answers each year.
            let whole = TokenAnalysis.join(segments, \.folded)
            let years = segments.allSatisfy { s in
                s.folded.count == 4 && (s.folded[0] == UInt8(ascii: "1") || s.folded[0] == UInt8(ascii: "2"))
            }
            add(whole, surface: whole, at: 0, segments.first!.start, segments.last!.end, whole: years)
            if years {
                for (i, s) in segments.enumerated() {
                    add(s.folded, surface: s.folded, at: Int32(i), s.start, s.end, whole: false)
                }
                width = Int32(segments.count)
            }
            return
        }
        addCompound(segments)
    }

    // MARK: - Words and compounds

    private mutating func add(
        _ stem: [UInt8], surface: [UInt8], at position: Int32, _ start: Int32, _ end: Int32,
        whole: Bool
    ) {
        terms.append(Term(bytes: stem, kind: .stem, relativePosition: position, start: start, end: end, isCompoundWhole: whole))
        terms.append(Term(bytes: surface, kind: .surface, relativePosition: position, start: start, end: end, isCompoundWhole: whole))
    }

    /// The stem of a segment, or nil for a stop word.
    private static func stem(of s: Segment) -> [UInt8]? {
        if s.hasLetter && !s.hasDigit && s.isASCIILetters {
            if FrenchStopWords.contains(s.folded) { return nil }
            return FrenchLightStemmer.stem(s.folded)
        }
        return s.folded
    }

    private mutating func addWord(_ s: Segment, at position: Int32, partOfCompound: Bool) {
        if let legal = TokenAnalysis.legalNumber([s]) {
            add(legal, surface: legal, at: position, s.start, s.end, whole: false)
        } else if let stem = TokenAnalysis.stem(of: s) {
            add(stem, surface: s.folded, at: position, s.start, s.end, whole: false)
        }
    }

    /// A compound: the whole at the first part's position, then the parts at consecutive
    /// positions. An elided article inside ("Côte-d'Azur") stays in the whole but takes no
    /// position of its own.
    private mutating func addCompound(_ segments: [Segment]) {
        var parts: [Segment] = []
        for (i, s) in segments.enumerated() {
            let elided = s.connector == UInt8(ascii: "'") && i + 1 < segments.count
                && FrenchElisions.contains(s.folded)
            if !elided { parts.append(s) }
        }
        if parts.count == 1 {
            addWord(parts[0], at: 0, partOfCompound: false)
            return
        }
        let stems = parts.map { TokenAnalysis.stem(of: $0) }
        let first = segments.first!.start, last = segments.last!.end
        if parts.count <= 16 && stems.contains(where: { $0 != nil }) {
            // The whole: folded segments with their connectors; the stem form uses each
            // part's stem ("États-Unis" and "Etats-Uni" agree).
            var surface: [UInt8] = [], stem: [UInt8] = []
            var partIndex = 0
            for s in segments {
                surface += s.folded
                if partIndex < parts.count && parts[partIndex].start == s.start {
                    stem += stems[partIndex] ?? s.folded
                    partIndex += 1
                } else {
                    stem += s.folded
                }
                if s.connector != 0 {
                    surface.append(s.connector)
                    stem.append(s.connector)
                }
            }
            add(stem, surface: surface, at: 0, first, last, whole: true)
        }
        for (i, s) in parts.enumerated() {
            if let stem = stems[i] {
                add(stem, surface: s.folded, at: Int32(i), s.start, s.end, whole: false)
            }
        }
        width = Int32(parts.count)
    }

    // MARK: - Legal numbers

    /// "L1115-1", "r1115-2", "D123-4", "L1115-1-1" (as one raw token: letter and digits
    /// joined) → "l1115-1". The spaced forms ("L. 1115-1") are joined by the tokenizer.
    private static func legalNumber(_ segments: [Segment]) -> [UInt8]? {
        guard segments.count >= 2, let first = segments.first, first.folded.count >= 2,
            isLegalLetter(first.folded[0]),
            first.folded.dropFirst().allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            segments.dropFirst().allSatisfy({ s in s.folded.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
            segments.allSatisfy({ $0.connector != UInt8(ascii: "'") })
        else { return nil }
        return join(segments, \.folded)
    }

    /// L (législative), R (réglementaire, décret en Conseil d'État), D (décret), A (arrêté).
    static func isLegalLetter(_ b: UInt8) -> Bool {
        switch b | 0x20 {
        case UInt8(ascii: "l"), UInt8(ascii: "r"), UInt8(ascii: "d"), UInt8(ascii: "a"): return true
        default: return false
        }
    }

    // MARK: - Splitting

    private static func join(_ segments: [Segment], _ key: KeyPath<Segment, [UInt8]>) -> [UInt8] {
        var out: [UInt8] = []
        for s in segments {
            out += s[keyPath: key]
            if s.connector != 0 { out.append(s.connector) }
        }
        return out
    }

    private static func split(_ raw: UnsafeBufferPointer<UInt8>) -> [Segment] {
        var segments: [Segment] = []
        var current = Segment(folded: [], start: 0, end: 0, connector: 0)
        guard let p = raw.baseAddress else { return [] }
        let n = raw.count
        var i = 0
        while i < n {
            let (cp, len) = decodeUTF8(p, i, n)
            let cls: ScalarClass = cp == 0xFFFF_FFFF ? .separator : (cp < 0x80 ? .ascii(UInt8(cp)) : .nonASCII(cp))
            switch cls {
            case .apostrophe, .hyphen:
                current.end = Int32(i)
                current.connector = cls == .apostrophe ? UInt8(ascii: "'") : UInt8(ascii: "-")
                if !current.folded.isEmpty { segments.append(current) }
                current = Segment(folded: [], start: Int32(i + len), end: 0, connector: 0)
            case .digit:
                current.hasDigit = true
                current.folded.append(UInt8(cp))
            case .decimalMark:
                current.folded.append(UInt8(cp))
            case .letter:
                current.hasLetter = true
                if cp >= 0x80 {
                    let before = current.folded.count
                    LatinFolding.append(cp, to: &current.folded)
                    for j in before..<current.folded.count where current.folded[j] >= 0x80 {
                        current.isASCIILetters = false
                    }
                } else {
                    LatinFolding.append(cp, to: &current.folded)
                }
            case .separator, .space:
                break
            }
            i += len
        }
        current.end = Int32(n)
        if !current.folded.isEmpty {
            segments.append(current)
        } else if var last = segments.popLast() {
            last.connector = 0
            segments.append(last)
        }
        return segments
    }
}
