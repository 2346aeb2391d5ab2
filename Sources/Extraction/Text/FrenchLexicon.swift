import Foundation

/// A French word list held as an open-addressing table of 64-bit word hashes: one flat
/// array, no per-word allocation, loaded once per process, the first time a line-end
/// hyphen needs it (≈ 346,000 words: 13 ms in a warm loop, 20–30 ms as the first thing a
/// fresh process does).
///
/// The default list is Debian's `wfrench` (`/usr/share/dict/french`, installed by
/// `scripts/install-deps.sh`); `COOPLEX_LEXICON` names another file (one word per line,
/// UTF-8). A missing file gives an empty lexicon: callers then rely on the document's own
/// vocabulary, nothing crashes.
public final class FrenchLexicon: Sendable {
    /// The lexicon of the default word list, loaded on first use.
    public static let shared: FrenchLexicon = {
        for path in defaultPaths {
            if let lexicon = FrenchLexicon(contentsOfFile: path) { return lexicon }
        }
        return FrenchLexicon(words: [String]())
    }()

    /// Starts loading `shared` on a background thread (at most once per process), for a
    /// caller that will probably need it and has other work meanwhile: a PDF whose pages
    /// show line-end hyphens loads the lexicon on another core while poppler reads on.
    public static func prefetchShared() { _ = prefetch }

    private static let prefetch: Void = {
        DispatchQueue.global(qos: .userInitiated).async { _ = FrenchLexicon.shared }
    }()

    /// Where the word list is looked for, in order.
    public static var defaultPaths: [String] {
        var paths: [String] = []
        if let custom = ProcessInfo.processInfo.environment["COOPLEX_LEXICON"], !custom.isEmpty {
            paths.append(custom)
            return paths
        }
        paths.append("/usr/share/dict/french")
        paths.append("/usr/share/dict/francais")
        return paths
    }

    private let slots: [UInt64]
    private let mask: Int
    /// Number of distinct words (as hashed, exact case).
    public let count: Int
    /// Where the words came from, or nil for a lexicon built in memory.
    public let path: String?

    public var isEmpty: Bool { count == 0 }

    /// Builds a lexicon from words in memory (tests, custom lists).
    public init(words: some Sequence<String>) {
        var hashes: [UInt64] = []
        for word in words {
            var w = word
            w.withUTF8 { hashes.append(WordHash.hash($0, lowercased: false)) }
        }
        (slots, mask, count) = FrenchLexicon.buildTable(hashes)
        path = nil
    }

    /// Loads a word list (one word per line, UTF-8; `#` comments and blank lines skipped).
    /// Returns nil when the file cannot be read.
    public init?(contentsOfFile path: String) {
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return nil }
        var hashes: [UInt64] = []
        hashes.reserveCapacity(data.count / 10)
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            let n = bytes.count
            var i = 0
            while i <= n {
                if i == n || bytes[i] == 0x0A {
                    var end = i
                    while end > start && (bytes[end - 1] == 0x0D || bytes[end - 1] == 0x20) { end -= 1 }
                    if end > start && bytes[start] != 0x23 {
                        let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                        hashes.append(WordHash.hash(word, lowercased: false))
                    }
                    start = i + 1
                }
                i += 1
            }
        }
        (slots, mask, count) = FrenchLexicon.buildTable(hashes)
        self.path = path
    }

    private static func buildTable(_ hashes: [UInt64]) -> ([UInt64], Int, Int) {
        var capacity = 16
        // Load factor ≤ 0.7: short linear probes, and a table half the size of 2× slack.
        while Double(capacity) * 0.7 < Double(hashes.count) { capacity <<= 1 }
        var table = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        var count = 0
        for h in hashes {
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let s = table[i]
                if s == 0 {
                    table[i] = h
                    count += 1
                    break
                }
                if s == h { break }
                i = (i + 1) & mask
            }
        }
        return (table, mask, count)
    }

    /// Whether the lexicon holds exactly this hash.
    @inline(__always)
    func contains(hash h: UInt64) -> Bool {
        if count == 0 { return false }
        return slots.withUnsafeBufferPointer { table in
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let s = table[i]
                if s == h { return true }
                if s == 0 { return false }
                i = (i + 1) & mask
            }
        }
    }

    /// Whether the word is in the list as written, or (for a capitalised or upper-case
    /// word) in lower case.
    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        if count == 0 || word.isEmpty { return false }
        if contains(hash: WordHash.hash(word, lowercased: false)) { return true }
        return contains(hash: WordHash.hash(word, lowercased: true))
    }

    /// Whether the word is in the list as written or in lower case.
    public func contains(_ word: String) -> Bool {
        var w = word
        return w.withUTF8 { contains($0) }
    }

    func contains(_ word: [UInt8]) -> Bool {
        word.withUnsafeBufferPointer { contains($0) }
    }
}
