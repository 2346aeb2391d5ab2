/// Whitespace handling shared by the markup readers, working on UTF-8 bytes.
enum Whitespace {
    /// ASCII whitespace plus U+00A0 (no-break space) is *not* folded here: the text
    /// normalizer owns exotic spaces. Only XML whitespace (space, tab, CR, LF).
    @inline(__always) static func isXMLSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
    }

    static func isBlank(_ s: String) -> Bool {
        s.utf8.allSatisfy(isXMLSpace)
    }

    /// Collapses runs of XML whitespace into one space and trims both ends.
    static func collapse(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for b in s.utf8 {
            if isXMLSpace(b) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
