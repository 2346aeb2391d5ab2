/// A sum of money read from the convention ("150 000 euros", "7,5 millions d'euros").
public struct Amount: Sendable, Equatable {
    public enum Period: String, Sendable {
        /// Per year ("par an", "annuellement", "chaque année").
        case annual
        /// For the whole convention ("au total", "sur la durée de la convention").
        case total
        /// Not said.
        case unspecified
    }

    /// The value in units of `currency` (euros for `EUR`).
    public var value: Double
    /// ISO 4217 code when known (`EUR`, `XOF`, `MAD`, `USD`…).
    public var currency: String
    public var period: Period
    /// Where the figure itself is written.
    public var passage: Passage
    /// The sentence around it (for evidence and to classify what the figure is).
    public var sentence: Passage

    public init(value: Double, currency: String, period: Period, passage: Passage, sentence: Passage) {
        self.value = value
        self.currency = currency
        self.period = period
        self.passage = passage
        self.sentence = sentence
    }

    /// "150 000 €", "7 500 000 XOF".
    public var formatted: String { Amount.format(value, currency: currency) }

    public static func format(_ value: Double, currency: String) -> String {
        let whole = Int(value.rounded())
        var digits = Array(String(abs(whole)))
        var grouped: [Character] = []
        while digits.count > 3 {
            grouped = [" "] + Array(digits.suffix(3)) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        let sign = whole < 0 ? "-" : ""
        let symbol = currency == "EUR" ? "€" : currency
        return sign + String(grouped) + " " + symbol
    }
}
