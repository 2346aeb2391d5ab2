/// Finds legal references in UTF-8 bytes and links them to the registry.
///
/// Grammar (case- and accent-insensitive, any whitespace between words):
/// - `loi [organique|constitutionnelle|d'orientation [et de programmation]|de programmation]`
///   followed by a number (`n° 2007-147`, `n°2005-95`, `2007-147`) and an optional
///   `du <date>`; or by `du <date>` alone; or `de <année>` (linked only when the registry
///   holds exactly one law of that year); or a popular name from the registry
///   (`loi Thiollière`, `loi « Oudin-Santini »`, `loi dite Canfin`); or the start of an
///   official title (`loi relative aux droits et libertés des communes`: the first four
///   content words must match); or nothing, when the line opens with a date and a dash
///   ("25 janvier 2007 – La loi …", chronologies) and the registry has a law of that date.
/// - `décret`/`ordonnance` + number or `du <date>` → `decret:<n>` / `ordonnance:<n>`.
/// - `circulaire [du Premier ministre|ministérielle|interministérielle] [n° …] du <date>`
///   → `circulaire:<date>`; a chronology line date also counts.
/// - Constitutional revisions: `loi constitutionnelle n° 2003-276`, `révision/réforme
///   constitutionnelle de 2003`, `réforme de 2003` near the word "Constitution" →
///   `constitution:<année>`.
/// - Code articles `L. 1115-1`, `L1115-1`, `R. 1115-9`: `cgct:<article>` when the code named
///   after the article (or the list it belongs to) is the CGCT, or the last code named before
///   it (the document's title counts: "Code du travail — Article …"), or when no code was
///   named at all (four-digit L articles only, attribute `code: presume`). Lists give one entity per article; a range
///   "L. 1115-1 à L. 1115-7" gives its two ends, both with the attribute `range`.
/// Not references: "projet/proposition de loi n° …", "la présente loi", "loi de finances".
struct LawReferenceScanner {
    typealias Buffer = FrenchBytes.Buffer
    typealias B = FrenchBytes

    let registry: LawRegistry

    enum Code { case none, cgct, other }

    /// Initial bytes that can start a reference: l L r R d D o O c C.
    /// Byte classes for the prefilter: bit 0 = word byte (ASCII letter or digit, lead byte
    /// of a 2-byte Latin letter), bit 1 = trigger initial.
    static let byteClasses: [UInt8] = (0..<256).map { b -> UInt8 in
        let u = UInt8(b)
        let word: UInt8 = (B.isASCIILetter(u) || B.isDigit(u) || u == 0xC3 || u == 0xC5) ? 1 : 0
        let trigger: UInt8 = [0x6C, 0x4C, 0x72, 0x52, 0x64, 0x44, 0x6F, 0x4F, 0x63, 0x43].contains(b) ? 2 : 0
        return word | trigger
    }

    /// Cheap look at the next bytes before any pattern matching: "lo…", "L." / "L 1" /
    /// "L1" / "LO", "ré[vf]…", "R." / "D.", "déc…", "di…", "or…", "ci…", "cod…", "cg…".
    @inline(__always) static func plausibleStart(_ t: Buffer, _ i: Int) -> Bool {
        guard i + 2 < t.count else { return false }
        let b = t[i]
        let c = t[i + 1] | 0x20
        let d = t[i + 2] | 0x20
        let upper = b < 0x60
        // "L." "L 1" "L1" "LO" "R." "D." (code articles)
        if upper, b == 0x4C || b == 0x52 || b == 0x44 {
            let n = t[i + 1]
            if n == 0x2E || n == 0x20 || B.isDigit(n) || (b == 0x4C && n == 0x4F) { return true }
        }
        switch b | 0x20 {
        case 0x6C: return c == 0x6F  // lo
        case 0x72:  // re[vf] / ré[vf]
            if c == 0x65 { return d == 0x76 || d == 0x66 }
            if t[i + 1] == 0xC3, i + 3 < t.count { let e = t[i + 3] | 0x20; return e == 0x76 || e == 0x66 }
            return false
        case 0x64:  // dec / déc / di
            if c == 0x69 { return true }
            if c == 0x65 { return d == 0x63 }
            if t[i + 1] == 0xC3, i + 3 < t.count { return t[i + 3] | 0x20 == 0x63 }
            return false
        case 0x6F: return c == 0x72  // or
        case 0x63: return c == 0x69 || c == 0x67 || (c == 0x6F && d == 0x64)  // ci, cg, cod
        default: return false
        }
    }

    /// The code a document belongs to, as its title names it ("Code du travail — Article
    /// L1233-58", "Code général des collectivités territoriales — Article L1115-1"): bare
    /// article numbers in its text refer to that code. `.none` when the title names no
    /// code, or both the CGCT and another code.
    func code(title t: Buffer) -> Code {
        var cgct = false
        var other = false
        for i in 0..<t.count where !B.wordCharBefore(t, i) && (t[i] | 0x20) == 0x63 {
            if B.match(t, i, "code general des collectivites territoriales") != nil || B.match(t, i, "cgct") != nil {
                cgct = true
            } else if let e = B.match(t, i, "code"), B.spaceLength(t, e) > 0, B.word(t, B.skipSpaces(t, e)) != nil {
                other = true
            }
        }
        return cgct == other ? .none : (cgct ? .cgct : .other)
    }

    /// References in `t`; `code` is the code named by the document's title, if any.
    func scan(_ t: Buffer, code initial: Code = .none) -> [Entity] {
        var out: [Entity] = []
        var code = initial
        let n = t.count
        let classes = Self.byteClasses
        return classes.withUnsafeBufferPointer { cls in
        var i = 0
        var previous: UInt8 = 0  // class of the byte before i
        while i < n {
            // Fast skip to the next trigger initial at a word start (one predictable branch
            // per byte): l (loi, L. articles), r/d (révision, décret, R./D. articles),
            // o (ordonnance), c (circulaire, code).
            while i < n {
                let c = cls[Int(t[i])]
                if c & ~(previous << 1) & 2 != 0 { break }
                previous = c
                i += 1
            }
            guard i < n else { break }
            previous = 1
            if B.wordCharBefore(t, i) || !Self.plausibleStart(t, i) { i += 1; continue }
            let b = t[i]
            let f = b | 0x20
            var found: [Entity] = []
            switch f {
            case 0x6C:  // l
                if b == 0x4C, let list = articles(t, i, &code) { found = list }
                else if B.match(t, i, "loi") != nil { found = law(t, i).map { [$0] } ?? [] }
            case 0x72, 0x64:  // r, d
                if b == 0x52 || b == 0x44, let list = articles(t, i, &code) { found = list }
                else if f == 0x72 { found = revision(t, i).map { [$0] } ?? [] }
                else if B.match(t, i, "decret") != nil { found = numberedAct(t, i, kind: "decret", wordEnd: B.match(t, i, "decret")!).map { [$0] } ?? [] }
                else if let e = B.match(t, i, "dispositif") { found = aliasAfter(t, i, e).map { [$0] } ?? [] }
            case 0x6F:  // o
                if let e = B.match(t, i, "ordonnance") { found = numberedAct(t, i, kind: "ordonnance", wordEnd: e).map { [$0] } ?? [] }
            case 0x63:  // c
                if let e = B.match(t, i, "circulaire") { found = circular(t, i, e).map { [$0] } ?? [] }
                else if B.match(t, i, "code general des collectivites territoriales") != nil || B.match(t, i, "cgct") != nil { code = .cgct }
                else if let e = B.match(t, i, "code"), B.spaceLength(t, e) > 0, B.word(t, B.skipSpaces(t, e)) != nil {
                    code = .other  // "code de l'environnement", "code des communes"…
                }
            default:
                break
            }
            if let last = found.last {
                out.append(contentsOf: found)
                i = last.end
                previous = i > 0 ? cls[Int(t[i - 1])] : 0
                continue
            }
            i += 1
        }
        return out
        }
    }

    // MARK: Lois

    func law(_ t: Buffer, _ start: Int) -> Entity? {
        guard var p = B.match(t, start, "loi") else { return nil }
        // "projet de loi n° …", "proposition de loi n° …" are bills, not laws.
        let before = B.skipSpacesBackward(t, start)
        if before >= 2, (t[before - 1] | 0x20) == 0x65, (t[before - 2] | 0x20) == 0x64,
            let de = B.previousWord(t, before: start), de.key == Array("de".utf8),
            let w = B.previousWord(t, before: de.start),
            ["projet", "projets", "proposition", "propositions", "avant"].contains(String(decoding: w.key, as: UTF8.self))
        {
            return nil
        }
        var kind = "loi"
        var qualified = false
        while true {
            let k = B.skipSpaces(t, p)
            guard k > p else { break }
            if let e = B.match(t, k, "constitutionnelle") { kind = "constitution"; p = e; qualified = true; continue }
            if let e = B.match(t, k, "organique") { p = e; qualified = true; continue }
            if let e = B.match(t, k, "d'orientation et de programmation") { p = e; qualified = true; continue }
            if let e = B.match(t, k, "d'orientation") { p = e; qualified = true; continue }
            if let e = B.match(t, k, "de programmation") { p = e; qualified = true; continue }
            break
        }
        let q = B.skipSpaces(t, p)
        // Numbered.
        if let (num, numEnd) = numberAfterMarker(t, q) ?? lawNumber(t, q).map({ ($0.0, $0.1) }) {
            var end = numEnd
            var cited: String?
            if let (e, iso) = dateAfter(t, numEnd) { end = e; cited = iso }
            let year = num.split(separator: "-").first.map(String.init) ?? ""
            let id: String
            if kind == "constitution" {
                id = "constitution:" + (year.count == 4 ? year : String((cited ?? "").prefix(4)))
            } else {
                id = "loi:" + num
            }
            // A registered act keeps its own id ("loi n° 2003-276" is the constitutional law).
            let act = registry.act(number: num).flatMap { $0.kind == "loi" || $0.kind == "constitution" ? $0 : nil }
            return entity(t, start, end, id: act?.id ?? id, act: act, cited: cited, alias: nil)
        }
        // Dated: "loi du 6 février 1992".
        if let (end, iso) = dateAfter(t, p) {
            let candidates = registry.acts(kind: kind, date: iso)
            if let act = candidates.first, candidates.count == 1 {
                return entity(t, start, end, id: act.id, act: act, cited: nil, alias: nil)
            }
            // An unknown date followed by a registered official title ("la loi du 25 janvier
            // 2007, relative à l'action extérieure…"): link by title, report the date.
            var k = B.skipSpaces(t, end)
            if k < t.count, t[k] == 0x2C { k += 1 }
            if let act = titleAct(t, k, kind: kind) {
                return entity(t, start, end, id: act.id, act: act, cited: iso, alias: nil)
            }
            let id = kind == "constitution" ? "constitution:" + iso.prefix(4) : "loi:" + iso
            var e = entity(t, start, end, id: id, act: nil, cited: nil, alias: nil)
            e.attributes["date"] = iso
            return e
        }
        // "loi de 1992": only when unambiguous in the registry.
        if let e = B.match(t, q, "de"), let y = B.number(t, B.skipSpaces(t, e)), y.digits == 4,
            let act = registry.uniqueLaw(year: String(y.value))
        {
            var ent = entity(t, start, y.end, id: act.id, act: act, cited: nil, alias: nil)
            ent.attributes["precision"] = "annee"
            return ent
        }
        if let e = aliasAfter(t, start, p) { return e }
        // Official titles start with a qualifier or "relative/relatif/portant/tendant/visant".
        if qualified || B.match(t, q, "relative") != nil || B.match(t, q, "relatif") != nil
            || B.match(t, q, "portant") != nil || B.match(t, q, "tendant") != nil || B.match(t, q, "visant") != nil,
            let e = titleMatch(t, start, p, kind: kind)
        {
            return e
        }
        // Chronology line: "25 janvier 2007 – La loi …".
        if let iso = headlineDate(t, start) {
            let candidates = registry.acts(kind: kind, date: iso)
            if let act = candidates.first, candidates.count == 1 {
                return entity(t, start, p, id: act.id, act: act, cited: nil, alias: nil)
            }
        }
        return nil
    }

    /// A popular name after "loi" / "dispositif" (optionally "dite" and quotes).
    func aliasAfter(_ t: Buffer, _ start: Int, _ p: Int) -> Entity? {
        var k = B.skipSpaces(t, p)
        if let e = B.match(t, k, "dite") ?? B.match(t, k, "dit") { k = B.skipSpaces(t, e) }
        var quoted = false
        if let q = openingQuote(t, k) { k = B.skipSpaces(t, q); quoted = true }
        guard k < t.count, B.isUpperASCII(t[k]) || B.isDigit(t[k]) || (t[k] == 0xC3 && k + 1 < t.count && t[k + 1] < 0xA0) else { return nil }
        for (words, index) in registry.aliases {
            guard var e = matchWords(t, k, words) else { continue }
            let act = registry.acts[index]
            let aliasText = String(decoding: UnsafeBufferPointer(rebasing: t[k..<e]), as: UTF8.self)
            if quoted { let c = B.skipSpaces(t, e); if let q = closingQuote(t, c) { e = q } }
            var cited: String?
            if let (de, iso) = dateAfter(t, e) { e = de; cited = iso } else { cited = headlineDate(t, start) }
            return entity(t, start, e, id: act.id, act: act, cited: cited, alias: aliasText)
        }
        return nil
    }

    /// Matches folded words separated by whitespace or a dash; returns the end.
    func matchWords(_ t: Buffer, _ k: Int, _ words: [[UInt8]]) -> Int? {
        var j = k
        for (wi, w) in words.enumerated() {
            if wi > 0 {
                let d = B.dashLength(t, j)
                if d > 0 { j += d } else if B.spaceLength(t, j) > 0 { j = B.skipSpaces(t, j) } else { return nil }
            }
            guard let word = B.word(t, j), word.key == w else {
                // Numbers as aliases ("loi 1901").
                if w.allSatisfy(B.isDigit), let num = B.number(t, j), Array(String(num.value).utf8) == w,
                    !(num.end < t.count && t[num.end] == 0x2D)
                {
                    j = num.end
                    continue
                }
                return nil
            }
            j = word.end
        }
        return j
    }

    /// "loi relative aux droits et libertés des communes…": the first four content words
    /// (or all, when the title has fewer) must follow in order.
    func titleMatch(_ t: Buffer, _ start: Int, _ p: Int, kind: String) -> Entity? {
        guard let (act, end) = titleWords(t, p, kind: kind) else { return nil }
        return entity(t, start, end, id: act.id, act: act, cited: headlineDate(t, start), alias: nil)
    }

    func titleAct(_ t: Buffer, _ p: Int, kind: String) -> LegalAct? { titleWords(t, p, kind: kind)?.0 }

    /// The registered act whose official title starts at `p`, and the end of the matched words.
    func titleWords(_ t: Buffer, _ p: Int, kind: String) -> (LegalAct, Int)? {
        var words: [(key: [UInt8], end: Int)] = []
        var j = p
        var steps = 0
        while words.count < 6, steps < 40, j < t.count {
            steps += 1
            j = B.skipSpaces(t, j)
            if j < t.count, t[j] == 0x2C { j += 1; continue }  // commas inside titles
            if B.apostropheLength(t, j) > 0 { j += B.apostropheLength(t, j); continue }
            guard let w = B.word(t, j) else { break }
            j = w.end
            if LawRegistry.stopWordKeys.contains(w.key) { continue }
            words.append((w.key, w.end))
        }
        guard words.count >= 3 else { return nil }
        for (title, index) in registry.titleWords {
            let need = min(4, title.count)
            guard words.count >= need else { continue }
            if (0..<need).allSatisfy({ words[$0].key == title[$0] }) {
                let act = registry.acts[index]
                guard act.kind == kind || kind == "loi" else { continue }
                return (act, words[need - 1].end)
            }
        }
        return nil
    }

    // MARK: Décrets, ordonnances, circulaires, révisions

    func numberedAct(_ t: Buffer, _ start: Int, kind: String, wordEnd: Int) -> Entity? {
        let q = B.skipSpaces(t, wordEnd)
        if let (num, numEnd) = numberAfterMarker(t, q) ?? lawNumber(t, q).map({ ($0.0, $0.1) }) {
            var end = numEnd
            var cited: String?
            if let (e, iso) = dateAfter(t, numEnd) { end = e; cited = iso }
            var e = entity(t, start, end, id: kind + ":" + num, act: registry.act(id: kind + ":" + num), cited: nil, alias: nil)
            if let cited { e.attributes["date"] = cited }
            return e
        }
        if let (end, iso) = dateAfter(t, wordEnd) {
            var e = entity(t, start, end, id: kind + ":" + iso, act: registry.act(id: kind + ":" + iso), cited: nil, alias: nil)
            e.attributes["date"] = iso
            return e
        }
        return nil
    }

    func circular(_ t: Buffer, _ start: Int, _ wordEnd: Int) -> Entity? {
        var p = wordEnd
        for q: StaticString in [" du premier ministre", " ministerielle", " interministerielle", " interministérielle"] {
            if let e = B.match(t, p, q) { p = e; break }
        }
        // Optional number "n° 1789/SG".
        var k = B.skipSpaces(t, p)
        if let m = numberMarkerEnd(t, k) {
            var j = B.skipSpaces(t, m)
            while j < t.count, B.spaceLength(t, j) == 0, t[j] != 0x2C { j += B.utf8Length(t[j]) }
            p = j
            k = B.skipSpaces(t, p)
        }
        var end = p
        var iso: String?
        if let (e, d) = dateAfter(t, p) { end = e; iso = d } else if let d = headlineDate(t, start) { iso = d }
        guard let iso else { return nil }
        let id = "circulaire:" + iso
        var e = entity(t, start, end, id: id, act: registry.act(id: id), cited: nil, alias: nil)
        e.attributes["date"] = iso
        return e
    }

    /// "révision constitutionnelle de 2008", "réforme de 2003" near "Constitution".
    func revision(_ t: Buffer, _ start: Int) -> Entity? {
        guard let w = B.match(t, start, "revision") ?? B.match(t, start, "reforme") else { return nil }
        var p = w
        var constitutional = false
        if let e = B.match(t, B.skipSpaces(t, p), "constitutionnelle"), B.spaceLength(t, p) > 0 { p = e; constitutional = true }
        let k = B.skipSpaces(t, p)
        var year: Int?
        var end = p
        if let e = B.match(t, k, "de"), let y = B.number(t, B.skipSpaces(t, e)), y.digits == 4 {
            year = y.value; end = y.end
        } else if let (e, iso) = dateAfter(t, p) {
            year = Int(iso.prefix(4)); end = e
        }
        guard let year, (1958...2100).contains(year) else { return nil }
        if !constitutional {
            // The word "Constitution" must appear shortly before, in the same sentence.
            var j = start
            var found = false
            while j > 0, start - j < 120 {
                j -= 1
                if t[j] == 0x2E || t[j] == 0x3B { break }
                if (t[j] | 0x20) == 0x63, B.match(t, j, "constitution") != nil { found = true; break }
            }
            guard found else { return nil }
        }
        let id = "constitution:\(year)"
        return entity(t, start, end, id: id, act: registry.act(id: id), cited: nil, alias: nil)
    }

    // MARK: Code articles

    /// An article token at `i` ("L. 1115-1", "L1115-1-1", "R. 1115-9", "LO 1113-1"): its
    /// normalized key and end.
    func articleToken(_ t: Buffer, _ i: Int) -> (key: String, end: Int, presumable: Bool)? {
        guard i < t.count, t[i] == 0x4C || t[i] == 0x52 || t[i] == 0x44 else { return nil }
        guard !B.wordCharBefore(t, i) else { return nil }
        var j = i + 1
        var organic = false
        if t[i] == 0x4C, j < t.count, t[j] == 0x4F { organic = true; j += 1 }
        if j < t.count, t[j] == 0x2E { j += 1 }
        j = B.skipSpaces(t, j)
        guard j < t.count, B.isDigit(t[j]), let first = B.number(t, j), (3...4).contains(first.digits) else { return nil }
        let prefix = organic ? "LO" : String(UnicodeScalar(t[i]))
        var key = prefix + String(decoding: UnsafeBufferPointer(rebasing: t[j..<first.end]), as: UTF8.self)
        var e = first.end
        var groups = 0
        while e + 1 < t.count, t[e] == 0x2D, let g = B.number(t, e + 1), g.digits <= 3 {
            key += "-" + String(g.value)
            e = g.end
            groups += 1
        }
        guard groups >= 1 else { return nil }
        // Without a named code, only a four-digit L article is presumed to be the CGCT's.
        return (key, e, t[i] == 0x4C && !organic && first.digits == 4)
    }

    /// The list of articles starting at `i`, each linked when its code is the CGCT.
    func articles(_ t: Buffer, _ i: Int, _ code: inout Code) -> [Entity]? {
        guard let firstToken = articleToken(t, i) else { return nil }
        var tokens: [(key: String, start: Int, end: Int, rangeWithNext: Bool, presumable: Bool)] = [
            (firstToken.key, i, firstToken.end, false, firstToken.presumable)
        ]
        var j = firstToken.end
        while true {
            var k = B.skipSpaces(t, j)
            var isRange = false
            if k < t.count, t[k] == 0x2C { k = B.skipSpaces(t, k + 1) }
            else if let e = B.match(t, k, "et") ?? B.match(t, k, "ou") { k = B.skipSpaces(t, e) }
            else if let e = B.match(t, k, "a") ?? B.match(t, k, "au") { k = B.skipSpaces(t, e); isRange = true }
            else { break }
            guard let tok = articleToken(t, k) else { break }
            if isRange { tokens[tokens.count - 1].rangeWithNext = true }
            tokens.append((tok.key, k, tok.end, false, tok.presumable))
            j = tok.end
        }
        // Which code? Look right after the list.
        var k = B.skipSpaces(t, j)
        if k < t.count, t[k] == 0x2C { k = B.skipSpaces(t, k + 1) }
        var explicit: Code?
        for w: StaticString in ["du code general des collectivites territoriales", "code general des collectivites territoriales", "du cgct", "cgct", "(cgct)"] {
            if B.match(t, k, w) != nil { explicit = .cgct; break }
        }
        if explicit == nil {
            if B.match(t, k, "du meme code") != nil || B.match(t, k, "du present code") != nil || B.match(t, k, "de ce code") != nil {
                explicit = code
            } else if B.match(t, k, "du code") != nil || B.match(t, k, "de la loi") != nil || B.match(t, k, "du decret") != nil {
                explicit = .other
            }
        }
        let resolved: Code
        var presumed = false
        if let explicit {
            resolved = explicit
            code = explicit
        } else if code == .none {
            // No code named anywhere before: in this domain a four-digit L article is the
            // CGCT's (L1111-1 … L7xxx); marked as presumed.
            resolved = tokens[0].presumable ? .cgct : .none
            presumed = resolved == .cgct
        } else {
            resolved = code
        }
        guard resolved == .cgct else {
            return []
        }
        var out: [Entity] = []
        for (index, tok) in tokens.enumerated() {
            let id = "cgct:" + tok.key
            var e = entity(t, tok.start, tok.end, id: id, act: registry.act(id: id), cited: nil, alias: nil)
            if presumed { e.attributes["code"] = "presume" }
            if tok.rangeWithNext, index + 1 < tokens.count {
                e.attributes["range"] = "cgct:\(tok.key)..cgct:\(tokens[index + 1].key)"
            } else if index > 0, tokens[index - 1].rangeWithNext {
                e.attributes["range"] = "cgct:\(tokens[index - 1].key)..cgct:\(tok.key)"
            }
            out.append(e)
        }
        return out
    }

    // MARK: Pieces

    /// "n°", "n °", "nº", "no", "numéro" at `k`: index after it.
    func numberMarkerEnd(_ t: Buffer, _ k: Int) -> Int? {
        guard k < t.count, (t[k] | 0x20) == 0x6E else { return nil }
        var j = k + 1
        j = B.skipSpaces(t, j)
        if j + 1 < t.count, t[j] == 0xC2, t[j + 1] == 0xB0 || t[j + 1] == 0xBA { return j + 2 }
        if let e = B.match(t, k, "numero") { return e }
        if let e = B.match(t, k, "no"), e < t.count, B.spaceLength(t, e) > 0 || t[e] == 0x2E {
            let after = B.skipSpaces(t, t[e] == 0x2E ? e + 1 : e)
            if after < t.count, B.isDigit(t[after]) { return t[e] == 0x2E ? e + 1 : e }
        }
        return nil
    }

    func numberAfterMarker(_ t: Buffer, _ k: Int) -> (String, Int)? {
        guard let m = numberMarkerEnd(t, k) else { return nil }
        return lawNumber(t, B.skipSpaces(t, m))
    }

    /// "2007-147", "92-125", "2005-95": year part of 2 or 4 digits, a dash, 1–5 digits.
    func lawNumber(_ t: Buffer, _ k: Int) -> (String, Int)? {
        guard let a = B.number(t, k), a.digits == 2 || a.digits == 4, a.end < t.count, t[a.end] == 0x2D,
            let b = B.number(t, a.end + 1), b.digits <= 5
        else { return nil }
        if b.end < t.count, t[b.end] == 0x2D, b.end + 1 < t.count, B.isDigit(t[b.end + 1]) { return nil }
        return ("\(a.digits == 2 ? String(format2(a.value)) : String(a.value))-\(b.value)", b.end)
    }

    func format2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    /// ", du 2 février 2007" / " du 2 février 2007" / " en date du …" after `p`.
    func dateAfter(_ t: Buffer, _ p: Int) -> (Int, String)? {
        var k = B.skipSpaces(t, p)
        if k < t.count, t[k] == 0x2C { k = B.skipSpaces(t, k + 1) }
        if let e = B.match(t, k, "en date du") { k = B.skipSpaces(t, e) }
        else if let e = B.match(t, k, "du") { k = B.skipSpaces(t, e) }
        else { return nil }
        guard let (end, iso) = FrenchDateParser.fullDate(t, k) else { return nil }
        return (end, iso)
    }

    /// The date opening the line of `i` when followed by a dash or colon, with no sentence
    /// end between it and `i` ("25 janvier 2007 – La loi Thiollière …").
    func headlineDate(_ t: Buffer, _ i: Int) -> String? {
        var ls = i
        while ls > 0, t[ls - 1] != 0x0A { 
            ls -= 1
            if i - ls > 160 { return nil }  // chronology entries open their line
        }
        var k = ls
        while k < i, B.spaceLength(t, k) > 0 || !B.isWordByte(t[k]) { k += B.utf8Length(t[k]) }  // bullets
        guard k < i, let (end, iso) = FrenchDateParser.fullDate(t, k) else { return nil }
        let d = B.skipSpaces(t, end)
        guard d < i, B.dashLength(t, d) > 0 || t[d] == 0x3A else { return nil }
        var j = d
        while j < i {
            let c = t[j]
            if c == 0x2E || c == 0x3B || c == 0x21 || c == 0x3F { return nil }
            j += 1
        }
        return iso
    }

    func openingQuote(_ t: Buffer, _ k: Int) -> Int? {
        guard k < t.count else { return nil }
        if t[k] == 0x22 { return k + 1 }
        if t[k] == 0xC2, k + 1 < t.count, t[k + 1] == 0xAB { return k + 2 }  // «
        if t[k] == 0xE2, k + 2 < t.count, t[k + 1] == 0x80, t[k + 2] == 0x9C { return k + 3 }  // “
        return nil
    }

    func closingQuote(_ t: Buffer, _ k: Int) -> Int? {
        guard k < t.count else { return nil }
        if t[k] == 0x22 { return k + 1 }
        if t[k] == 0xC2, k + 1 < t.count, t[k + 1] == 0xBB { return k + 2 }  // »
        if t[k] == 0xE2, k + 2 < t.count, t[k + 1] == 0x80, t[k + 2] == 0x9D { return k + 3 }  // ”
        return nil
    }

    func entity(_ t: Buffer, _ start: Int, _ end: Int, id: String, act: LegalAct?, cited: String?, alias: String?) -> Entity {
        var attributes: [String: String] = [:]
        if let act {
            if !act.title.isEmpty { attributes["title"] = act.title }
            if !act.date.isEmpty { attributes["date"] = act.date }
            if !act.legifrance.isEmpty { attributes["legifrance"] = act.legifrance }
            if let cited, !act.date.isEmpty, cited != act.date {
                attributes["date_citee"] = cited
                attributes["divergence"] = "date citée \(cited) ≠ date officielle \(act.date)"
            }
        } else if let cited {
            attributes["date"] = cited
        }
        if let alias { attributes["alias"] = alias }
        return Entity(
            type: .loi, start: start, end: end,
            text: String(decoding: UnsafeBufferPointer(rebasing: t[start..<end]), as: UTF8.self),
            normalized: id, attributes: attributes)
    }
}
