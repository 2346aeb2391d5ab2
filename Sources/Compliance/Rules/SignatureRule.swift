/// `signature`: the convention is dated and signed for each party.
struct SignatureRule: ComplianceRule {
    let id = "signature"
    let title = "Date et signature par chaque partie"
    let basis = "CGCT, art. L1115-1"
    let lawText = LawTexts.l1115_1_conventions

    func evaluate(_ reading: ConventionReading) -> RuleOutcome {
        let sig = reading.signature
        var evidence: [Passage] = []
        if let c = sig.clause { evidence.append(c) }
        evidence += sig.signatories.map(\.passage)
        let partyCount = max(2, reading.parties.count)
        let signedParties = Set(sig.signatories.compactMap(\.partyIndex))
        let blocks = sig.signatories.count
        var problems: [String] = []
        if sig.clause == nil {
            problems.append("aucune mention « Fait à …, le … »")
        } else if sig.date == nil {
            problems.append(sig.dateLeftBlank ? "la date de signature est laissée en blanc" : "la date de signature n'a pas pu être lue")
        }
        if blocks == 0 {
            problems.append("aucun bloc de signature (« Pour la commune de … », « Le Maire … »)")
        } else if blocks < partyCount && signedParties.count < partyCount {
            problems.append("une seule partie a un bloc de signature")
        }
        let unnamed = sig.signatories.filter { $0.signer == nil }.count
        if problems.isEmpty {
            var explanation = "Signée"
            if let place = sig.place { explanation += " à \(place)" }
            if let date = sig.date { explanation += " le \(date)" }
            explanation += ", avec un bloc de signature pour chaque partie."
            if unnamed > 0 { explanation += " Le nom du signataire n'est pas écrit sous \(unnamed) bloc(s) : vérifier l'original signé." }
            return RuleOutcome(.ok, evidence: evidence, explanation)
        }
        return RuleOutcome(.missing, evidence: evidence, "Convention non datée ou non signée : " + problems.joined(separator: " ; ") + ". Elle ne peut pas entrer en vigueur en l'état.")
    }
}
