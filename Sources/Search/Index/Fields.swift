import Entities
import Extraction

/// The fields of the index. A term key is one field byte followed by the term's bytes, so
/// one sorted dictionary holds every field and a field's terms are contiguous.
enum Field: UInt8 {
    /// Stemmed words of the title and the text, with positions (matching, BM25, phrases).
    case body = 1
    /// Unstemmed folded words of the title and the text that differ from their stem
    /// (prefix queries look in both fields).
    case surface = 2
    /// Entity and metadata values: `loi:loi:2005-95`, `pays:MA`, `annee:2013`, `format:pdf`…
    case entity = 4
    /// The source path (deletion by source).
    case source = 5

    var hasPositions: Bool { self == .body }

    func key(_ value: String) -> [UInt8] {
        var k: [UInt8] = [rawValue]
        k.append(contentsOf: value.utf8)
        return k
    }
}

/// Entity-field values derived from a document and its entities.
enum EntityTerms {
    /// Facet families (the `facets` object of the contract).
    static let facetFamilies = ["pays", "loi", "collectivite", "annee"]

    /// Values such as `loi:loi:2005-95`, `pays:MA`, `collectivite:commune:90010`,
    /// `annee:2013`, `format:pdf`, `organisation:afd` (deduplicated, stable order).
    static func values(document: Document, entities: [Entity]) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        func add(_ v: String) {
            if seen.insert(v).inserted { out.append(v) }
        }
        add("format:" + document.format.rawValue)
        if let date = document.date, let y = year(date.prefix(4)) { add("annee:\(y)") }
        for e in entities {
            switch e.type {
            case .date:
                // A date or a range "start/end": every year it covers (bounded).
                let parts = e.normalized.split(separator: "/")
                if let first = parts.first, let y1 = year(first.prefix(4)) {
                    let y2 = parts.count > 1 ? (year(parts[1].prefix(4)) ?? y1) : y1
                    if y2 >= y1, y2 - y1 <= 30 {
                        for y in y1...y2 { add("annee:\(y)") }
                    } else {
                        add("annee:\(y1)")
                    }
                }
            case .loi, .pays, .collectivite, .organisation, .montant:
                add(e.type.rawValue + ":" + e.normalized)
            }
        }
        return out
    }

    private static func year(_ s: Substring) -> Int? {
        guard s.count == 4, let y = Int(s), y >= 1000, y <= 2999 else { return nil }
        return y
    }

    static func isFacet(_ value: String) -> Bool {
        for f in facetFamilies where value.hasPrefix(f) && value.utf8.count > f.utf8.count
            && value.utf8[value.utf8.index(value.utf8.startIndex, offsetBy: f.utf8.count)] == UInt8(ascii: ":") {
            return true
        }
        return false
    }
}
