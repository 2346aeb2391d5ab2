// INTERIM IMPLEMENTATION — the analysis work replaces the internals; keep the public API
// (the index writer and the query executor call it).

/// What kind of term the analyzer emits. The index may store kinds in different fields.
public enum TermKind: UInt8, Sendable {
    /// The folded, stemmed form: what matching and BM25 use.
    case stem = 0
    /// The folded, unstemmed form: what prefix queries use.
    case surface = 1
}

/// French analysis: tokenization on UTF-8 bytes, elisions, lower case, accent folding,
/// compounds as whole + parts, legal numbers kept whole, light stemming, stop words.
/// One analyzer instance per thread (it caches per distinct word; not thread-safe).
public final class FrenchAnalyzer {
    public init() {}

    /// Calls `emit` for every term of `text` (UTF-8 bytes). `term` is only valid during the
    /// call. `position` counts tokens (stop words consume a position but emit nothing
    /// scored); `start`/`end` are byte offsets of the surface token in `text`.
    public func analyze(
        _ text: UnsafeBufferPointer<UInt8>,
        emit: (_ term: UnsafeBufferPointer<UInt8>, _ kind: TermKind, _ position: Int32, _ start: Int32, _ end: Int32) -> Void
    ) {
        var token: [UInt8] = []
        var position: Int32 = 0
        var start = 0
        var i = 0
        func flush(_ end: Int) {
            guard !token.isEmpty else { return }
            token.withUnsafeBufferPointer { t in
                emit(t, .stem, position, Int32(start), Int32(end))
                emit(t, .surface, position, Int32(start), Int32(end))
            }
            position += 1
            token.removeAll(keepingCapacity: true)
        }
        while i < text.count {
            let b = text[i]
            let isWord = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
            if isWord {
                if token.isEmpty { start = i }
                token.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            } else {
                flush(i)
            }
            i += 1
        }
        flush(i)
    }

    /// Convenience for queries and tests: the terms of `text` of one kind, in order.
    public func terms(_ text: String, kind: TermKind = .stem) -> [String] {
        var out: [String] = []
        var copy = text
        copy.withUTF8 { buf in
            analyze(buf) { term, k, _, _, _ in
                if k == kind { out.append(String(decoding: term, as: UTF8.self)) }
            }
        }
        return out
    }
}
