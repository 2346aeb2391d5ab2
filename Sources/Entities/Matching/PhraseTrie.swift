/// A trie over word ids: every reference name is a path of folded words, so one walk from
/// each word of the text finds all names starting there, whatever their number.
/// Patterns ending at a node are a linked list (`head` per node, `next` per pattern), so
/// the trie is a handful of flat arrays plus one hash table of edges. The root's children
/// (one per first word of a name: most edges, and the probe made for every word of a text)
/// are a plain array indexed by word id.
struct PhraseTrie: Sendable {
    private var rootChildren: [Int32] = []
    private var children: EdgeTable
    private var head: [Int32] = [-1]
    private var next: [Int32] = []

    init(expectedNodes: Int = 1024) {
        // About half the nodes hang from the root (their edges are in `rootChildren`).
        children = EdgeTable(minimumCapacity: expectedNodes / 2)
        head.reserveCapacity(expectedNodes)
        next.reserveCapacity(expectedNodes)
    }

    mutating func insert(_ words: [Int32], pattern: Int32) {
        var node: Int32 = 0
        for w in words {
            if node == 0 {
                if Int(w) >= rootChildren.count {
                    rootChildren += Array(repeating: -1, count: Int(w) + 1 - rootChildren.count)
                }
                if rootChildren[Int(w)] < 0 {
                    rootChildren[Int(w)] = Int32(head.count)
                    head.append(-1)
                }
                node = rootChildren[Int(w)]
                continue
            }
            let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: w))
            let (child, inserted) = children.findOrInsert(key, Int32(head.count))
            if inserted { head.append(-1) }
            node = child
        }
        while next.count <= Int(pattern) { next.append(-1) }
        next[Int(pattern)] = head[Int(node)]
        head[Int(node)] = pattern
    }

    @inline(__always)
    func child(_ node: Int32, _ word: Int32) -> Int32? {
        if node == 0 {
            guard word >= 0, Int(word) < rootChildren.count else { return nil }
            let c = rootChildren[Int(word)]
            return c < 0 ? nil : c
        }
        return children[UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: word))]
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

    /// First pattern ending at `node` (-1: none); then `nextPattern` until -1.
    @inline(__always)
    func firstPattern(_ node: Int32) -> Int32 { head[Int(node)] }

    @inline(__always)
    func nextPattern(_ pattern: Int32) -> Int32 { next[Int(pattern)] }

    /// Appends a `TrieMatch` for every name starting at `tokens[start]`, shortest first.
    /// Unknown words (id -1) end the walk.
    @inline(__always)
    func matches(_ tokens: [Token], from start: Int, into out: inout [TrieMatch]) {
        var node: Int32 = 0
        var i = start
        while i < tokens.count {
            let id = tokens[i].id
            if id < 0 { return }
            guard let child = child(node, id) else { return }
            node = child
            i += 1
            if head[Int(node)] >= 0 { out.append(TrieMatch(start: start, end: i, node: node)) }
        }
    }
}

/// A name found in the text: tokens [start, end) and the trie node whose patterns spell it.
struct TrieMatch: Sendable {
    var start: Int
    var end: Int
    var node: Int32
}

/// All trie matches of a text, grouped by start token (shortest first within a group).
struct TrieMatches {
    private(set) var all: [TrieMatch] = []
    private var first: [Int32]

    init(_ tokens: [Token], trie: PhraseTrie) {
        first = Array(repeating: 0, count: tokens.count + 1)
        for i in 0..<tokens.count {
            first[i] = Int32(all.count)
            if tokens[i].id >= 0 { trie.matches(tokens, from: i, into: &all) }
        }
        first[tokens.count] = Int32(all.count)
    }

    /// Matches starting at token `i`.
    @inline(__always)
    func starting(at i: Int) -> ArraySlice<TrieMatch> {
        all[Int(first[i])..<Int(first[i + 1])]
    }
}
