/// A parsed XML or HTML element, as plain Swift values: the libxml2 document it came from
/// is already freed, so no C pointer ever escapes the `XML` folder.
public final class XMLElement: Sendable {
    /// Local name (without prefix). HTML names are lower-case (libxml2 folds them).
    public let name: String
    /// Namespace URI, or nil.
    public let namespace: String?
    /// Attributes by local name (a prefixed attribute such as `xml:lang` keeps only `lang`).
    public let attributes: [String: String]
    public let children: [XMLContent]

    public init(name: String, namespace: String?, attributes: [String: String], children: [XMLContent]) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
    }

    public subscript(attribute name: String) -> String? { attributes[name] }

    /// Direct child elements.
    public var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// The first direct child element with this local name (optionally in this namespace).
    public func child(_ name: String, namespace: String? = nil) -> XMLElement? {
        for case .element(let e) in children where e.name == name && (namespace == nil || e.namespace == namespace) {
            return e
        }
        return nil
    }

    public func children(_ name: String) -> [XMLElement] {
        elements.filter { $0.name == name }
    }

    /// The first element with this local name in document order below this one (depth-first).
    public func firstDescendant(_ name: String) -> XMLElement? {
        for case .element(let e) in children {
            if e.name == name { return e }
            if let found = e.firstDescendant(name) { return found }
        }
        return nil
    }

    /// Every element with this local name below this one, in document order; does not
    /// look inside a match.
    public func descendants(_ name: String) -> [XMLElement] {
        var out: [XMLElement] = []
        collect(name, into: &out)
        return out
    }

    private func collect(_ name: String, into out: inout [XMLElement]) {
        for case .element(let e) in children {
            if e.name == name { out.append(e) } else { e.collect(name, into: &out) }
        }
    }

    /// Follows a path of local names from this element (`"META/META_COMMUN/ID"`).
    public func path(_ path: String) -> XMLElement? {
        var current: XMLElement? = self
        for part in path.split(separator: "/") {
            current = current?.child(String(part))
            if current == nil { return nil }
        }
        return current
    }

    /// All descendant text, raw (whitespace as in the source).
    public var rawText: String {
        var out = ""
        appendRawText(into: &out)
        return out
    }

    private func appendRawText(into out: inout String) {
        for c in children {
            switch c {
            case .text(let t): out += t
            case .element(let e): e.appendRawText(into: &out)
            }
        }
    }

    /// All descendant text with whitespace runs collapsed to single spaces and trimmed;
    /// nil when empty.
    public var text: String? {
        let t = Whitespace.collapse(rawText)
        return t.isEmpty ? nil : t
    }

    /// True when some direct child is non-blank text (mixed or text-only content).
    public var hasDirectText: Bool {
        for case .text(let t) in children where !Whitespace.isBlank(t) { return true }
        return false
    }
}

/// A node of element content: a child element or a run of character data.
public enum XMLContent: Sendable {
    case element(XMLElement)
    case text(String)
}
