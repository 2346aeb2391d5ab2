import Foundation

/// One act of the law registry (`Corpus/reference/lois.tsv`).
struct LegalAct: Sendable {
    var id: String  // loi:2007-147, cgct:L1115-1, circulaire:1983-05-26, constitution:2003
    var kind: String  // loi, constitution, circulaire, decret, ordonnance, cgct
    var number: String
    var date: String  // ISO, may be empty
    var title: String
    var legifrance: String
    var aliases: [String]
}

/// Errors while loading the registry, with a French message for the user.
public struct LawRegistryError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// The law registry: acts by id, number, (kind, date), popular name and title words.
/// Loading is one pass over a small TSV file (≈ 2 KB), well under a millisecond.
struct LawRegistry: Sendable {
    private(set) var acts: [LegalAct] = []
    private var byId: [String: Int] = [:]
    private var byNumber: [String: Int] = [:]
    private var byKindDate: [String: [Int]] = [:]
    /// Folded alias (words joined by one space, e.g. "oudin santini") → act index.
    private(set) var aliases: [(key: [[UInt8]], act: Int)] = []
    /// Content words of each loi title (folded), for title matches.
    private(set) var titleWords: [(words: [[UInt8]], act: Int)] = []

    static let fileName = "lois.tsv"

    static func load(directory: String) throws -> LawRegistry {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LawRegistryError(
                description: "registre des lois introuvable : \(path) (attendu dans le dossier de référence Corpus/reference)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LawRegistryError(description: "registre des lois illisible (UTF-8 attendu) : \(path)")
        }
        return try LawRegistry(tsv: text, source: path)
    }

    init(tsv: String, source: String = "lois.tsv") throws {
        var lineNumber = 0
        for rawLine in tsv.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 5 else {
                throw LawRegistryError(
                    description: "registre des lois \(source), ligne \(lineNumber) : \(f.count) colonnes au lieu de 7")
            }
            let act = LegalAct(
                id: f[0], kind: f[1], number: f[2], date: f[3], title: f[4],
                legifrance: f.count > 5 ? f[5] : "",
                aliases: f.count > 6 ? f[6].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } : [])
            add(act)
        }
    }

    private mutating func add(_ act: LegalAct) {
        let index = acts.count
        acts.append(act)
        byId[act.id] = index
        if !act.number.isEmpty { byNumber[act.number] = index }
        if !act.date.isEmpty { byKindDate[act.kind + "|" + act.date, default: []].append(index) }
        for alias in act.aliases {
            let words = FrenchBytes.foldedKey(alias).split(separator: " ").map { Array($0.utf8) }
            if !words.isEmpty { aliases.append((words, index)) }
        }
        // Longest aliases first so "Oudin-Santini" wins over "Oudin".
        aliases.sort { $0.key.count > $1.key.count }
        if act.kind == "loi" || act.kind == "constitution" {
            let words = Self.contentWords(FrenchBytes.foldedKey(act.title))
            if words.count >= 3 { titleWords.append((words, index)) }
        }
    }

    static let stopWords: Set<String> = [
        "loi", "lois", "a", "au", "aux", "de", "des", "du", "d", "la", "le", "les", "l", "et", "en", "relative",
        "relatif", "portant", "sur", "pour", "dans", "un", "une", "constitutionnelle", "organique",
    ]

    static let stopWordKeys: Set<[UInt8]> = Set(stopWords.map { Array($0.utf8) })

    static func contentWords(_ folded: String) -> [[UInt8]] {
        folded.split(separator: " ").map(String.init).filter { !stopWords.contains($0) }.map { Array($0.utf8) }
    }

    func act(id: String) -> LegalAct? { byId[id].map { acts[$0] } }
    func act(number: String) -> LegalAct? { byNumber[number].map { acts[$0] } }
    func acts(kind: String, date: String) -> [LegalAct] { (byKindDate[kind + "|" + date] ?? []).map { acts[$0] } }

    /// Laws of a given year (for "la loi de 1992"): only when exactly one is registered.
    func uniqueLaw(year: String) -> LegalAct? {
        let matches = acts.filter { $0.kind == "loi" && $0.date.hasPrefix(year + "-") }
        return matches.count == 1 ? matches[0] : nil
    }
}
