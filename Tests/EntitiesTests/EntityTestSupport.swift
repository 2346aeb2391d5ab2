import Entities

/// The recognizer loaded once from the repository's Corpus/reference (found from #filePath).
enum EntityTestSupport {
    static let referenceDirectory = GoldStandardTests.root.appendingPathComponent("Corpus/reference").path

    static func recognizer() throws -> EntityRecognizer {
        try EntityRecognizer.load(referenceDirectory: referenceDirectory)
    }

    /// (surface, normalized) of the entities of one type.
    static func found(_ text: String, _ type: EntityType) throws -> [(String, String)] {
        try recognizer().recognize(text: text, types: [type]).filter { $0.type == type }.map { ($0.text, $0.normalized) }
    }

    static func normalized(_ text: String, _ type: EntityType) throws -> [String] {
        try found(text, type).map(\.1)
    }
}
