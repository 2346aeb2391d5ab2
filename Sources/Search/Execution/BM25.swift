import Foundation

/// Okapi BM25 with the classic parameters (k1 = 1.2, b = 0.75):
/// score = idf · tf · (k1 + 1) / (tf + k1 · (1 − b + b · dl / avgdl)),
/// idf = ln(1 + (N − df + 0.5) / (df + 0.5)).
struct BM25 {
    static let k1: Float = 1.2
    static let b: Float = 0.75

    /// Extra weight of a word found in the title (added to its body score).
    static let titleBoost: Float = 1.5

    static func idf(docFreq: Int, docCount: Int) -> Float {
        let n = Float(max(docCount, 1))
        let df = Float(docFreq)
        return logf(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// Precomputed per field: the length normalization factor is `k1 · (1 − b + b · dl / avgdl)`.
    let avgLength: Float

    init(averageLength: Float) {
        avgLength = max(averageLength, 1)
    }

    /// The constants of one term's scores in this field, so that a posting costs one
    /// division: score = a · tf / (tf + c1 + c2 · length).
    struct Weight {
        let a: Float
        let c1: Float
        let c2: Float

        @inline(__always) func score(tf: Float, length: UInt32) -> Float {
            a * tf / (tf + c1 + c2 * Float(length))
        }
    }

    /// `boost` multiplies the whole score (the title's extra weight).
    func weight(idf: Float, boost: Float = 1) -> Weight {
        Weight(a: boost * idf * (BM25.k1 + 1), c1: BM25.k1 * (1 - BM25.b), c2: BM25.k1 * BM25.b / avgLength)
    }

    @inline(__always) func score(idf: Float, tf: Float, length: UInt32) -> Float {
        let norm = BM25.k1 * (1 - BM25.b + BM25.b * Float(length) / avgLength)
        return idf * tf * (BM25.k1 + 1) / (tf + norm)
    }
}
