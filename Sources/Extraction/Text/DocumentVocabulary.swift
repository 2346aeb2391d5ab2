/// The words a document uses outside line-end breaks, lower-cased and hashed: the best
/// evidence for a break the lexicon cannot settle ("Liao-⏎ning" when "Liaoning" appears
/// elsewhere, "franco-⏎marocaine" when "franco-marocaine" does).
///
/// Both whole hyphenated tokens ("oudin-santini") and their parts ("oudin", "santini")
/// are recorded. The fragments around a line-end hyphen are not, so a broken word never
/// vouches for itself.
struct DocumentVocabulary {
    private var words = WordHashSet()

    init() {}

    /// Collects the words of `lines`, skipping each line's last token when the line ends
    /// with a hyphen and the first token of the line after it.
    init(lines: [[UInt8]]) {
        words = WordHashSet(capacity: 4096)
        var previousEndsWithHyphen = false
        for line in lines {
            let endsWithHyphen = Dehyphenator.endsWithBreakHyphen(line)
            line.withUnsafeBufferPointer { add(line: $0, skipFirst: previousEndsWithHyphen, skipLast: endsWithHyphen) }
            previousEndsWithHyphen = endsWithHyphen
        }
    }

    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        words.contains(WordHash.hash(word, lowercased: true))
    }

    func contains(_ word: [UInt8]) -> Bool {
        word.withUnsafeBufferPointer { contains($0) }
    }

    /// Adds every token of one line. A token is a run of word characters, possibly joined
    /// by single inner hyphens.
    mutating func add(line: UnsafeBufferPointer<UInt8>, skipFirst: Bool, skipLast: Bool) {
        let n = line.count
        var i = 0
        var first = true
        while i < n {
            // Skip to the next word character.
            let b = line[i]
            let next = i + 1 < n ? line[i + 1] : 0
            if !UTF8Class.isWordLead(b, next: next) {
                i += UTF8Class.sequenceLength(b)
                continue
            }
            let start = i
            var partStart = i
            var parts: [Range<Int>] = []
            while i < n {
                let c = line[i]
                let d = i + 1 < n ? line[i + 1] : 0
                if UTF8Class.isWordLead(c, next: d) {
                    i += UTF8Class.sequenceLength(c)
                    continue
                }
                // An inner hyphen joins two word characters.
                if c == 0x2D && i + 1 < n && UTF8Class.isWordLead(d, next: i + 2 < n ? line[i + 2] : 0) {
                    parts.append(partStart..<i)
                    i += 1
                    partStart = i
                    continue
                }
                break
            }
            let end = min(i, n)
            let isFirst = first
            first = false
            // A token at the line's end followed by a break hyphen is a fragment.
            var atEnd = end >= n
            if !atEnd {
                var k = end
                if line[k] == 0x2D { k += 1 }
                while k < n && (line[k] == 0x20 || line[k] == 0x09 || line[k] == 0x0D) { k += 1 }
                atEnd = k >= n && line[end] == 0x2D
            }
            if (isFirst && skipFirst) || (atEnd && skipLast) { continue }
            insert(UnsafeBufferPointer(rebasing: line[start..<end]))
            if !parts.isEmpty {
                parts.append(partStart..<end)
                for p in parts where !p.isEmpty { insert(UnsafeBufferPointer(rebasing: line[p])) }
            }
        }
    }

    private mutating func insert(_ word: UnsafeBufferPointer<UInt8>) {
        words.insert(WordHash.hash(word, lowercased: true))
    }
}
