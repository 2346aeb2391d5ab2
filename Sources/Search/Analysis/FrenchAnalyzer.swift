/// What kind of term the analyzer emits. The index may store kinds in different fields.
public enum TermKind: UInt8, Sendable {
    /// The folded, stemmed form: what matching and BM25 use.
    case stem = 0
    /// The folded, unstemmed form: what prefix queries use.
    case surface = 1
}

/// French analysis: tokenization on UTF-8 bytes, elisions, lower case, accent folding,
/// compounds as whole + parts, legal numbers kept whole, light stemming, stop words.
/// One analyzer instance per thread (it caches per distinct word; not thread-safe).
///
/// ## What is emitted, exactly
/// Text is cut into tokens: runs of letters (any script; accented Latin included) and ASCII
/// digits, where an apostrophe (`'` `’`) or hyphen (`-` U+2010 U+2011) *between* two word
/// characters joins, and so does `.` or `,` between two digits ("7,5"). Every token takes
/// positions; for each position the analyzer emits a `.stem` term then a `.surface` term
/// (same position, same byte range), both lower-cased and accent-folded ("É" → "e", "œ" →
/// "oe", "ç" → "c"); `.stem` is also stemmed by `FrenchLightStemmer`.
/// - **Stop words** ("le", "de", "et"…, see `FrenchStopWords`) emit nothing but take their
///   position: "droits et libertés" → droit@0, libert@2.
/// - **Elisions** ("l'", "d'", "qu'", "jusqu'", "lorsqu'"…) are removed and take no
///   position: "l'État" → etat@0 (byte range of "État").
/// - **Compounds** ("Oudin-Santini"): the whole at the first part's position, flagged
///   `isCompoundWhole` in `analyzedTerms`, then each part at consecutive positions:
///   oudin-santini@p, oudin@p, santini@p+1; the next token is at p+2. So "loi Oudin",
///   "Oudin Santini" and "loi Oudin-Santini" all match as phrases on the parts, and the
///   whole gives an exact, cheap look-up for the compound itself. An elided article inside a
///   compound ("Côte-d'Azur") stays in the whole and takes no position.
/// - **Numbers**: "2005", "7,5"; hyphenated numbers stay one term ("2005-95", "1115-1-1");
///   a range of years ("2013-2015") is a compound (whole + each year).
/// - **Legal article numbers**: "L. 1115-1", "L.1115-1", "L 1115-1", "L1115-1" and
///   "l1115-1" → one term "l1115-1" (also R., D., A.).
/// - "n°"/"nº" before a number is dropped without a position: "n° 2005-95" = "2005-95".
/// - **Percentages**: "1 %", "1%", "0,5 %" (any space or none) → "1%", "0,5%".
/// - Tokens longer than 255 bytes take a position and emit nothing.
public final class FrenchAnalyzer {
    let cache: AnalysisCache
    /// Copied into a local before each loop (globals pay a lazy-initialization check).
    private let asciiClasses: [ScalarClass] = (0..<128).map { ScalarClass.ascii(UInt8($0)) }

    /// Caches up to 500,000 distinct tokens (about 40 MB at worst).
    public convenience init() { self.init(cacheLimit: 500_000) }

    /// `cacheLimit`: distinct tokens kept before the cache is cleared (0 disables it).
    public init(cacheLimit: Int) {
        cache = AnalysisCache(limit: cacheLimit)
    }

    /// Calls `emit` for every term of `text` (UTF-8 bytes). `term` is only valid during the
    /// call. `position` counts tokens (stop words consume a position but emit nothing
    /// scored); `start`/`end` are byte offsets of the surface token in `text`.
    public func analyze(
        _ text: UnsafeBufferPointer<UInt8>,
        emit: (_ term: UnsafeBufferPointer<UInt8>, _ kind: TermKind, _ position: Int32, _ start: Int32, _ end: Int32) -> Void
    ) {
        _ = run(text, firstPosition: 0) { term, kind, position, start, end, _, _ in
            emit(term, kind, position, start, end)
        }
    }

    /// As `analyze(_:emit:)`, with positions starting at `firstPosition` (to analyze several
    /// pieces of one field as one text). Returns the position after the last token.
    @discardableResult
    public func analyze(
        _ text: UnsafeBufferPointer<UInt8>, firstPosition: Int32,
        emit: (_ term: UnsafeBufferPointer<UInt8>, _ kind: TermKind, _ position: Int32, _ start: Int32, _ end: Int32) -> Void
    ) -> Int32 {
        run(text, firstPosition: firstPosition) { term, kind, position, start, end, _, _ in
            emit(term, kind, position, start, end)
        }
    }

    /// As `analyze(_:emit:)`, but stops at the next token once `stop` is set to true (by
    /// `emit`, typically): snippets need not analyze the rest of a long document. With
    /// `filter`, a plain word (no apostrophe or hyphen) starting with an ASCII byte whose
    /// lower case the filter rejects takes its position without being analyzed (see
    /// `TermFilter`).
    func analyze(
        _ text: UnsafeBufferPointer<UInt8>, stop: UnsafeMutablePointer<Bool>, filter: TermFilter? = nil,
        emit: (_ term: UnsafeBufferPointer<UInt8>, _ kind: TermKind, _ position: Int32, _ start: Int32, _ end: Int32) -> Void
    ) {
        _ = run(text, firstPosition: 0, stop: stop, filter: filter) { term, kind, position, start, end, _, _ in
            emit(term, kind, position, start, end)
        }
    }

    /// Which words a caller needs the terms of, judged on their first byte: a plain word's
    /// terms (stem and surface form) begin with its first byte folded to lower case, since
    /// folding keeps an ASCII letter and stemming only changes a word's end. A snippet
    /// looks for a few query terms; the other words only need their positions counted, and
    /// skipping their analysis skips a look-up in the (large) analysis cache.
    struct TermFilter {
        /// Per ASCII byte, whether a word starting with it may hold a wanted term (see
        /// `Table`).
        let accepts: UnsafePointer<Bool>
        /// A skipped word past this position or starting past this byte offset (read at
        /// each skipped word) ends the analysis (and sets `stop`), as a word analyzed there
        /// would.
        let maxPosition: Int32
        let maxStart: UnsafePointer<Int>

        /// The `accepts` table for terms starting with given bytes (upper and lower case of
        /// a letter both accepted), owned by whoever keeps it.
        final class Table {
            let accepts: UnsafeMutablePointer<Bool>

            /// nil when every word must be analyzed (a term starting with a non-ASCII byte,
            /// or an empty one).
            init?(firstBytesOf wanted: [[UInt8]]) {
                for t in wanted {
                    guard let b = t.first, b < 0x80 else { return nil }
                }
                accepts = .allocate(capacity: 128)
                accepts.initialize(repeating: false, count: 128)
                for t in wanted {
                    let b = t[0]
                    accepts[Int(b)] = true
                    if b >= 0x61 && b <= 0x7A { accepts[Int(b - 0x20)] = true }
                }
            }

            deinit { accepts.deallocate() }
        }
    }

    private static let idOffset = MemoryLayout<AnalysisCache.CachedTerm>.offset(of: \AnalysisCache.CachedTerm.id)!

    /// The indexing path: like `analyze(_:firstPosition:emit:)`, but each term is turned
    /// into an id by `resolve` only the first time its word is seen; the id is kept in the
    /// analysis cache, so later occurrences cost no look-up. `emit` gets the id (negative:
    /// `resolve` said to skip the term). The analyzer must serve one id space only (one
    /// index segment builder).
    func analyzeResolved(
        _ text: UnsafeBufferPointer<UInt8>, firstPosition: Int32,
        resolve: (_ term: UnsafeBufferPointer<UInt8>, _ kind: TermKind, _ position: Int32) -> Int32,
        emit: (_ id: Int32, _ kind: TermKind, _ position: Int32, _ start: Int32) -> Void
    ) -> Int32 {
        run(text, firstPosition: firstPosition) { term, kind, position, start, _, _, slot in
            let id: Int32
            if let slot {
                if slot.pointee == AnalysisCache.CachedTerm.unresolved { slot.pointee = resolve(term, kind, position) }
                id = slot.pointee
            } else {
                id = resolve(term, kind, position)
            }
            emit(id, kind, position, start)
        }
    }

    /// Convenience for queries and tests: the terms of `text` of one kind, in order.
    public func terms(_ text: String, kind: TermKind = .stem) -> [String] {
        var out: [String] = []
        var copy = text
        copy.withUTF8 { buf in
            analyze(buf) { term, k, _, _, _ in
                if k == kind { out.append(String(decoding: term, as: UTF8.self)) }
            }
        }
        return out
    }

    /// Query side: every term of `text` with its stem, surface, position (from 0) and byte
    /// range, in order. A compound's whole comes first at its first part's position,
    /// flagged `isCompoundWhole`; a phrase or a multi-term word matches where every
    /// non-whole term appears at its relative position (the whole, when present, may be
    /// used as an extra, cheaper condition at its position).
    public func analyzedTerms(_ text: String) -> [AnalyzedTerm] {
        var out: [AnalyzedTerm] = []
        var copy = text
        copy.withUTF8 { buf in
            _ = run(buf, firstPosition: 0) { term, kind, position, start, end, whole, _ in
                let s = String(decoding: term, as: UTF8.self)
                if kind == .stem {
                    out.append(
                        AnalyzedTerm(
                            stem: s, surface: s, position: Int(position), start: Int(start), end: Int(end),
                            isCompoundWhole: whole))
                } else if var last = out.popLast() {
                    last.surface = s
                    out.append(last)
                }
            }
        }
        return out
    }

    /// Number of positions `text` occupies (stop words included).
    public func positionCount(_ text: String) -> Int {
        var copy = text
        return copy.withUTF8 { buf in Int(run(buf, firstPosition: 0) { _, _, _, _, _, _, _ in }) }
    }

    // MARK: - The loop

    typealias InternalEmit = (
        _ term: UnsafeBufferPointer<UInt8>, _ kind: TermKind, _ position: Int32, _ start: Int32, _ end: Int32,
        _ isCompoundWhole: Bool, _ slot: UnsafeMutablePointer<Int32>?
    ) -> Void

    @inline(__always)
    private func run(
        _ text: UnsafeBufferPointer<UInt8>, firstPosition: Int32, stop: UnsafeMutablePointer<Bool>? = nil,
        filter: TermFilter? = nil, emit: InternalEmit
    ) -> Int32 {
        guard let p = text.baseAddress, text.count > 0 else { return firstPosition }
        let n = text.count
        var position = firstPosition
        var scratch: [UInt8] = []
        return asciiClasses.withUnsafeBufferPointer { classes -> Int32 in
            @inline(__always) func classAt(_ i: Int) -> (ScalarClass, Int) {
                let b = p[i]
                return b < 0x80 ? (classes[Int(b)], 1) : classify(p, i, n)
            }
            @inline(__always) func isWord(_ c: ScalarClass) -> Bool { c == .letter || c == .digit }

            /// The end of the token starting at `i`, and whether it holds only digits and
            /// decimal marks.
            @inline(__always) func scan(_ from: Int) -> (end: Int, numeric: Bool, joined: Bool) {
                var j = from
                var numeric = true
                var joined = false
                var previousDigit = false
                while j < n {
                    let (c, l) = classAt(j)
                    if c == .letter {
                        numeric = false
                        previousDigit = false
                        j += l
                        // The rest of a run of ASCII letters (most of French text) without
                        // the general dispatch.
                        while j < n, p[j] < 0x80, classes[Int(p[j])] == .letter { j += 1 }
                    } else if c == .digit {
                        previousDigit = true
                        j += l
                    } else if c == .apostrophe || c == .hyphen {
                        guard j + l < n, isWord(classAt(j + l).0) else { break }
                        numeric = false
                        joined = true
                        previousDigit = false
                        j += l
                    } else if c == .decimalMark && previousDigit && j + 1 < n && p[j + 1] &- 0x30 < 10 {
                        j += 1
                    } else {
                        break
                    }
                }
                return (j, numeric, joined)
            }

            /// Skips up to 3 spaces (plain, no-break, narrow no-break, thin).
            @inline(__always) func skipSpaces(_ from: Int) -> Int {
                var k = from
                var count = 0
                while k < n && count < 3 {
                    let (c, l) = classAt(k)
                    guard c == .space else { break }
                    k += l
                    count += 1
                }
                return k
            }

            var view = cache.view
            var i = 0
            while i < n {
                let (c, l) = classAt(i)
                guard isWord(c) else {
                    i += l
                    continue
                }
                if let stop, stop.pointee { break }
                let start = i
                let (end, numeric, joined) = scan(i)
                let length = end - start

                if length == 1 {
                    let b = p[start] | 0x20
                    // "n°", "nº": dropped, no position.
                    if b == UInt8(ascii: "n") && end + 1 < n && p[end] == 0xC2
                        && (p[end + 1] == 0xB0 || p[end + 1] == 0xBA)
                    {
                        i = end + 2
                        continue
                    }
                    // "L. 1115-1", "R.1115-2", "D 123-4" → "l1115-1".
                    if TokenAnalysis.isLegalLetter(b) {
                        var k = end
                        if k < n && p[k] == UInt8(ascii: ".") { k += 1 }
                        k = skipSpaces(k)
                        if k < n && p[k] &- 0x30 < 10 {
                            let numberEnd = scan(k).end
                            if FrenchAnalyzer.isHyphenatedNumber(p + k, numberEnd - k) {
                                scratch.removeAll(keepingCapacity: true)
                                scratch.append(b)
                                scratch.append(contentsOf: UnsafeBufferPointer(start: p + k, count: numberEnd - k))
                                scratch.withUnsafeBufferPointer { t in
                                    emit(t, .stem, position, Int32(start), Int32(numberEnd), false, nil)
                                    emit(t, .surface, position, Int32(start), Int32(numberEnd), false, nil)
                                }
                                position += 1
                                i = numberEnd
                                continue
                            }
                        }
                    }
                }
                // "1 %", "0,5%" → "1%", "0,5%".
                if numeric {
                    let k = skipSpaces(end)
                    if k < n && p[k] == UInt8(ascii: "%") {
                        scratch.removeAll(keepingCapacity: true)
                        scratch.append(contentsOf: UnsafeBufferPointer(start: p + start, count: length))
                        scratch.append(UInt8(ascii: "%"))
                        scratch.withUnsafeBufferPointer { t in
                            emit(t, .stem, position, Int32(start), Int32(k + 1), false, nil)
                            emit(t, .surface, position, Int32(start), Int32(k + 1), false, nil)
                        }
                        position += 1
                        i = k + 1
                        continue
                    }
                }
                if length > 255 {
                    position += 1
                    i = end
                    continue
                }

                if let filter, !joined, p[start] < 0x80, !filter.accepts[Int(p[start])] {
                    // A plain word, one position, none of whose terms is wanted.
                    if position > filter.maxPosition || start > filter.maxStart.pointee {
                        stop?.pointee = true
                        break
                    }
                    position += 1
                    i = end
                    continue
                }
                // Everything else: the cached analysis of the token's bytes.
                let key = p + start
                let h = AnalysisCache.hash(key, length)
                let record: AnalysisCache.Record
                if let found = view.find(key, length, hash: h) {
                    record = found
                } else {
                    let raw = UnsafeBufferPointer(start: key, count: length)
                    record = cache.insert(raw, hash: h, TokenAnalysis(raw: raw))
                    view = cache.view
                }
                var t = record.terms
                let stop = t + record.termCount
                while t < stop {
                    let term = t.pointee
                    emit(
                        UnsafeBufferPointer(
                            start: (record.base + Int(term.offset)).assumingMemoryBound(to: UInt8.self),
                            count: Int(term.length)),
                        term.kind, position + Int32(term.relativePosition),
                        Int32(start) + Int32(term.start), Int32(start) + Int32(term.end), term.isCompoundWhole,
                        (UnsafeMutableRawPointer(mutating: t) + FrenchAnalyzer.idOffset).assumingMemoryBound(to: Int32.self))
                    t += 1
                }
                position += record.width
                i = end
            }
            return position
        }
    }

    /// Digits, one or more "-digits" groups ("1115-1", "1115-1-1").
    static func isHyphenatedNumber(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard n >= 3, p[0] &- 0x30 < 10, p[n - 1] &- 0x30 < 10 else { return false }
        var hyphens = 0
        for i in 0..<n {
            let b = p[i]
            if b == UInt8(ascii: "-") {
                hyphens += 1
                if p[i - 1] == UInt8(ascii: "-") { return false }
            } else if b &- 0x30 >= 10 {
                return false
            }
        }
        return hyphens > 0
    }
}

/// One term of an analyzed query text (see `FrenchAnalyzer.analyzedTerms`).
public struct AnalyzedTerm: Sendable, Hashable, CustomStringConvertible {
    /// Folded and stemmed: what matching uses.
    public var stem: String
    /// Folded, not stemmed: what prefix queries use.
    public var surface: String
    /// Position from 0 (stop words count).
    public var position: Int
    /// UTF-8 byte range in the analyzed text.
    public var start: Int
    public var end: Int
    /// The whole of a compound, at the position of its first part.
    public var isCompoundWhole: Bool

    public init(stem: String, surface: String, position: Int, start: Int, end: Int, isCompoundWhole: Bool) {
        self.stem = stem
        self.surface = surface
        self.position = position
        self.start = start
        self.end = end
        self.isCompoundWhole = isCompoundWhole
    }

    public var description: String { "\(stem)@\(position)\(isCompoundWhole ? "*" : "")" }
}
