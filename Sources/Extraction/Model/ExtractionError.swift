/// Why a file could not be extracted. `description` is the French one-line message shown
/// to users (the CLI prefixes it with the file name).
public enum ExtractionError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case isDirectory(path: String)
    case empty(path: String)
    case unsupportedFormat(path: String)
    case encrypted(path: String)
    case damaged(path: String, reason: String)
    case hostileXML(path: String, reason: String)
    case malformedXML(path: String, reason: String)
    case archiveTooLarge(path: String, reason: String)
    case invalidEncoding(path: String, reason: String)
    /// poppler-glib (loaded when the first PDF is opened) is missing or unusable.
    case pdfLibraryUnavailable(path: String, reason: String)

    public var path: String {
        switch self {
        case .unreadable(let p, _), .isDirectory(let p), .empty(let p), .unsupportedFormat(let p),
            .encrypted(let p), .damaged(let p, _), .hostileXML(let p, _), .malformedXML(let p, _),
            .archiveTooLarge(let p, _), .invalidEncoding(let p, _), .pdfLibraryUnavailable(let p, _):
            return p
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let p, let r): return "\(p) : lecture impossible (\(r))"
        case .isDirectory(let p): return "\(p) : c’est un répertoire, pas un fichier"
        case .empty(let p): return "\(p) : fichier vide"
        case .unsupportedFormat(let p): return "\(p) : format non reconnu (ni PDF, XML, HTML, DOCX, ODT ni texte)"
        case .encrypted(let p): return "\(p) : PDF chiffré, mot de passe requis"
        case .damaged(let p, let r): return "\(p) : document endommagé (\(r))"
        case .hostileXML(let p, let r): return "\(p) : XML refusé par sécurité (\(r))"
        case .malformedXML(let p, let r): return "\(p) : XML mal formé (\(r))"
        case .archiveTooLarge(let p, let r): return "\(p) : archive refusée (\(r))"
        case .invalidEncoding(let p, let r): return "\(p) : encodage invalide (\(r))"
        case .pdfLibraryUnavailable(let p, let r):
            return "\(p) : lecture des PDF impossible, bibliothèque poppler-glib non chargée (\(r)) ; paquet Debian libpoppler-glib8"
        }
    }
}
