import Entities
import Extraction

/// Checks a cooperation convention against the CGCT: reads it (`ConventionReader`),
/// applies every rule of `RuleCatalog.standard`, and returns the report.
public final class ConventionChecker: Sendable {
    private let recognizer: EntityRecognizer?
    private let rules: [any ComplianceRule]
    private let reader = ConventionReader()

    /// With the entity recognizer: parties are linked (INSEE codes, countries), dates and
    /// amounts come from it when it finds them.
    public init(recognizer: EntityRecognizer) {
        self.recognizer = recognizer
        self.rules = RuleCatalog.standard
    }

    /// Without reference data: the reader works from the text alone.
    public init(recognizer: EntityRecognizer? = nil, rules: [any ComplianceRule] = RuleCatalog.standard) {
        self.recognizer = recognizer
        self.rules = rules
    }

    public func check(_ document: Document) -> ComplianceReport {
        let entities = recognizer?.recognize(document) ?? []
        let reading = reader.read(document, entities: entities)
        let results: [RuleResult]
        if reading.nature == .emergencyAid {
            // Humanitarian emergency aid needs no convention (CGCT L1115-1, al. 1; loi
            // n° 2007-147 dite Thiollière): the convention rules do not apply.
            let why = "Décision d'aide humanitaire d'urgence, non une convention : l'article L1115-1 permet de mettre en œuvre ou de soutenir une action à caractère humanitaire sans convention ; la loi n° 2007-147 dite Thiollière l'a posé : « \(LawTexts.thiolliere2007) » Les règles propres aux conventions ne s'appliquent pas."
            results = rules.map { rule in
                RuleResult(rule: rule, outcome: RuleOutcome(.notApplicable, evidence: reading.natureEvidence.map { [$0] } ?? [], why))
            }
        } else {
            results = rules.map { RuleResult(rule: $0, outcome: $0.evaluate(reading)) }
        }
        return ComplianceReport(source: document.source, text: document.text, reading: reading, results: results)
    }

    /// What the reader found, for callers that want the facts without the rules.
    public func read(_ document: Document) -> ConventionReading {
        reader.read(document, entities: recognizer?.recognize(document) ?? [])
    }
}
