/// Reads Akoma Ntoso 3.0 (OASIS LegalDocML, namespace
/// `http://docs.oasis-open.org/legaldocml/ns/akn/3.0`): preface, preamble, body with its
/// hierarchy and one `article` block per article ("Article 3 — Objet"), conclusions;
/// parties and signatories gathered into metadata.
struct AkomaNtosoReader {
    static let namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

    var input: ExtractionInput
    var warnings: [String]

    /// Hierarchical containers of the body (AKN's `hierarchy` group).
    static let containers: Set<String> = [
        "book", "part", "title", "subtitle", "chapter", "subchapter", "section", "subsection", "division",
        "subdivision", "tome", "subpart", "hcontainer", "clause", "subclause", "rule", "subrule",
    ]
    /// Elements whose text is one block.
    static let leafBlocks: Set<String> = ["p", "heading", "subheading", "blockList", "tblock", "signature", "longTitle"]

    func read(_ root: XMLElement) -> Document {
        // akomaNtoso > (act | bill | doc | statement | judgment | portion | …)
        let document = root.elements.first { $0.name != "components" } ?? root
        var text = TextAssembler()
        var parties: [String] = []
        var signatories: [String] = []
        collectParties(document, into: &parties)
        collectSignatures(document, into: &signatories)

        let title = docTitle(document)
        for part in document.elements {
            switch part.name {
            case "meta": continue
            case "coverPage", "preface":
                let before = text.blockCount
                appendFlow(part, into: &text)
                text.wrap(from: before, kind: .preface, label: part.name == "preface" ? "Préambule des parties" : nil)
            case "preamble":
                let before = text.blockCount
                appendFlow(part, into: &text)
                text.wrap(from: before, kind: .section, label: "Préambule")
            case "body", "mainBody", "judgmentBody", "debateBody", "amendmentBody", "collectionBody":
                appendFlow(part, into: &text)
            case "conclusions":
                let before = text.blockCount
                appendFlow(part, into: &text)
                text.wrap(from: before, kind: .conclusions, label: "Conclusions")
            case "attachments", "components":
                appendFlow(part, into: &text)
            default:
                appendFlow(part, into: &text)
            }
        }
        var metadata: [String: String] = [:]
        if !parties.isEmpty { metadata["parties"] = parties.joined(separator: " ; ") }
        if !signatories.isEmpty { metadata["signataires"] = signatories.joined(separator: " ; ") }
        if let work = document.path("meta/identification/FRBRWork") {
            metadata["identifiant"] = work.child("FRBRthis")?.attributes["value"]
            metadata["pays"] = work.child("FRBRcountry")?.attributes["value"]
        }
        metadata["type"] = document.attributes["name"] ?? document.name
        var w = warnings
        if text.isEmpty { w.append("document Akoma Ntoso sans texte") }
        return Document(
            id: input.contentHash, source: input.path, format: .akomaNtoso, title: title,
            date: date(document), text: text.text, blocks: text.blocks, warnings: w, metadata: metadata)
    }

    // MARK: Metadata

    private func docTitle(_ document: XMLElement) -> String? {
        if let t = document.firstDescendant("docTitle")?.text { return t }
        if let t = document.firstDescendant("longTitle")?.text { return t }
        if let name = document.path("meta/identification/FRBRWork/FRBRname")?.attributes["value"] { return name }
        return document.path("meta/identification/FRBRWork/FRBRalias")?.attributes["value"]
    }

    private func date(_ document: XMLElement) -> String? {
        if let d = document.firstDescendant("docDate")?.attributes["date"], let iso = DateNormalizer.iso8601Day(d) {
            return iso
        }
        if let d = document.path("meta/identification/FRBRWork/FRBRdate")?.attributes["date"] {
            return DateNormalizer.iso8601Day(d)
        }
        return nil
    }

    private func collectParties(_ e: XMLElement, into out: inout [String]) {
        for party in e.descendants("party") {
            if let t = party.text, !out.contains(t) { out.append(t) }
        }
        if out.isEmpty, let refs = e.path("meta/references") {
            // Fall back on the declared organizations when the text marks no <party>.
            for org in refs.children("TLCOrganization") {
                if let s = org.attributes["showAs"], !out.contains(s) { out.append(s) }
            }
        }
    }

    private func collectSignatures(_ e: XMLElement, into out: inout [String]) {
        for signature in e.descendants("signature") {
            let person = signature.firstDescendant("person")?.text
            let role = signature.firstDescendant("role")?.text
            let entry: String?
            switch (person, role) {
            case (let p?, let r?): entry = "\(p) (\(r))"
            case (let p?, nil): entry = p
            case (nil, let r?): entry = r
            default: entry = signature.text
            }
            if let entry, !out.contains(entry) { out.append(entry) }
        }
    }

    // MARK: Text flow

    /// Appends the blocks of any AKN subtree: articles, hierarchical containers, paragraphs.
    private func appendFlow(_ e: XMLElement, into text: inout TextAssembler, numPrefix: String? = nil) {
        var prefix = numPrefix
        for child in e.elements {
            switch child.name {
            case "meta", "num":
                continue
            case "article":
                appendArticle(child, into: &text)
            case _ where AkomaNtosoReader.containers.contains(child.name):
                let label = heading(of: child)
                let before = text.blockCount
                if let label { text.append(label, kind: .heading) }
                appendFlow(child, into: &text)
                text.wrap(from: before, kind: .section, label: label)
            case "heading", "subheading":
                // An article's or container's heading is already in its label.
                let labelled = e.name == "article" || AkomaNtosoReader.containers.contains(e.name)
                if !labelled { text.append(child.rawText, kind: .heading) }
            case "p", "tblock", "longTitle":
                let kind: Block.Kind = child.firstDescendant("signature") != nil ? .signature : .paragraph
                text.append(joined(prefix, child.rawText), kind: kind)
                prefix = nil
            case "signature":
                text.append(child.rawText, kind: .signature)
            case "blockList", "list":
                appendList(child, into: &text)
            case "table":
                for row in child.descendants("tr") {
                    let cells = row.elements.compactMap { $0.text }
                    text.append(cells.joined(separator: " | "), kind: .tableRow)
                }
            default:
                // paragraph, subparagraph, point, content, intro, wrapUp, container, formula, recitals…
                let ownNum = child.child("num")?.text
                appendFlow(child, into: &text, numPrefix: ownNum ?? prefix)
                if ownNum == nil { prefix = nil }
            }
        }
    }

    private func appendList(_ list: XMLElement, into text: inout TextAssembler) {
        for item in list.elements {
            switch item.name {
            case "listIntroduction", "listWrapUp", "intro", "wrapUp":
                text.append(item.rawText, kind: .paragraph)
            default:
                let num = item.child("num")?.text
                let body = item.elements.filter { $0.name != "num" }.map(\.rawText).joined(separator: " ")
                text.append(joined(num, body.isEmpty ? item.rawText : body), kind: .listItem)
            }
        }
    }

    private func appendArticle(_ article: XMLElement, into text: inout TextAssembler) {
        let label = heading(of: article) ?? "Article"
        let before = text.blockCount
        text.append(label, kind: .heading)
        appendFlow(article, into: &text)
        text.wrap(from: before, kind: .article, label: label)
    }

    /// "Article 3 — Objet", "Chapitre II — Engagements" from `<num>` and `<heading>`.
    private func heading(of e: XMLElement) -> String? {
        let num = e.child("num")?.text
        let title = e.child("heading")?.text
        switch (num, title) {
        case (let n?, let t?): return "\(n) — \(t)"
        case (let n?, nil): return n
        case (nil, let t?): return t
        default: return nil
        }
    }

    private func joined(_ prefix: String?, _ body: String) -> String {
        guard let prefix else { return body }
        return prefix + " " + body
    }
}
