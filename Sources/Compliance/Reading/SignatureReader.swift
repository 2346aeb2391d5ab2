import Entities

/// Reads the signature block: "Fait à Belfort, le 12 mars 2024, en deux exemplaires
/// originaux", then "Pour la commune de Belfort, le Maire, Jean Dupont" for each party.
struct SignatureReader: Sendable {
    func read(_ text: ConventionText, parties: [Party], entities: [Entity]) -> SignatureReading {
        var reading = SignatureReading()
        let f = text.folded
        // The last "Fait à" / "Fait en … exemplaires" of the document is the signature clause.
        let clauseHits = ["fait a ", "fait en ", "signe a ", "fait et signe", "fait le "].flatMap { f.find(Array($0.utf8), wholeWord: false) }
            .filter { isWordStart(f, $0) }
        var signatureZoneStart = text.utf8.count
        if let at = clauseHits.max() {
            let originalAt = f.originalStart(at)
            let lineRange = lineRange(text, around: originalAt)
            // The clause may run over two lines ("Fait à Belfort,\nle 12 mars 2024").
            var end = lineRange.upperBound
            let nextLine = self.lineRange(text, around: min(text.utf8.count, end + 1))
            if FoldedText(text.string(nextLine.lowerBound, nextLine.upperBound)).bytes.starts(with: Array("le ".utf8)) { end = nextLine.upperBound }
            let clause = text.passage(originalAt, end)
            reading.clause = clause
            signatureZoneStart = originalAt
            let fc = FoldedText(clause.text)
            let s = fc.string(0..<fc.count)
            // Place: after "fait a" up to a comma or " le ".
            if let r = s.range(of: "fait a ") ?? s.range(of: ", a ") ?? s.range(of: " a ") {
                let after = s[r.upperBound...]
                let place = after.prefix { $0 != "," && $0 != ";" }.components(separatedBy: " le ").first ?? ""
                let placeText = place.trimmingSpaces()
                if placeText.count >= 2, !placeText.allSatisfy({ $0 == "." || $0 == "_" || $0 == " " || $0 == "…" }) {
                    reading.place = originalWords(clause.text, foldedPrefixLength: placeText.count, after: r.upperBound, in: s)
                }
            }
            // Date: a recognizer date inside the clause, else our own reading after " le ".
            if let d = entities.first(where: { $0.type == .date && $0.start >= clause.start && $0.end <= clause.end && $0.normalized.count == 10 }) {
                reading.date = d.normalized
            } else {
                var search = s[...]
                while let r = search.range(of: "le ") {
                    if let (iso, _) = FrenchDate.parse(search[r.upperBound...]) { reading.date = iso; break }
                    search = search[r.upperBound...]
                }
                if reading.date == nil, let (iso, _) = firstNumericDate(s) { reading.date = iso }
            }
            if reading.date == nil {
                reading.dateLeftBlank = s.contains("...") || s.contains("__") || s.contains("…") || s.contains("[") || s.hasSuffix(" le") || s.hasSuffix(" le,")
            }
        }
        reading.signatories = signatories(text, from: min(signatureZoneStart, text.utf8.count), parties: parties)
        if reading.signatories.isEmpty, let meta = text.document.metadata["signataires"] ?? text.document.metadata["signatories"] {
            for name in meta.split(whereSeparator: { $0 == ";" || $0 == "\n" || $0 == "|" }) {
                let n = name.trimmingSpaces()
                guard !n.isEmpty else { continue }
                let folded = FoldedText(n).bytes
                let at = f.find(Array(folded)).last
                let passage = at.map { text.passage(folded: $0..<($0 + folded.count)) } ?? Passage(start: 0, end: 0, text: n)
                reading.signatories.append(Signatory(passage: passage, partyIndex: matchParty(FoldedText(n), parties), signer: n))
            }
        }
        return reading
    }

    private func isWordStart(_ f: FoldedText, _ at: Int) -> Bool {
        at == 0 || !FoldedText.isWordByte(f.bytes[at - 1])
    }

    private func lineRange(_ text: ConventionText, around at: Int) -> Range<Int> {
        var s = min(at, text.utf8.count)
        while s > 0, text.utf8[s - 1] != 0x0A { s -= 1 }
        var e = min(at, text.utf8.count)
        while e < text.utf8.count, text.utf8[e] != 0x0A { e += 1 }
        return s..<e
    }

    private func firstNumericDate(_ s: String) -> (String, Int)? {
        let chars = Array(s)
        for i in chars.indices where chars[i].isNumber && (i == 0 || !chars[i - 1].isNumber) {
            if let r = FrenchDate.parse(Substring(String(chars[i...]))) { return r }
        }
        return nil
    }

    /// The place as written in the original (accents kept), from the folded positions.
    private func originalWords(_ original: String, foldedPrefixLength: Int, after: String.Index, in folded: String) -> String {
        let ft = FoldedText(original)
        let startFolded = folded.utf8.distance(from: folded.startIndex, to: after)
        let s = ft.originalStart(startFolded)
        let e = ft.originalEnd(startFolded + foldedPrefixLength)
        let bytes = Array(original.utf8)
        return String(decoding: bytes[min(s, bytes.count)..<min(max(s, e), bytes.count)], as: UTF8.self).trimmingSpaces()
    }

    /// "Pour la commune de X", "Pour le Département", "Le Maire de X" lines after the clause
    /// (or, when there is no clause, in the last fifth of the text).
    private func signatories(_ text: ConventionText, from: Int, parties: [Party]) -> [Signatory] {
        let zoneStart = from < text.utf8.count ? from : text.utf8.count * 4 / 5
        var out: [Signatory] = []
        var lineStart = zoneStart
        while lineStart < text.utf8.count, text.utf8[lineStart] != 0x0A { lineStart += 1 }  // skip the clause line
        var lines: [Range<Int>] = []
        var s = lineStart + 1
        while s < text.utf8.count {
            var e = s
            while e < text.utf8.count, text.utf8[e] != 0x0A { e += 1 }
            lines.append(s..<e)
            s = e + 1
        }
        for (i, line) in lines.enumerated() {
            let raw = text.string(line.lowerBound, line.upperBound)
            let trimmed = raw.trimmingSpaces()
            guard !trimmed.isEmpty, trimmed.count <= 200 else { continue }
            let folded = FoldedText(trimmed)
            let fs = folded.string(0..<folded.count)
            // Two columns on one line: "Pour la commune de X        Pour la municipalité de Y".
            var columns = raw.components(separatedBy: "   ").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            if columns.count < 2 {
                // Extractors may fold the gap between columns to one space: split before
                // each further "Pour la / Pour le / Pour l'".
                columns = splitBeforeRepeatedPour(trimmed)
            }
            let blocks = columns.count >= 2 ? columns : [trimmed]
            let isBlock = fs.hasPrefix("pour ") || fs.hasPrefix("le maire") || fs.hasPrefix("la maire") || fs.hasPrefix("le president") || fs.hasPrefix("la presidente") || fs.hasPrefix("le gouverneur") || fs.hasPrefix("le bourgmestre")
            guard isBlock else { continue }
            // "Pour ordre", "pour information", "pour le compte de" are not signature blocks.
            if fs.hasPrefix("pour ordre") || fs.hasPrefix("pour information") || fs.hasPrefix("pour copie") { continue }
            // A "Le Maire" line right under a "Pour …" line belongs to the same block.
            if !fs.hasPrefix("pour "), let last = out.last, i > 0, last.passage.end >= lines[i - 1].lowerBound { continue }
            let signer = lines[(i + 1)..<min(lines.count, i + 4)].map { text.string($0.lowerBound, $0.upperBound).trimmingSpaces() }
                .filter { !$0.isEmpty && !FoldedText($0).string(0..<min(4, FoldedText($0).count)).hasPrefix("pour") }.prefix(2)
                .joined(separator: ", ")
            for block in blocks {
                let bf = FoldedText(block)
                // "Pour la Région X, la Présidente du conseil régional, Anne Vautrin": the
                // signer is written on the block's own line.
                var signer = signer
                if signer.isEmpty, let comma = block.firstIndex(of: ",") {
                    let rest = block[block.index(after: comma)...].trimmingSpaces()
                    if rest.count >= 3 { signer = rest }
                }
                var passage = text.passage(line.lowerBound, line.upperBound)
                if blocks.count > 1, let r = raw.range(of: block) {
                    let offset = raw.utf8.distance(from: raw.startIndex, to: r.lowerBound)
                    passage = text.passage(line.lowerBound + offset, line.lowerBound + offset + block.utf8.count)
                }
                out.append(Signatory(passage: passage, partyIndex: matchParty(bf, parties), signer: signer.isEmpty ? nil : signer))
            }
        }
        return out
    }

    /// "Pour la Région X Pour la Province Y" → ["Pour la Région X", "Pour la Province Y"];
    /// "Le Maire de HODOSA Le Maire de VENERQUE" → ["Le Maire de HODOSA", "Le Maire de VENERQUE"].
    private func splitBeforeRepeatedPour(_ line: String) -> [String] {
        var parts: [String] = []
        var current = ""
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        let offices: Set<String> = ["maire", "président", "présidente", "president", "presidente", "gouverneur", "bourgmestre"]
        for (i, w) in words.enumerated() {
            let next = i + 1 < words.count ? words[i + 1].lowercased() : ""
            let startsBlock = w == "Pour" && (next == "la" || next == "le" || next == "les" || next.hasPrefix("l'") || next.hasPrefix("l’"))
                || (w == "Le" || w == "La") && offices.contains(next)
            if startsBlock, !current.isEmpty {
                parts.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + w
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    /// The party whose designation shares the most distinctive words with the block.
    func matchParty(_ block: FoldedText, _ parties: [Party]) -> Int? {
        let generic: Set<String> = [
            "pour", "la", "le", "les", "de", "du", "des", "l", "d", "commune", "ville", "municipalite", "departement", "region",
            "conseil", "maire", "president", "presidente", "et", "en", "son", "sa", "par", "represente", "representee",
        ]
        func words(_ s: String) -> Set<String> {
            Set(s.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init).filter { $0.count >= 3 && !generic.contains($0) })
        }
        let bw = words(block.string(0..<block.count))
        var best: (Int, Int)?
        for (i, p) in parties.enumerated() {
            let pw = words(FoldedText(p.name.text).string(0..<FoldedText(p.name.text).count))
            let shared = bw.intersection(pw).count
            if shared > 0, best == nil || shared > best!.1 { best = (i, shared) }
        }
        return best?.0
    }
}
