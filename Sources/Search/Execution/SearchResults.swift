import Entities
import Extraction

/// One hit of a search, as the contract's JSON shows it.
public struct SearchHit: Sendable {
    public var id: String
    public var source: String
    public var item: String?
    public var title: String?
    public var date: String?
    public var format: DocumentFormat
    /// Page of the snippet when the document has pages.
    public var page: Int?
    public var score: Double
    /// True when the document lacks some of the query's words (page filled up).
    public var partial: Bool
    /// Best window of the text, matched words wrapped in `[` `]`.
    public var snippet: String
    /// Distinct entities of the document (type, normalized id, first surface form).
    public var entities: [(type: EntityType, normalized: String, text: String)]
}

public struct SearchResults: Sendable {
    public var query: String
    /// Documents containing all the words (full matches).
    public var total: Int
    public var tookMilliseconds: Double
    public var hits: [SearchHit]
    /// Counts over all full matches: family (`pays`, `loi`, `collectivite`, `annee`) →
    /// value → documents. Nil unless facets were requested.
    public var facets: [String: [(value: String, count: Int)]]?
}

/// Figures about an index (`cooplex stats`).
public struct IndexStatistics: Sendable {
    public var documents: Int
    public var deletedDocuments: Int
    public var segments: Int
    /// Distinct terms summed over segments (all fields).
    public var terms: Int
    public var sources: Int
    public var bytesOnDisk: Int
    /// Postings + positions + term dictionaries.
    public var indexBytes: Int
    /// Compressed stored fields.
    public var storeBytes: Int
    public var generation: Int
}
