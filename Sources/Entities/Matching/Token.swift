/// One word of the text: byte range, interned id of its folded form (-1 when the word
/// is in no reference name), and what its surface looks like.
struct Token: Sendable {
    var start: Int
    var end: Int
    var id: Int32
    var flags: Flags

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// First letter upper case ("Belfort", "PACA").
        static let capitalized = Flags(rawValue: 1)
        /// At least two letters, all upper case ("MAE").
        static let allCaps = Flags(rawValue: 2)
        /// Digits only.
        static let numeric = Flags(rawValue: 4)
        /// Joined to the previous word by a hyphen or dash ("franco-marocaine").
        static let hyphenBefore = Flags(rawValue: 8)
        /// First word of a sentence, heading or list item.
        static let sentenceStart = Flags(rawValue: 16)
        /// An elided article or preposition ("d’", "l’").
        static let elided = Flags(rawValue: 32)
    }
}
