import Extraction

/// The stage at which a file failed (raw values are the French words of the failure report).
public enum IngestStage: String, Sendable, Equatable, CaseIterable {
    case walk = "parcours"
    case read = "lecture"
    case extract = "extraction"
    case entities = "entites"
    case check = "verification"
    case index = "indexation"
    case output = "sortie"
}

/// One file that could not be processed: the run records it and goes on.
public struct FailureRecord: Sendable, Equatable {
    public var path: String
    public var stage: IngestStage
    /// French, without the path (the record carries it).
    public var message: String

    public init(path: String, stage: IngestStage, message: String) {
        self.path = path
        self.stage = stage
        self.message = message
    }

    /// Builds a record from any error, removing the "path : " prefix of the stage's messages.
    public init(path: String, stage: IngestStage, error: any Error) {
        var text = "\(error)"
        for prefix in [path + " : ", path + ": "] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
            break
        }
        self.init(path: path, stage: stage, message: text)
    }

    public func jsonObject() -> JSONValue {
        .object([("path", .string(path)), ("stage", .string(stage.rawValue)), ("message", .string(message))])
    }
}
