import Foundation

/// Finds references to lois, décrets, ordonnances, circulaires and CGCT articles and links
/// them to the law registry (`Corpus/reference/lois.tsv`). See `LawReferenceScanner` for the
/// grammar and `Corpus/reference/lois-sources.md` for the provenance of the registry.
public final class LawRecognizer: Sendable {
    /// Loads the law registry from the reference directory.
    public static func load(referenceDirectory: String) throws -> LawRecognizer {
        LawRecognizer(registry: try LawRegistry.load(directory: referenceDirectory))
    }

    /// A recognizer over a registry given as TSV text (tests, embedding).
    public static func load(registryTSV: String) throws -> LawRecognizer {
        LawRecognizer(registry: try LawRegistry(tsv: registryTSV))
    }

    let registry: LawRegistry

    init(registry: LawRegistry) {
        self.registry = registry
    }

    /// Official title of a registered act (`loi:2007-147`), or nil when not registered.
    public func title(for id: String) -> String? { registry.act(id: id)?.title }

    /// Official date (ISO) of a registered act, or nil.
    public func date(for id: String) -> String? { registry.act(id: id).flatMap { $0.date.isEmpty ? nil : $0.date } }

    /// Ids of every registered act.
    public var registeredIds: [String] { registry.acts.map(\.id) }

    /// References in `text`. `title` is the document's title: when it names a code ("Code
    /// du travail — Article L1233-58"), bare article numbers in the text are that code's.
    public func recognize(text: String, title: String? = nil) -> [Entity] {
        var copy = text
        let scanner = LawReferenceScanner(registry: registry)
        var code = LawReferenceScanner.Code.none
        if var title { code = title.withUTF8 { scanner.code(title: $0) } }
        return copy.withUTF8 { scanner.scan($0, code: code) }
    }

    /// Resolves what a user types after `loi:` ("2005-95", "Oudin-Santini", "loi Thiollière",
    /// "L1115-1", "L. 1115-1", "loi du 6 février 1992", "circulaire:1983-05-26") to a
    /// normalized id (`loi:2005-95`, `cgct:L1115-1`), or nil.
    public func resolve(_ name: String) -> String? {
        var value = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { return nil }
        if value.lowercased().hasPrefix("loi:") { value = String(value.dropFirst(4)) }
        // Already an id.
        for prefix in ["loi:", "cgct:", "circulaire:", "decret:", "ordonnance:", "constitution:"] where value.hasPrefix(prefix) {
            return value
        }
        // Recognize the value as text, with and without a leading "loi".
        for candidate in [value, "loi " + value] {
            let found = recognize(text: candidate)
            if let e = found.first, found.count == 1, e.start == 0, e.end >= candidate.utf8.count - 1 {
                return e.normalized
            }
        }
        let folded = FrenchBytes.foldedKey(value)
        var words = folded.split(separator: " ").map(String.init)
        while let w = words.first, ["la", "le", "loi", "dite", "dispositif", "article", "art"].contains(w) { words.removeFirst() }
        guard !words.isEmpty else { return nil }
        // Popular names, hyphens and accents ignored.
        let key = words.map { Array($0.utf8) }
        for (alias, index) in registry.aliases where alias == key {
            return registry.acts[index].id
        }
        // Law numbers: "2005-95", "92-125", "n° 2007-147".
        let joined = words.joined(separator: " ")
        let digitsOnly = joined.replacingOccurrences(of: "n ", with: "")
        let parts = digitsOnly.split(separator: " ")
        if parts.count == 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), [2, 4].contains(parts[0].count) {
            let num = "\(parts[0])-\(Int(parts[1]) ?? 0)"
            if let act = registry.act(number: num) { return act.id }
            return "loi:" + num
        }
        // Code articles: "L1115-1", "l 1115 1", "L. 1115-1-1".
        if let first = words.first, ["l", "r", "d", "lo"].contains(first) || first.first == "l" {
            var rest = words
            var prefix = first
            if first.count > 1, first.hasPrefix("l"), Int(first.dropFirst()) != nil {
                prefix = "l"
                rest[0] = String(first.dropFirst())
            } else {
                rest.removeFirst()
            }
            if rest.count >= 2, rest.allSatisfy({ $0.allSatisfy(\.isNumber) }) {
                return "cgct:" + prefix.uppercased() + rest[0] + "-" + rest.dropFirst().map { String(Int($0) ?? 0) }.joined(separator: "-")
            }
        }
        // Prefix of a popular name ("oudin" is itself an alias; "thiolliere" too).
        for (alias, index) in registry.aliases where alias.first == key.first && key.count == 1 {
            return registry.acts[index].id
        }
        return nil
    }
}
