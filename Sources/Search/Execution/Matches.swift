/// Documents matched in one segment by a part of a query, in increasing id order, with
/// their scores.
struct Matches {
    var docs: [Int32] = []
    var scores: [Float] = []

    var count: Int { docs.count }

    mutating func append(_ doc: Int32, _ score: Float) {
        docs.append(doc)
        scores.append(score)
    }

    /// Documents in both, scores added.
    func intersect(_ other: Matches) -> Matches {
        var out = Matches()
        var i = 0, j = 0
        while i < docs.count, j < other.docs.count {
            let a = docs[i], b = other.docs[j]
            if a == b {
                out.append(a, scores[i] + other.scores[j])
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
        return out
    }

    /// Documents in either, scores added.
    func union(_ other: Matches) -> Matches {
        var out = Matches()
        out.docs.reserveCapacity(docs.count + other.docs.count)
        out.scores.reserveCapacity(docs.count + other.docs.count)
        var i = 0, j = 0
        while i < docs.count || j < other.docs.count {
            if j >= other.docs.count || (i < docs.count && docs[i] < other.docs[j]) {
                out.append(docs[i], scores[i])
                i += 1
            } else if i >= docs.count || other.docs[j] < docs[i] {
                out.append(other.docs[j], other.scores[j])
                j += 1
            } else {
                out.append(docs[i], scores[i] + other.scores[j])
                i += 1
                j += 1
            }
        }
        return out
    }

    /// Documents of self not in `other`.
    func subtract(_ other: Matches) -> Matches {
        var out = Matches()
        var j = 0
        for i in 0..<docs.count {
            let d = docs[i]
            while j < other.docs.count, other.docs[j] < d { j += 1 }
            if j < other.docs.count, other.docs[j] == d { continue }
            out.append(d, scores[i])
        }
        return out
    }
}
