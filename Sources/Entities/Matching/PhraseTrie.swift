/// A trie over word ids: every reference name is a path of folded words, so one walk from
/// each word of the text finds all names starting there, whatever their number.
/// Patterns ending at a node are a linked list (`head` per node, `next` per pattern), so
/// the trie is a handful of flat arrays plus one hash map of edges.
struct PhraseTrie: Sendable {
    private var children: [UInt64: Int32]
    private var head: [Int32] = [-1]
    private var next: [Int32] = []

    init(expectedNodes: Int = 1024) {
        children = Dictionary(minimumCapacity: expectedNodes)
        head.reserveCapacity(expectedNodes)
    }

    mutating func insert(_ words: [Int32], pattern: Int32) {
        var node: Int32 = 0
        for w in words {
            let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: w))
            if let child = children[key] {
                node = child
            } else {
                let child = Int32(head.count)
                head.append(-1)
                children[key] = child
                node = child
            }
        }
        while next.count <= Int(pattern) { next.append(-1) }
        next[Int(pattern)] = head[Int(node)]
        head[Int(node)] = pattern
    }

    @inline(__always)
    func child(_ node: Int32, _ word: Int32) -> Int32? {
        children[UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: word))]
    }

    /// Pattern ids ending at `node`.
    func patterns(at node: Int32) -> [Int32] {
        var out: [Int32] = []
        var p = head[Int(node)]
        while p >= 0 {
            out.append(p)
            p = next[Int(p)]
        }
        return out
    }

    /// Calls `body(endToken, patterns)` for every name starting at `tokens[start]`,
    /// shortest first. Unknown words (id -1) end the walk.
    @inline(__always)
    func matches(_ tokens: [Token], from start: Int, _ body: (Int, [Int32]) -> Void) {
        var node: Int32 = 0
        var i = start
        while i < tokens.count {
            let id = tokens[i].id
            if id < 0 { return }
            guard let child = child(node, id) else { return }
            node = child
            i += 1
            if head[Int(node)] >= 0 { body(i, patterns(at: node)) }
        }
    }
}
