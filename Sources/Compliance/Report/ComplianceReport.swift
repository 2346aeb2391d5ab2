import Extraction

/// The result of checking one convention: verdict, parties, and each rule's outcome
/// with its evidence. `jsonObject()` is the contract's `cooplex check --json` object;
/// `renderText()` the French report for a lawyer.
public struct ComplianceReport: Sendable {
    public var source: String
    public var nature: ConventionReading.Nature
    public var verdict: Verdict
    public var parties: [Party]
    public var results: [RuleResult]
    /// Converts evidence byte offsets to code points for JSON.
    let offsets: CodePointOffsets?

    /// An empty report (no rule applied), kept for callers of the first API.
    public init(source: String) {
        self.source = source
        nature = .unknown
        verdict = .toVerify
        parties = []
        results = []
        offsets = nil
    }

    public init(source: String, text: String, reading: ConventionReading, results: [RuleResult]) {
        self.source = source
        nature = reading.nature
        parties = reading.parties
        self.results = results
        verdict = Verdict.aggregate(results)
        offsets = CodePointOffsets(text)
    }

    public func result(_ id: String) -> RuleResult? { results.first { $0.id == id } }

    public func status(_ id: String) -> RuleStatus? { result(id)?.outcome.status }

    // MARK: JSON

    /// The contract's JSON object for `cooplex check --json`.
    public func jsonObject() -> JSONValue {
        func cp(_ byte: Int) -> Int { offsets?.codePoint(atByte: byte) ?? byte }
        func evidence(_ p: Passage) -> JSONValue {
            .object([
                ("text", .string(p.text)), ("start", .int(cp(p.start))), ("end", .int(cp(p.end))),
                ("page", .optional(p.page)), ("article", .optional(p.article)),
            ])
        }
        let partyValues: [JSONValue] = parties.map { p in
            .object([
                ("role", .string(p.role.rawValue)), ("text", .string(p.name.text)), ("normalized", .optional(p.normalized)),
                ("kind", .string(p.kind.rawValue)),
                ("country", .optional(p.country.flatMap { $0.hasPrefix("?") ? nil : $0 })),
                ("representative", .optional(p.representative)),
                ("start", .int(cp(p.name.start))), ("end", .int(cp(p.name.end))),
            ])
        }
        let ruleValues: [JSONValue] = results.map { r in
            .object([
                ("id", .string(r.id)), ("title", .string(r.title)), ("basis", .string(r.basis)),
                ("status", .string(r.outcome.status.rawValue)),
                ("evidence", .array(r.outcome.evidence.map(evidence))),
                ("explanation", .string(r.outcome.explanation)),
                ("holds_verdict", .bool(r.outcome.holdsVerdict)),
                ("law", .string(r.lawText)),
            ])
        }
        return .object([
            ("source", .string(source)), ("verdict", .string(verdict.rawValue)), ("nature", .string(nature.rawValue)),
            ("parties", .array(partyValues)), ("rules", .array(ruleValues)),
        ])
    }

    // MARK: Text

    /// The French report for a lawyer: verdict first, then each rule.
    public func renderText() -> String {
        var lines: [String] = []
        lines.append("══ \(source)")
        lines.append("Verdict : \(verdict.frenchLabel)" + verdictReason())
        switch nature {
        case .convention: lines.append("Nature : convention de coopération")
        case .emergencyAid: lines.append("Nature : décision d'aide humanitaire d'urgence (pas une convention)")
        case .unknown: lines.append("Nature : non reconnue — ce document ne se présente ni comme une convention ni comme une décision d'aide d'urgence ; les règles sont appliquées à titre indicatif")
        }
        if !parties.isEmpty {
            lines.append("Parties :")
            for p in parties {
                var detail = p.role.frenchLabel
                if p.kind != .unknown && p.kind != .foreignLocalAuthority { detail += ", \(p.kind.frenchLabel)" }
                if let n = p.normalized { detail += ", \(n)" }
                lines.append("  • \(p.name.text) — \(detail)")
            }
        }
        lines.append("")
        if nature == .emergencyAid, let first = results.first {
            for e in first.outcome.evidence.prefix(2) {
                let location = e.locationDescription
                lines.append("Preuve\(location.isEmpty ? "" : " (\(location))") : « \(Self.quote(e.text)) »")
            }
            lines.append("→ \(first.outcome.explanation)")
            lines.append("Règles de la convention : " + results.map { "\($0.outcome.status.symbol) \($0.id)" }.joined(separator: ", ") + " (sans objet).")
            return lines.joined(separator: "\n")
        }
        for r in results {
            lines.append("\(r.outcome.status.symbol) \(r.id) — \(r.title) : \(r.outcome.status.frenchLabel)")
            lines.append("    Base : \(r.basis)")
            if r.outcome.status == .missing || r.outcome.status == .nonCompliant {
                for paragraph in r.lawText.split(separator: "\n") { lines.append("    Texte : « \(paragraph) »") }
            }
            for e in r.outcome.evidence.prefix(3) {
                let location = e.locationDescription
                lines.append("    Preuve\(location.isEmpty ? "" : " (\(location))") : « \(Self.quote(e.text)) »")
            }
            lines.append("    → \(r.outcome.explanation)")
        }
        return lines.joined(separator: "\n")
    }

    private func verdictReason() -> String {
        if nature == .emergencyAid {
            return " — décision d'aide d'urgence : aucune convention n'est requise"
        }
        switch verdict {
        case .nonCompliant:
            let ids = results.filter { $0.outcome.status == .nonCompliant || $0.outcome.status == .missing }.map(\.id)
            return " — règle(s) non respectée(s) : " + ids.joined(separator: ", ")
        case .toVerify:
            let ids = results.filter { $0.outcome.status == .toVerify && $0.outcome.holdsVerdict }.map(\.id)
            return " — point(s) à vérifier : " + ids.joined(separator: ", ")
        case .compliant:
            let reminders = results.filter { $0.outcome.status == .toVerify }.map(\.id)
            return reminders.isEmpty ? "" : " (rappel(s) : " + reminders.joined(separator: ", ") + ")"
        }
    }

    /// One line, at most 320 characters.
    static func quote(_ s: String) -> String {
        var out = ""
        var lastSpace = false
        for ch in s {
            if ch.isWhitespace {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.append(ch)
                lastSpace = false
            }
        }
        if out.count > 320 { out = String(out.prefix(317)) + "…" }
        return out
    }
}
