import Foundation
import Entities

/// One term of a compiled query, looked up in every segment.
final class TermLeaf {
    enum Scoring {
        /// BM25 on the body field, plus the title boost when the word is in the title.
        case body
        /// Only where the word is in the title (`titre:`), BM25 on the title's length.
        case title
        /// BM25 on entity mentions (a law named in a free-text query).
        case entity
        /// A filter: matches without scoring.
        case none
    }

    let field: Field
    let key: [UInt8]
    /// The term's text (its key without the field byte), made when asked: a prefix's
    /// hundreds of expansions need none.
    var text: String { String(decoding: key.dropFirst(), as: UTF8.self) }
    var infos: [TermInfo?]
    let docFreq: Int
    let idf: Float
    let scoring: Scoring
    var titleOnly: Bool { scoring == .title }

    convenience init(field: Field, text: String, segments: [SegmentReader], docCount: Int, scoring: Scoring) {
        let key = field.key(text)
        self.init(field: field, text: text, infos: segments.map { $0.terms.lookup(key) }, docCount: docCount, scoring: scoring)
    }

    /// A term whose look-ups in each segment are already done.
    convenience init(field: Field, text: String, infos: [TermInfo?], docCount: Int, scoring: Scoring) {
        self.init(field: field, key: field.key(text), infos: infos, docCount: docCount, scoring: scoring)
    }

    /// A term given by its dictionary key (field byte, then the term's bytes), looked up
    /// already (prefix expansions).
    init(field: Field, key: [UInt8], infos: [TermInfo?], docCount: Int, scoring: Scoring) {
        self.field = field
        self.key = key
        self.scoring = scoring
        self.infos = infos
        docFreq = infos.reduce(0) { $0 + ($1?.docFreq ?? 0) }
        idf = BM25.idf(docFreq: docFreq, docCount: docCount)
    }
}

/// A query compiled against the open segments.
indirect enum QueryPlan {
    case leaf(TermLeaf)
    /// Terms at relative positions, all required, positions checked.
    case phrase([TermLeaf], [Int32])
    /// Any of the terms (prefix expansions, analysis alternatives), scores added.
    case anyTerm([TermLeaf])
    case and([QueryPlan])
    case or([QueryPlan])
    case not(QueryPlan)
    /// Every live document (a query made only of exclusions and filters).
    case all
    case nothing

    /// Estimated number of postings to decode (orders the clauses of an AND).
    var cost: Int {
        switch self {
        case .leaf(let l): return l.docFreq
        case .phrase(let ls, _): return (ls.map(\.docFreq).min() ?? 0) * 2
        case .anyTerm(let ls): return ls.reduce(0) { $0 + $1.docFreq }
        case .and(let ps): return ps.map(\.cost).min() ?? 0
        case .or(let ps): return ps.reduce(0) { $0 + $1.cost }
        case .not: return Int.max / 4
        case .all: return Int.max / 4
        case .nothing: return 0
        }
    }

    /// A clause that counts as one of "the words" for partial matches (not a filter).
    var isWordClause: Bool {
        switch self {
        case .leaf(let l): return l.scoring != .none
        case .phrase, .anyTerm: return true
        case .or(let ps), .and(let ps): return ps.contains { $0.isWordClause }
        case .not, .all, .nothing: return false
        }
    }
}

/// Turns a `Query` into a `QueryPlan`: analyzes words with the index's analyzer, expands
/// prefixes, resolves entity names in field filters and law names in free text.
struct QueryCompiler {
    let segments: [SegmentReader]
    let docCount: Int
    let analyzer: FrenchAnalyzer
    let resolver: EntityNameResolver
    /// Stem terms and surface prefixes of the query, for snippets.
    var highlightTerms: Set<String> = []
    var highlightPrefixes: [String] = []
    /// The terms that prefixes expanded to, with their postings: stems (body terms, with
    /// positions) and surface forms (without): snippets look for them in the postings too.
    var expansionLeaves: [TermLeaf] = []
    /// A prefix had more expansions than `maxPrefixExpansions`: the expansions searched do
    /// not hold every word the snippets highlight.
    var prefixTruncated = false

    static let maxPrefixExpansions = 512

    init(segments: [SegmentReader], docCount: Int, analyzer: FrenchAnalyzer, resolver: EntityNameResolver) {
        self.segments = segments
        self.docCount = docCount
        self.analyzer = analyzer
        self.resolver = resolver
    }

    func leaf(_ field: Field, _ text: String, _ scoring: TermLeaf.Scoring) -> TermLeaf {
        TermLeaf(field: field, text: text, segments: segments, docCount: docCount, scoring: scoring)
    }

    /// Stem terms of `text` with their positions.
    func analyzed(_ text: String) -> [(term: String, position: Int32)] {
        var out: [(String, Int32)] = []
        var copy = text
        copy.withUTF8 { buf in
            analyzer.analyze(buf) { term, kind, position, _, _ in
                if kind == .stem { out.append((String(decoding: term, as: UTF8.self), position)) }
            }
        }
        return out
    }

    mutating func compile(_ query: Query) -> QueryPlan {
        switch query {
        case .word(let w):
            return words(w, field: .body, scoring: .body)
        case .phrase(let p):
            return words(p, field: .body, scoring: .body, forcePhrase: true)
        case .prefix(let p):
            return prefix(p)
        case .and(let qs):
            return .and(lawAware(qs))
        case .or(let qs):
            return .or(qs.map { compile($0) })
        case .not(let q):
            return .not(compile(q))
        case .field(let name, let value):
            return field(name: name, value: value)
        case .dateRange(_, let from, let to):
            return years(from, to)
        }
    }

    /// A word or a phrase: one term, alternatives at one position, or a phrase of slots.
    mutating func words(_ text: String, field: Field, scoring: TermLeaf.Scoring, forcePhrase: Bool = false) -> QueryPlan {
        let terms = analyzed(text)
        if terms.isEmpty { return .all }  // only stop words: no constraint
        for t in terms { highlightTerms.insert(t.term) }
        var groups: [(Int32, [String])] = []
        for t in terms {
            if let last = groups.last, last.0 == t.position {
                if !groups[groups.count - 1].1.contains(t.term) { groups[groups.count - 1].1.append(t.term) }
            } else {
                groups.append((t.position, [t.term]))
            }
        }
        func makeLeaf(_ term: String) -> TermLeaf { leaf(field, term, scoring) }
        if groups.count == 1 {
            let alts = groups[0].1
            if alts.count == 1 { return .leaf(makeLeaf(alts[0])) }
            return .anyTerm(alts.map(makeLeaf))
        }
        if scoring == .title {
            // Title words: all required (no title positions).
            return .and(groups.map { g in .leaf(makeLeaf(g.1.min { $0.utf8.count < $1.utf8.count }!)) })
        }
        // Several positions: a phrase over the most specific (shortest) term of each slot.
        let first = groups[0].0
        let leaves = groups.map { makeLeaf($0.1.min { $0.utf8.count < $1.utf8.count }!) }
        _ = forcePhrase
        return .phrase(leaves, groups.map { $0.0 - first })
    }

    mutating func prefix(_ text: String) -> QueryPlan {
        var surface: [String] = []
        var copy = text
        copy.withUTF8 { buf in
            analyzer.analyze(buf) { term, kind, _, _, _ in
                if kind == .surface { surface.append(String(decoding: term, as: UTF8.self)) }
            }
        }
        guard let stem = surface.last, !stem.isEmpty else { return .all }
        highlightPrefixes.append(stem)
        // Expansions across segments, most frequent first, bounded. Surface forms are
        // indexed only where they differ from the stem: look in both fields. Each
        // segment's dictionary gives its terms in order; the entries of all segments are
        // sorted once and equal terms grouped. Their bytes go into one arena (no array per
        // term), compared with memcmp.
        var expansions: [(key: [UInt8], docFreq: Int, infos: [TermInfo?])] = []
        var arena: [UInt8] = []
        arena.reserveCapacity(1024)
        var entries: [(start: Int, count: Int, segment: Int, info: TermInfo)] = []
        for field in [Field.surface, Field.body] {
            let key = field.key(stem)
            for (i, s) in segments.enumerated() {
                s.terms.forEach(prefix: key) { t, info in
                    entries.append((arena.count, t.count, i, info))
                    arena.append(contentsOf: t)
                    return true
                }
            }
        }
        arena.withUnsafeBufferPointer { bytes in
            func key(_ start: Int, _ count: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: bytes[start..<(start + count)])
            }
            if entries.count > 1 {
                entries.sort {
                    let c = compareBytes(key($0.start, $0.count), key($1.start, $1.count))
                    return c != 0 ? c < 0 : $0.segment < $1.segment
                }
            }
            // Equal terms of several segments: one expansion (its first entry and count).
            var groups: [(first: Int, count: Int, docFreq: Int)] = []
            groups.reserveCapacity(entries.count)
            for (k, e) in entries.enumerated() {
                if let last = groups.last,
                    compareBytes(key(entries[last.first].start, entries[last.first].count), key(e.start, e.count)) == 0
                {
                    groups[groups.count - 1].count += 1
                    groups[groups.count - 1].docFreq += e.info.docFreq
                } else {
                    groups.append((k, 1, e.info.docFreq))
                }
            }
            @inline(__always) func groupKey(_ g: (first: Int, count: Int, docFreq: Int)) -> UnsafeBufferPointer<UInt8> {
                key(entries[g.first].start, entries[g.first].count)
            }
            // A surface form whose stem is itself an expansion adds no document (every token
            // indexes its stem): reading both lists would only double the work and the
            // score. Body keys sort before surface keys (field byte): binary search among them.
            let bodyEnd = groups.firstIndex { groupKey($0).first != Field.body.rawValue } ?? groups.count
            if bodyEnd > 0, bodyEnd < groups.count {
                let connectors: [UInt8] = [UInt8(ascii: "-"), UInt8(ascii: "'")]
                // One buffer for every surface form's stem key (no arrays per form).
                var stemKey: [UInt8] = []
                func hasStemExpansion(_ surface: UnsafeBufferPointer<UInt8>) -> Bool {
                    stemKey.removeAll(keepingCapacity: true)
                    stemKey.append(Field.body.rawValue)
                    stemKey.append(contentsOf: surface)
                    let length = stemKey.withUnsafeMutableBufferPointer { FrenchLightStemmer.stem($0.baseAddress! + 1, $0.count - 1) }
                    stemKey.removeLast(stemKey.count - 1 - length)
                    return stemKey.withUnsafeBufferPointer { wanted in
                        var lo = 0
                        var hi = bodyEnd
                        while lo < hi {
                            let mid = (lo + hi) >> 1
                            if compareBytes(groupKey(groups[mid]), wanted) < 0 { lo = mid + 1 } else { hi = mid }
                        }
                        return lo < bodyEnd && compareBytes(groupKey(groups[lo]), wanted) == 0
                    }
                }
                groups = groups.filter { g in
                    let k = groupKey(g)
                    guard k.first == Field.surface.rawValue else { return true }
                    let surface = UnsafeBufferPointer(rebasing: k.dropFirst())
                    return surface.contains(where: connectors.contains) || !hasStemExpansion(surface)
                }
            }
            // Most frequent first; equal frequencies by bytes, so that the scores (sums over
            // the expansions) and their ties come out the same in every process.
            groups.sort { a, b in
                a.docFreq != b.docFreq ? a.docFreq > b.docFreq : compareBytes(groupKey(a), groupKey(b)) < 0
            }
            if groups.count > QueryCompiler.maxPrefixExpansions {
                groups.removeLast(groups.count - QueryCompiler.maxPrefixExpansions)
                prefixTruncated = true
            }
            expansions = groups.map { g in
                var infos = [TermInfo?](repeating: nil, count: segments.count)
                for e in entries[g.first..<(g.first + g.count)] { infos[e.segment] = e.info }
                return (Array(groupKey(g)), g.docFreq, infos)
            }
        }
        if expansions.isEmpty { return .nothing }
        let leaves = expansions.map { e in
            TermLeaf(field: Field(rawValue: e.key[0])!, key: e.key, infos: e.infos, docCount: docCount, scoring: .body)
        }
        expansionLeaves.append(contentsOf: leaves)
        let plan: QueryPlan = .anyTerm(leaves)
        if surface.count > 1 {
            // "Oudin-San*": the earlier parts are words.
            let others = surface.dropLast().map { words($0, field: .body, scoring: .body) }
            return .and(others + [plan])
        }
        return plan
    }

    /// Compiles the clauses of an AND; a law named in free text ("loi Oudin", "loi
    /// Thiollière") becomes (the words OR the law's entity term), so documents citing the
    /// law by number or another name match too.
    mutating func lawAware(_ qs: [Query]) -> [QueryPlan] {
        var words: [(Int, String)] = []
        for (i, q) in qs.enumerated() { if case .word(let w) = q { words.append((i, w)) } }
        guard words.contains(where: { ["loi", "lois"].contains($0.1.lowercased()) }) else { return qs.map { compile($0) } }
        var replaced = Set<Int>()
        var extra: [QueryPlan] = []
        var k = 0
        while k < words.count {
            guard ["loi", "lois"].contains(words[k].1.lowercased()) else { k += 1; continue }
            var matched = false
            for len in stride(from: min(4, words.count - k - 1), through: 1, by: -1) {
                let span = words[k...(k + len)]
                // Only consecutive query words.
                guard span.last!.0 - span.first!.0 == len else { continue }
                let name = span.map(\.1).joined(separator: " ")
                if let id = resolver.resolve(name, as: .loi) {
                    let original = QueryPlan.and(span.map { compile(.word($0.1)) })
                    extra.append(.or([original, entity("loi:" + id, scoring: .entity)]))
                    for w in span { replaced.insert(w.0) }
                    k += len + 1
                    matched = true
                    break
                }
            }
            if !matched { k += 1 }
        }
        return qs.enumerated().filter { !replaced.contains($0.offset) }.map { compile($0.element) } + extra
    }

    func entity(_ value: String, scoring: TermLeaf.Scoring = .none) -> QueryPlan {
        .leaf(leaf(.entity, value, scoring))
    }

    mutating func field(name: String, value: String) -> QueryPlan {
        let v = value.trimmingCharacters(in: .whitespaces)
        switch name.lowercased() {
        case "titre", "title":
            return words(v, field: .body, scoring: .title)
        case "pays":
            let isCode = v.utf8.count == 2 && v.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
            let code = isCode ? v.uppercased() : (resolver.resolve(v, as: .pays) ?? v.uppercased())
            return entity("pays:" + code)
        case "loi":
            if let id = resolver.resolve(v, as: .loi) { return entity("loi:" + id) }
            let lower = v.lowercased()
            for kind in ["loi:", "cgct:", "decret:", "ordonnance:", "circulaire:", "constitution:"] where lower.hasPrefix(kind) {
                return entity("loi:" + lower)
            }
            return entity("loi:loi:" + v.replacingOccurrences(of: " ", with: ""))
        case "collectivite", "collectivité":
            if v.contains(":") { return entity("collectivite:" + v) }
            if let id = resolver.resolve(v, as: .collectivite) { return entity("collectivite:" + id) }
            return .nothing
        case "format":
            return entity("format:" + v.lowercased())
        case "date", "annee", "année":
            if let y = Int(v.prefix(4)), v.utf8.count >= 4 { return years(y, y) }
            return .nothing
        case "organisation":
            return entity("organisation:" + v.lowercased())
        default:
            // Not a field we know: the text as typed ("http:", "article:").
            return words(name + ":" + value, field: .body, scoring: .body)
        }
    }

    /// Documents of the years `from...to` (open ends allowed): the `annee:` values in the
    /// dictionaries within the range.
    func years(_ from: Int, _ to: Int) -> QueryPlan {
        let (lo, hi) = from <= to ? (from, to) : (to, from)
        var found = Set<String>()
        let key = Field.entity.key("annee:")
        for s in segments {
            s.terms.forEach(prefix: key) { t, _ in
                let value = String(decoding: UnsafeBufferPointer(rebasing: t[key.count...]), as: UTF8.self)
                if let y = Int(value), y >= lo, y <= hi { found.insert(value) }
                return true
            }
        }
        if found.isEmpty { return .nothing }
        return .anyTerm(found.sorted().map { leaf(.entity, "annee:" + $0, .none) })
    }
}

/// Resolves entity names typed in queries (`pays:Maroc`, `loi:"Oudin-Santini"`,
/// `collectivite:Belfort`), loading the reference data only on first need, cached.
final class EntityNameResolver: @unchecked Sendable {
    private var cache: [String: String?] = [:]
    private let lookup: (String, EntityType) -> String?

    /// Resolves through the Entities module's reference data, loaded on the first call:
    /// only the law registry for laws (a query naming a law stays fast in a fresh
    /// process), the whole recognizer (gazetteer, countries) for the other types.
    convenience init() {
        var laws: LawRecognizer?
        var triedLaws = false
        var recognizer: EntityRecognizer?
        var tried = false
        self.init { value, type in
            if type == .loi {
                if !triedLaws {
                    triedLaws = true
                    laws = (try? ReferenceDirectory.locate(explicit: nil)).flatMap { try? LawRecognizer.load(referenceDirectory: $0) }
                }
                return laws?.resolve(value)
            }
            if !tried {
                tried = true
                recognizer = try? EntityRecognizer.load()
            }
            return recognizer?.resolve(value, as: type)
        }
    }

    init(lookup: @escaping (String, EntityType) -> String?) {
        self.lookup = lookup
    }

    private let lock = NSLock()

    func resolve(_ value: String, as type: EntityType) -> String? {
        lock.lock()
        defer { lock.unlock() }
        let key = type.rawValue + "\u{1}" + value
        if let c = cache[key] { return c }
        let r = lookup(value, type)
        cache[key] = r
        return r
    }
}
