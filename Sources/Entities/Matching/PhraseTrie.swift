/// A trie over word ids: every reference name is a path of folded words, so one walk from
/// each word of the text finds all names starting there, whatever their number.
///
/// Read-only view of flat arrays of the reference image (built by `PhraseTrieBuilder`):
/// - the root's children (one per first word of a name: the probe made for every word of
///   a text) in a plain array indexed by word id;
/// - the other edges grouped by parent node, sorted by word id (`edgeStart[node]` ..<
///   `edgeStart[node + 1]` in `edgeWord` / `edgeChild`): most nodes have zero or one
///   child, a few ("saint") thousands, found by binary search;
/// - patterns ending at a node as a linked list (`head` per node, `next` per pattern).
struct PhraseTrie: @unchecked Sendable {
    let rootChildren: FlatArray<Int32>
    let edgeStart: FlatArray<Int32>
    let edgeWord: FlatArray<Int32>
    let edgeChild: FlatArray<Int32>
    let head: FlatArray<Int32>
    let next: FlatArray<Int32>
    /// Keeps the memory of the arrays alive.
    private let owner: AnyObject

    init(
        rootChildren: FlatArray<Int32>, edgeStart: FlatArray<Int32>, edgeWord: FlatArray<Int32>,
        edgeChild: FlatArray<Int32>, head: FlatArray<Int32>, next: FlatArray<Int32>, owner: AnyObject
    ) {
        self.rootChildren = rootChildren
        self.edgeStart = edgeStart
        self.edgeWord = edgeWord
        self.edgeChild = edgeChild
        self.head = head
        self.next = next
        self.owner = owner
    }

    var nodeCount: Int { head.count }

    @inline(__always)
    func child(_ node: Int32, _ word: Int32) -> Int32? {
        if node == 0 {
            guard word >= 0, Int(word) < rootChildren.count else { return nil }
            let c = rootChildren[Int(word)]
            return c < 0 ? nil : c
        }
        var lo = Int(edgeStart[Int(node)])
        var hi = Int(edgeStart[Int(node) + 1])
        // Narrow [lo, hi) to a few edges around the first word >= `word`, then scan.
        while hi - lo > 8 {
            let mid = (lo + hi) >> 1
            if edgeWord[mid] < word { lo = mid + 1 } else { hi = mid + 1 }
        }
        while lo < hi {
            let w = edgeWord[lo]
            if w == word { return edgeChild[lo] }
            if w > word { return nil }
            lo += 1
        }
        return nil
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

/// Builds the trie while the reference data are compiled: edges in a hash table, then
/// `finish()` lays them out grouped by parent for the image. Node 0 is the root.
struct PhraseTrieBuilder {
    private(set) var rootChildren: [Int32] = []
    private var children: EdgeTable
    private(set) var head: [Int32] = [-1]
    private(set) var next: [Int32] = []

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

    /// The non-root edges grouped by parent node and sorted by word id:
    /// `start[node]..<start[node + 1]` index `word` and `child`.
    func edges() -> (start: [Int32], word: [Int32], child: [Int32]) {
        var all: [(key: UInt64, child: Int32)] = []
        all.reserveCapacity(children.count)
        children.forEach { all.append(($0, $1)) }
        // The key is (parent << 32 | word): sorting keys sorts by parent, then word.
        all.sort { $0.key < $1.key }
        var start = [Int32](repeating: 0, count: head.count + 1)
        for e in all { start[Int(e.key >> 32) + 1] += 1 }
        for i in 0..<head.count { start[i + 1] += start[i] }
        return (start, all.map { Int32(truncatingIfNeeded: $0.key & 0xFFFF_FFFF) }, all.map(\.child))
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
