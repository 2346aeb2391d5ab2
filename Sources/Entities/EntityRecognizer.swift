import Extraction
import Foundation

/// All recognizers behind one call. Loading reads the reference data once (gazetteer,
/// country names, law registry); recognizing is thread-safe and allocation-light.
///
/// One pass over the text: the UTF-8 bytes are tokenized once (folded words interned to
/// ids), one trie walk finds every reference name, then the place, organisation and
/// amount rules decide; dates and laws have their own recognizers.
public final class EntityRecognizer: Sendable {
    /// Loads the reference data from `referenceDirectory`, or from the default place
    /// (`$COOPLEX_REFERENCE`, else `Corpus/reference` found from the executable or the
    /// current directory). The default load is cached: loading twice costs nothing.
    public static func load(referenceDirectory: String? = nil) throws -> EntityRecognizer {
        let directory = try ReferenceDirectory.locate(explicit: referenceDirectory)
        return try cache.recognizer(for: directory)
    }

    private static let cache = Cache()

    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var loaded: [String: EntityRecognizer] = [:]

        func recognizer(for directory: String) throws -> EntityRecognizer {
            lock.lock()
            defer { lock.unlock() }
            if let r = loaded[directory] { return r }
            let r = try EntityRecognizer(directory: directory)
            loaded[directory] = r
            return r
        }
    }

    private let dates: DateRecognizer
    private let laws: LawRecognizer
    private let tokenizer: Tokenizer
    private let places: PlaceRecognizer
    private let organisations: OrganisationRecognizer
    private let amounts: AmountRecognizer
    private let gazetteer: Gazetteer

    /// Whether the precompiled reference image (`Corpus/reference/gazetteer.bin`) was used;
    /// otherwise the TSV files were compiled at load (correct, slower).
    public var referenceImage: ReferenceImageStatus { gazetteer.imageStatus }

    private init(directory: String) throws {
        let g = try Gazetteer(directory: directory)
        let words = ContextWords { g.wordID($0) }
        gazetteer = g
        tokenizer = Tokenizer(vocabulary: g.vocabulary)
        places = PlaceRecognizer(gazetteer: g, words: words)
        organisations = OrganisationRecognizer(gazetteer: g)
        amounts = AmountRecognizer(words: words)
        dates = DateRecognizer()
        laws = try LawRecognizer.load(referenceDirectory: directory)
    }

    /// Entities of `text`, in document order (by start offset), non-overlapping per type.
    /// `title` is the document's title, context for the law references (the code a code
    /// article belongs to).
    public func recognize(text: String, title: String? = nil, types: Set<EntityType> = Set(EntityType.allCases)) -> [Entity] {
        var out: [Entity] = []
        let wantsNames = types.contains(.collectivite) || types.contains(.pays) || types.contains(.organisation)
        if wantsNames || types.contains(.montant) {
            var copy = text
            copy.withUTF8 { bytes in
                let tokens = tokenizer.tokenize(bytes)
                if wantsNames {
                    let spans = places.candidates(tokens)
                    if types.contains(.collectivite) || types.contains(.pays) {
                        out += places.recognize(tokens, spans: spans, text: bytes, types: types)
                    }
                    if types.contains(.organisation) {
                        out += organisations.recognize(tokens, spans: spans, text: bytes)
                    }
                }
                if types.contains(.montant) { out += amounts.recognize(tokens, text: bytes) }
            }
        }
        if types.contains(.date) { out += dates.recognize(text: text) }
        if types.contains(.loi) { out += laws.recognize(text: text, title: title) }
        return out.sorted { ($0.start, $0.end, $0.type.rawValue) < ($1.start, $1.end, $1.type.rawValue) }
    }

    /// Resolves a name typed by a user to a normalized id of `type`, for search filters:
    /// `pays` "Maroc" → "MA"; `collectivite` "Belfort" → "commune:90010"; `loi`
    /// "Oudin-Santini" → "loi:2005-95". Nil when unknown (the caller then uses the value as typed).
    public func resolve(_ value: String, as type: EntityType) -> String? {
        switch type {
        case .loi: return laws.resolve(value)
        case .pays: return resolveName(value, kinds: [.pays, .demonyme], requireFlags: false).map { gazetteer.entries[Int($0)].country }
        case .collectivite:
            return resolveName(value, kinds: [.region, .departement, .commune, .epci, .etranger], requireFlags: true)
                .map { gazetteer.entries[Int($0)].id }
        case .organisation: return resolveName(value, kinds: [.organisation], requireFlags: false).map { gazetteer.entries[Int($0)].id }
        default: return nil
        }
    }

    /// The best entry named exactly `value` (folded), preferring the kinds in order;
    /// also accepts an id typed as is ("MA", "commune:90010", "region:42").
    private func resolveName(_ value: String, kinds: [GazetteerEntry.Kind], requireFlags: Bool) -> Int32? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let e = gazetteer.entry(id: trimmed) ?? gazetteer.entry(id: trimmed.uppercased()),
            kinds.contains(gazetteer.entries[Int(e)].kind)
        {
            return e
        }
        let ids = Tokenizer.foldedWords(trimmed).map { gazetteer.vocabulary.lookup($0) }
        guard !ids.isEmpty, !ids.contains(-1) else { return nil }
        var node: Int32 = 0
        for id in ids {
            guard let next = gazetteer.trie.child(node, id) else { return nil }
            node = next
        }
        var best: Int32?
        var bestRank = (Int.max, Int.min)
        for p in gazetteer.trie.patterns(at: node) {
            let pattern = gazetteer.patterns[Int(p)]
            if pattern.franco { continue }
            let entry = gazetteer.entries[Int(pattern.entry)]
            guard let rank = kinds.firstIndex(of: entry.kind) else { continue }
            if requireFlags && entry.flags.contains(.homonym) { continue }
            if rank < bestRank.0 || (rank == bestRank.0 && entry.population > bestRank.1) {
                best = pattern.entry
                bestRank = (rank, entry.population)
            }
        }
        return best
    }

    public func recognize(_ document: Document, types: Set<EntityType> = Set(EntityType.allCases)) -> [Entity] {
        recognize(text: document.text, title: document.title, types: types)
    }
}
