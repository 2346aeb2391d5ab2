/// French function words, in folded form (no accents: "à" and "a", "où" and "ou" are the
/// same entry). A stop word emits no term but still occupies a position, so a phrase such as
/// "droits et libertés" keeps its gap and matches only text with one word between.
///
/// Deliberately short: articles, prepositions, pronouns, conjunctions and the commonest
/// forms of "être"/"avoir". Words that carry meaning in legal text ("sans", "sous",
/// "contre", "entre", "plus", "tout", "été") are not stop words.
enum FrenchStopWords {
    static let words: Set<[UInt8]> = Set(
        """
        a au aux avec c ca ce ceci cela celle celles celui ceux ces cet cette d dans de des du \
        elle elles en et etait etaient est eux il ils j je l la le les leur leurs lui m ma mais \
        me mes moi mon n ne ni nos notre nous on ont ou par pas pour qu que quel quelle quelles \
        quels qui quoi s sa se ses si soit son sont sur t ta te tes toi ton tu un une vos votre \
        vous y
        """.split(separator: " ").map { Array($0.utf8) })

    static func contains(_ folded: UnsafeBufferPointer<UInt8>) -> Bool {
        folded.count <= 8 && words.contains(Array(folded))
    }

    static func contains(_ folded: [UInt8]) -> Bool {
        folded.count <= 8 && words.contains(folded)
    }
}

/// Elided articles and conjunctions before an apostrophe ("l'État", "jusqu'à", "n'est"):
/// removed, and they take no position ("l'État" is one word, like "État").
enum FrenchElisions {
    static let words: Set<[UInt8]> = Set(
        "l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu".split(separator: " ").map {
            Array($0.utf8)
        })

    static func contains(_ folded: [UInt8]) -> Bool {
        folded.count <= 7 && words.contains(folded)
    }
}
