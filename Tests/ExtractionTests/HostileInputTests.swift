import Extraction
import Foundation
import Testing

@Suite("Hostile and broken input")
struct HostileInputTests {
    static func failure(_ relative: String) -> ExtractionError? {
        do {
            _ = try XMLFixtures.extract(relative)
            return nil
        } catch let error as ExtractionError {
            return error
        } catch {
            return nil
        }
    }

    @Test("XXE to file:///etc/passwd is not expanded and never reaches the output")
    func xxe() throws {
        let doc = try XMLFixtures.extractOne("Tests/Fixtures/hostile/xxe-file.xml")
        #expect(doc.text == "Coopération décentralisée")
        #expect(!doc.text.contains("root:"))
        #expect(doc.warnings == ["entité externe « secret » ignorée (jamais chargée)"])
        // External parameter entity over the network: not fetched, the document still reads.
        let remote = try XMLFixtures.extractOne("Tests/Fixtures/hostile/xxe-parameter.xml")
        #expect(remote.text == "Flux")
    }

    @Test("Billion laughs fails fast with a French security error")
    func billionLaughs() {
        let error = Self.failure("Tests/Fixtures/hostile/billion-laughs.xml")
        guard case .hostileXML(_, let reason)? = error else {
            Issue.record("expected hostileXML, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("entités"))
    }

    @Test("A 20 KB entity referenced 20,000 times is refused by the expansion budget")
    func quadraticBlowup() {
        let error = Self.failure("Tests/Fixtures/hostile/quadratic-blowup.xml")
        guard case .hostileXML(_, let reason)? = error else {
            Issue.record("expected hostileXML, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("Kio"))
        #expect(error?.description.contains("XML refusé par sécurité") == true)
    }

    @Test("Small internal entities are still expanded")
    func smallEntities() throws {
        let xml = #"<?xml version="1.0"?><!DOCTYPE n [<!ENTITY cd "coopération décentralisée">]><n><p>La &cd; avance.</p></n>"#
        let doc = try DocumentExtractor().extract(data: Data(xml.utf8), path: "n.xml")[0]
        #expect(doc.text == "La coopération décentralisée avance.")
    }

    @Test("Zip bombs fail cleanly", arguments: [
        "Tests/Fixtures/hostile/zip-bomb-declared.docx",
        "Tests/Fixtures/hostile/zip-bomb-ratio.docx",
        "Tests/Fixtures/hostile/zip-bomb-lying-size.docx",
    ])
    func zipBombs(path: String) {
        let error = Self.failure(path)
        guard case .archiveTooLarge? = error else {
            Issue.record("expected archiveTooLarge, got \(String(describing: error))")
            return
        }
        #expect(error?.description.contains("archive refusée") == true)
    }

    @Test("Entry names with ../ are never used as paths")
    func zipSlip() throws {
        let escaped = "/tmp/cooplex-zip-slip.txt"
        try? FileManager.default.removeItem(atPath: escaped)
        let doc = try XMLFixtures.extractOne("Tests/Fixtures/hostile/zip-slip.docx")
        #expect(doc.text == "Convention lue sans jamais écrire de fichier.")
        #expect(doc.warnings.first?.contains("../../../../tmp/cooplex-zip-slip.txt") == true)
        #expect(!FileManager.default.fileExists(atPath: escaped))
        #expect(!FileManager.default.fileExists(atPath: "/etc/cooplex-absolute.txt"))
    }

    @Test("Broken files give one-line French errors", arguments: [
        ("Tests/Fixtures/hostile/empty.txt", "fichier vide"),
        ("Tests/Fixtures/hostile/garbage.bin", "format non reconnu"),
        ("Tests/Fixtures/hostile/un-repertoire", "c’est un répertoire"),
        ("Tests/Fixtures/hostile/lien-casse.txt", "lien symbolique cassé"),
        ("Tests/Fixtures/hostile/empty.txt/dedans", "un élément du chemin n’est pas un répertoire"),
        ("Tests/Fixtures/hostile/absent.xml", "fichier introuvable"),
        ("Tests/Fixtures/hostile/undecodable.txt", "encodage invalide"),
        ("Tests/Fixtures/hostile/malformed.xml", "XML mal formé"),
        ("Tests/Fixtures/hostile/truncated.docx", "document endommagé"),
    ])
    func brokenFiles(path: String, expected: String) {
        let error = Self.failure(path)
        let message = error?.description ?? ""
        #expect(message.contains(expected), "\(path): \(message)")
        #expect(!message.contains("\n"))
        #expect(message.hasPrefix(XMLFixtures.path(path)))
    }

    @Test("A FIFO is refused without blocking")
    func fifo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cooplex-fifo-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("tube").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: ExtractionError.unreadable(path: fifo, reason: "pas un fichier ordinaire (tube, socket ou périphérique)")) {
            try DocumentExtractor().extract(path: fifo)
        }
    }
}
