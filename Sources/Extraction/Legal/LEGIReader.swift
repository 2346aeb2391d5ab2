/// Reads Légifrance open-data XML (DILA's LEGI and JORF bases): `ARTICLE`, `TEXTE_VERSION`,
/// `SECTION_TA`, and any file holding several `ARTICLE` elements.
struct LEGIReader {
    /// DILA's "no end" sentinel date.
    static let openEnded = "2999-01-01"

    var input: ExtractionInput
    var warnings: [String]

    func read(_ root: XMLElement) -> Document {
        switch root.name {
        case "ARTICLE": return article(root)
        case "TEXTE_VERSION": return texteVersion(root)
        case "SECTION_TA": return section(root)
        default: return collection(root)
        }
    }

    // MARK: ARTICLE

    struct ArticleMeta {
        var id: String?
        var number: String?
        var state: String?
        var start: String?
        var end: String?
        var nature: String?
        var textTitle: String?
        var breadcrumb: [String] = []
    }

    static func meta(of article: XMLElement) -> ArticleMeta {
        var m = ArticleMeta()
        m.id = article.path("META/META_COMMUN/ID")?.text
        m.nature = article.path("META/META_COMMUN/NATURE")?.text
        if let spec = article.path("META/META_SPEC/META_ARTICLE") {
            m.number = spec.child("NUM")?.text
            m.state = spec.child("ETAT")?.text
            m.start = spec.child("DATE_DEBUT")?.text
            m.end = spec.child("DATE_FIN")?.text
        }
        if let texte = article.path("CONTEXTE/TEXTE") {
            let titre = texte.child("TITRE_TXT")
            m.textTitle = titre?.attributes["c_titre_court"].flatMap { $0.isEmpty ? nil : $0 } ?? titre?.text
            var tm = texte.child("TM")
            while let level = tm {
                if let t = level.child("TITRE_TM")?.text { m.breadcrumb.append(t) }
                tm = level.child("TM")
            }
        }
        return m
    }

    static func label(_ m: ArticleMeta) -> String {
        guard let n = m.number, !n.isEmpty else { return "Article" }
        return "Article \(n)"
    }

    /// Appends one article: a heading with its label, its paragraphs, its NOTA, all
    /// wrapped in an `article` block labelled with the article's number.
    static func appendArticle(_ e: XMLElement, meta m: ArticleMeta, into text: inout TextAssembler) {
        let first = text.blockCount
        text.append(label(m), kind: .heading)
        if let contenu = e.path("BLOC_TEXTUEL/CONTENU") { appendContent(contenu, into: &text) }
        if let nota = e.path("NOTA/CONTENU"), nota.text != nil {
            let before = text.blockCount
            text.append("NOTA", kind: .heading)
            appendContent(nota, into: &text)
            text.wrap(from: before, kind: .section, label: "Nota")
        }
        text.wrap(from: first, kind: .article, label: label(m))
    }

    /// A `CONTENU` element holds XHTML-like markup (`p`, `br`, `table`…), in upper or
    /// lower case: read it with the HTML block walker.
    static func appendContent(_ contenu: XMLElement, into text: inout TextAssembler) {
        var walker = HTMLBlockWalker(dropBoilerplate: false)
        walker.walk(lowercased(contenu), into: &text)
    }

    private static func lowercased(_ e: XMLElement) -> XMLElement {
        XMLElement(
            name: e.name.lowercased(), namespace: nil, attributes: e.attributes,
            children: e.children.map {
                switch $0 {
                case .text: return $0
                case .element(let c): return .element(lowercased(c))
                }
            })
    }

    func article(_ e: XMLElement) -> Document {
        let m = LEGIReader.meta(of: e)
        var text = TextAssembler()
        LEGIReader.appendArticle(e, meta: m, into: &text)
        var metadata: [String: String] = [:]
        metadata["identifiant"] = m.id
        metadata["numero"] = m.number
        metadata["etat"] = m.state
        metadata["date_debut"] = m.start
        metadata["date_fin"] = m.end
        metadata["texte"] = m.textTitle
        if !m.breadcrumb.isEmpty { metadata["sections"] = m.breadcrumb.joined(separator: " > ") }
        let title = [m.textTitle, LEGIReader.label(m)].compactMap { $0 }.joined(separator: " — ")
        let date = m.start.flatMap { $0 == LEGIReader.openEnded ? nil : DateNormalizer.iso8601Day($0) }
        return Document(
            id: input.contentHash, source: input.path, item: m.id, format: .legi, title: title, date: date,
            text: text.text, blocks: text.blocks, warnings: warnings, metadata: metadata)
    }

    // MARK: TEXTE_VERSION

    func texteVersion(_ e: XMLElement) -> Document {
        let commun = e.path("META/META_COMMUN")
        let chronicle = e.path("META/META_SPEC/META_TEXTE_CHRONICLE")
        let version = e.path("META/META_SPEC/META_TEXTE_VERSION")
        let title = version?.child("TITREFULL")?.text ?? version?.child("TITRE")?.text
        var text = TextAssembler()
        if let title { text.append(title, kind: .heading) }
        for (tag, label) in [("VISAS", "Visas"), ("NOTA", "Nota"), ("TP", "Travaux préparatoires")] {
            if let contenu = e.path("\(tag)/CONTENU"), contenu.text != nil {
                let before = text.blockCount
                LEGIReader.appendContent(contenu, into: &text)
                text.wrap(from: before, kind: .section, label: label)
            }
        }
        var signatories: String?
        if let contenu = e.path("SIGNATAIRES/CONTENU"), contenu.text != nil {
            let before = text.blockCount
            LEGIReader.appendContent(contenu, into: &text)
            text.wrap(from: before, kind: .signature, label: "Signataires")
            signatories = contenu.text
        }
        var metadata: [String: String] = [:]
        metadata["identifiant"] = commun?.child("ID")?.text
        metadata["nature"] = commun?.child("NATURE")?.text
        metadata["nor"] = chronicle?.child("NOR")?.text
        metadata["numero"] = chronicle?.child("NUM")?.text
        metadata["date_texte"] = chronicle?.child("DATE_TEXTE")?.text
        metadata["date_publication"] = chronicle?.child("DATE_PUBLI")?.text
        metadata["etat"] = version?.child("ETAT")?.text
        metadata["date_debut"] = version?.child("DATE_DEBUT")?.text
        metadata["date_fin"] = version?.child("DATE_FIN")?.text
        metadata["signataires"] = signatories
        let rawDate = chronicle?.child("DATE_TEXTE")?.text ?? chronicle?.child("DATE_PUBLI")?.text
        let date = rawDate.flatMap { $0 == LEGIReader.openEnded ? nil : DateNormalizer.iso8601Day($0) }
        return Document(
            id: input.contentHash, source: input.path, item: metadata["identifiant"], format: .legi, title: title,
            date: date, text: text.text, blocks: text.blocks, warnings: warnings, metadata: metadata)
    }

    // MARK: SECTION_TA

    func section(_ e: XMLElement) -> Document {
        let title = e.child("TITRE_TA")?.text
        var text = TextAssembler()
        if let title { text.append(title, kind: .heading) }
        if let commentaire = e.child("COMMENTAIRE")?.text { text.append(commentaire, kind: .paragraph) }
        var articles: [String] = []
        if let structure = e.child("STRUCTURE_TA") {
            for link in structure.elements {
                switch link.name {
                case "LIEN_ART":
                    let num = link.attributes["num"] ?? ""
                    let state = link.attributes["etat"].map { " (\($0.lowercased()))" } ?? ""
                    text.append("Article \(num)\(state)", kind: .listItem, label: num.isEmpty ? nil : "Article \(num)")
                    if !num.isEmpty { articles.append(num) }
                case "LIEN_SECTION_TA":
                    if let t = link.text { text.append(t, kind: .listItem) }
                default: break
                }
            }
        }
        var metadata: [String: String] = [:]
        metadata["identifiant"] = e.child("ID")?.text
        if !articles.isEmpty { metadata["articles"] = articles.joined(separator: " ; ") }
        if let texte = e.path("CONTEXTE/TEXTE/TITRE_TXT") {
            metadata["texte"] = texte.attributes["c_titre_court"] ?? texte.text
        }
        return Document(
            id: input.contentHash, source: input.path, item: metadata["identifiant"], format: .legi, title: title,
            text: text.text, blocks: text.blocks, warnings: warnings, metadata: metadata)
    }

    // MARK: Several articles in one file

    func collection(_ root: XMLElement) -> Document {
        var text = TextAssembler()
        var numbers: [String] = []
        let articles = root.descendants("ARTICLE")
        for article in articles {
            let m = LEGIReader.meta(of: article)
            LEGIReader.appendArticle(article, meta: m, into: &text)
            if let n = m.number { numbers.append(n) }
        }
        var w = warnings
        if articles.isEmpty {
            // A text's structure (TEXTELR/STRUCT): the list of its sections and articles.
            for link in LEGIReader.structureLinks(root) {
                if link.name == "LIEN_ART", let num = link.attributes["num"], !num.isEmpty {
                    text.append("Article \(num)", kind: .listItem, label: "Article \(num)")
                    numbers.append(num)
                } else if let t = link.text ?? link.attributes["titre"] {
                    text.append(t, kind: .listItem)
                }
            }
            if text.isEmpty { w.append("aucun article LEGI trouvé dans « \(root.name) »") }
        }
        var metadata: [String: String] = [:]
        if !numbers.isEmpty { metadata["articles"] = numbers.joined(separator: " ; ") }
        return Document(
            id: input.contentHash, source: input.path, format: .legi, title: nil, text: text.text,
            blocks: text.blocks, warnings: w, metadata: metadata)
    }

    /// `LIEN_SECTION_TA` and `LIEN_ART` elements in document order.
    static func structureLinks(_ e: XMLElement) -> [XMLElement] {
        var out: [XMLElement] = []
        for child in e.elements {
            if child.name == "LIEN_ART" || child.name == "LIEN_SECTION_TA" { out.append(child) }
            out += structureLinks(child)
        }
        return out
    }
}
