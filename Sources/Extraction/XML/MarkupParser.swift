import CLibXML2
import Foundation

/// The one place where libxml2 is called. Parses XML or HTML bytes into a tree of Swift
/// values (`XMLElement`) and frees the libxml2 document before returning: no C pointer
/// leaves this file.
///
/// XML is parsed with network access off (`XML_PARSE_NONET`), without entity substitution
/// (no `XML_PARSE_NOENT`), without DTD loading (no `XML_PARSE_DTDLOAD`) and with libxml2's
/// default size limits (no `XML_PARSE_HUGE`). External entities are never read. Internal
/// entities are expanded by us while building the tree, under a byte budget: a document
/// that expands beyond it ("billion laughs" variants that libxml2 accepts, such as a 20 KB
/// entity referenced 20,000 times) is refused as hostile.
public enum MarkupParser {
    /// What a parse returns: the root element and notes for the document's warnings.
    public struct Result: Sendable {
        public var root: XMLElement
        public var warnings: [String]
    }

    public struct Limits: Sendable {
        /// Total bytes of text that entity references may produce in one document.
        public var entityExpansionBytes: Int = 1 << 20
        /// Elements nested deeper than this are read as text only (HTML has no depth limit
        /// of its own in libxml2; XML stops at 256).
        public var maximumDepth: Int = 400
        public init() {}
    }

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses an XML document. The encoding declared in the XML declaration (or a BOM) is
    /// honoured by libxml2; without one, UTF-8.
    public static func parseXML(_ data: Data, path: String, limits: Limits = Limits()) throws -> Result {
        do {
            return try parseXML(data, path: path, limits: limits, encoding: nil)
        } catch ExtractionError.malformedXML(let p, let reason) where reason.contains("UTF-8") {
            // Bytes that are not UTF-8 in a document declaring no encoding: read them as
            // Windows-1252 (a superset of ISO-8859-1), with a warning, or report both failures.
            guard !TextDecoder.isValidUTF8(data),
                var result = try? parseXML(data, path: path, limits: limits, encoding: "windows-1252")
            else {
                throw ExtractionError.malformedXML(path: p, reason: reason)
            }
            result.warnings.insert("UTF-8 invalide et aucun encodage déclaré : XML décodé comme Windows-1252", at: 0)
            return result
        }
    }

    private static func parseXML(_ data: Data, path: String, limits: Limits, encoding: String?) throws -> Result {
        _ = initialized
        guard data.count < Int(Int32.max) else {
            throw ExtractionError.unreadable(path: path, reason: "document XML trop volumineux")
        }
        guard let ctxt = xmlNewParserCtxt() else {
            throw ExtractionError.damaged(path: path, reason: "analyseur XML indisponible")
        }
        defer { xmlFreeParserCtxt(ctxt) }
        // libxml2 keeps parsing after a fatal error and its `lastError` is then a
        // consequence; record the first error through the context's structured handler.
        let firstError = FirstError()
        let box = Unmanaged.passRetained(firstError)
        defer { box.release() }
        ctxt.pointee._private = box.toOpaque()
        ctxt.pointee.sax.pointee.serror = { data, error in
            guard let data, let error else { return }
            let context = data.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let owner = context.pointee._private else { return }
            let record = Unmanaged<FirstError>.fromOpaque(owner).takeUnretainedValue()
            guard record.code == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            record.code = error.pointee.code
            record.line = error.pointee.line
            record.message = error.pointee.message.map { String(cString: $0) }
        }
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_NOCDATA.rawValue)
        let doc: xmlDocPtr? = data.withUnsafeBytes { raw in
            raw.withMemoryRebound(to: CChar.self) { buf in
                xmlCtxtReadMemory(ctxt, buf.baseAddress, Int32(buf.count), nil, encoding, options)
            }
        }
        guard let doc else {
            var error = ctxt.pointee.lastError
            if let code = firstError.code {
                error.code = code
                error.line = firstError.line
            }
            let message = firstError.message ?? error.message.map { String(cString: $0) }
            throw parseError(code: error.code, line: error.line, message: message, path: path)
        }
        defer { xmlFreeDoc(doc) }
        guard let rootNode = xmlDocGetRootElement(doc) else {
            throw ExtractionError.malformedXML(path: path, reason: "aucun élément racine")
        }
        var builder = TreeBuilder(doc: doc, limits: limits, path: path)
        guard let root = try builder.element(rootNode, depth: 0) else {
            throw ExtractionError.malformedXML(path: path, reason: "aucun élément racine")
        }
        return Result(root: root, warnings: builder.warnings)
    }

    /// Parses HTML leniently (libxml2's HTML parser, recovering from errors). `encoding`
    /// names the byte encoding ("UTF-8", "windows-1252"); nil lets a `<meta charset>` decide.
    public static func parseHTML(_ data: Data, encoding: String?) -> XMLElement? {
        _ = initialized
        guard !data.isEmpty, data.count < Int(Int32.max) else { return nil }
        guard let ctxt = htmlNewParserCtxt() else { return nil }
        defer { htmlFreeParserCtxt(ctxt) }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue)
        let doc: htmlDocPtr? = data.withUnsafeBytes { raw in
            raw.withMemoryRebound(to: CChar.self) { buf in
                htmlCtxtReadMemory(ctxt, buf.baseAddress, Int32(buf.count), nil, encoding, options)
            }
        }
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let rootNode = xmlDocGetRootElement(doc) else { return nil }
        var builder = TreeBuilder(doc: doc, limits: Limits(), path: "")
        return try? builder.element(rootNode, depth: 0)
    }

    /// Parses an HTML fragment held in a string (feed content, `CONTENU` of a LEGI article).
    public static func parseHTMLFragment(_ html: String) -> XMLElement? {
        parseHTML(Data(html.utf8), encoding: "UTF-8")
    }

    private static func parseError(code rawCode: Int32, line: Int32, message raw: String?, path: String) -> ExtractionError {
        let message = Whitespace.collapse(raw ?? "erreur inconnue")
        let code = xmlParserErrors(rawValue: UInt32(bitPattern: rawCode))
        if code == XML_ERR_ENTITY_LOOP {
            return .hostileXML(path: path, reason: "références d’entités en boucle ou démesurées (« billion laughs »)")
        }
        if code == XML_ERR_DOCUMENT_EMPTY {
            return .malformedXML(path: path, reason: "document vide")
        }
        if let french = frenchReason(code) {
            return .malformedXML(path: path, reason: "ligne \(line) : \(french) — \(message)")
        }
        return .malformedXML(path: path, reason: "ligne \(line) : \(message)")
    }

    /// French wording of the most common well-formedness errors.
    private static func frenchReason(_ code: xmlParserErrors) -> String? {
        switch code {
        case XML_ERR_TAG_NOT_FINISHED, XML_ERR_LTSLASH_REQUIRED: return "balise non fermée (fichier tronqué ?)"
        case XML_ERR_TAG_NAME_MISMATCH: return "balise fermante qui ne correspond pas à la balise ouvrante"
        case XML_ERR_DOCUMENT_END: return "contenu après l’élément racine"
        case XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY: return "entité non déclarée"
        case XML_ERR_INVALID_CHAR, XML_ERR_INVALID_CHARREF, XML_ERR_INVALID_ENCODING:
            return "caractère interdit ou encodage incorrect"
        case XML_ERR_UNSUPPORTED_ENCODING, XML_ERR_UNKNOWN_ENCODING: return "encodage déclaré non pris en charge"
        case XML_ERR_ATTRIBUTE_WITHOUT_VALUE, XML_ERR_ATTRIBUTE_NOT_STARTED, XML_ERR_ATTRIBUTE_NOT_FINISHED:
            return "attribut mal écrit"
        case XML_ERR_GT_REQUIRED, XML_ERR_NAME_REQUIRED: return "balise mal écrite"
        case XML_ERR_DOCUMENT_EMPTY: return "document vide"
        default: return nil
        }
    }
}

/// The first error libxml2 reported while parsing one document.
private final class FirstError {
    var code: Int32?
    var line: Int32 = 0
    var message: String?
}

/// Converts a libxml2 node tree into `XMLElement` values, expanding internal entities under
/// a budget and skipping external ones.
private struct TreeBuilder {
    let doc: xmlDocPtr
    let limits: MarkupParser.Limits
    let path: String
    var expandedBytes = 0
    var warnings: [String] = []
    var skippedExternal: Set<String> = []
    var truncatedDepth = false

    init(doc: xmlDocPtr, limits: MarkupParser.Limits, path: String) {
        self.doc = doc
        self.limits = limits
        self.path = path
    }

    mutating func element(_ node: xmlNodePtr, depth: Int) throws -> XMLElement? {
        guard node.pointee.type == XML_ELEMENT_NODE else { return nil }
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        let namespace = node.pointee.ns?.pointee.href.map { String(cString: $0) }
        var attributes: [String: String] = [:]
        var attr = node.pointee.properties
        while let a = attr {
            if let n = a.pointee.name {
                var value: [XMLContent] = []
                try contents(of: a.pointee.children, depth: depth + 1, entityDepth: 0, into: &value)
                attributes[String(cString: n)] = value.map { if case .text(let t) = $0 { t } else { "" } }.joined()
            }
            attr = a.pointee.next
        }
        var children: [XMLContent] = []
        if depth < limits.maximumDepth {
            try contents(of: node.pointee.children, depth: depth + 1, entityDepth: 0, into: &children)
        } else {
            if !truncatedDepth {
                warnings.append("imbrication de plus de \(limits.maximumDepth) éléments : structure aplatie")
                truncatedDepth = true
            }
            if let content = xmlNodeGetContentBounded(node) { children.append(.text(content)) }
        }
        return XMLElement(name: name, namespace: namespace, attributes: attributes, children: children)
    }

    /// Text of a too-deep subtree, without entity expansion.
    private func xmlNodeGetContentBounded(_ node: xmlNodePtr) -> String? {
        var out = ""
        var stack: [xmlNodePtr] = []
        var child = node.pointee.children
        while let c = child { stack.append(c); child = c.pointee.next }
        stack.reverse()
        while let n = stack.popLast() {
            if n.pointee.type == XML_TEXT_NODE || n.pointee.type == XML_CDATA_SECTION_NODE {
                if let content = n.pointee.content { out += String(cString: content) }
            } else if n.pointee.type == XML_ELEMENT_NODE {
                var kids: [xmlNodePtr] = []
                var k = n.pointee.children
                while let c = k { kids.append(c); k = c.pointee.next }
                stack.append(contentsOf: kids.reversed())
                out += " "
            }
        }
        return out.isEmpty ? nil : out
    }

    mutating func contents(
        of first: xmlNodePtr?, depth: Int, entityDepth: Int, into out: inout [XMLContent]
    ) throws {
        var child = first
        while let c = child {
            let type = c.pointee.type
            if type == XML_ELEMENT_NODE {
                if let e = try element(c, depth: depth) { out.append(.element(e)) }
            } else if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
                if let content = c.pointee.content {
                    let s = String(cString: content)
                    if entityDepth > 0 { try charge(s.utf8.count) }
                    out.append(.text(s))
                }
            } else if type == XML_ENTITY_REF_NODE {
                try expandEntity(c, depth: depth, entityDepth: entityDepth, into: &out)
            }
            child = c.pointee.next
        }
    }

    private mutating func expandEntity(
        _ ref: xmlNodePtr, depth: Int, entityDepth: Int, into out: inout [XMLContent]
    ) throws {
        guard let name = ref.pointee.name, let entity = xmlGetDocEntity(doc, name) else { return }
        let entityName = String(cString: name)
        switch entity.pointee.etype {
        case XML_INTERNAL_GENERAL_ENTITY, XML_INTERNAL_PREDEFINED_ENTITY:
            guard entityDepth < 16 else {
                throw ExtractionError.hostileXML(path: path, reason: "entités imbriquées sur plus de 16 niveaux")
            }
            if let kids = entity.pointee.children {
                try contents(of: kids, depth: depth, entityDepth: entityDepth + 1, into: &out)
            } else if let content = entity.pointee.content {
                let s = String(cString: content)
                try charge(s.utf8.count)
                out.append(.text(s))
            }
        default:
            // External entities (SYSTEM/PUBLIC): never read, whatever they point at.
            if skippedExternal.insert(entityName).inserted {
                warnings.append("entité externe « \(entityName) » ignorée (jamais chargée)")
            }
        }
    }

    private mutating func charge(_ bytes: Int) throws {
        expandedBytes += bytes
        if expandedBytes > limits.entityExpansionBytes {
            throw ExtractionError.hostileXML(
                path: path,
                reason: "les entités se développent au-delà de \(limits.entityExpansionBytes / 1024) Kio (expansion démesurée)")
        }
    }
}
