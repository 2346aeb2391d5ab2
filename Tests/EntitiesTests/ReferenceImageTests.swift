import Entities
import Foundation
import Testing

/// The precompiled reference image (`Corpus/reference/gazetteer.bin`): it must be the one
/// the committed TSV files give, and a stale, missing or damaged image must never change
/// what is recognized (the loader then compiles the TSV files).
@Suite("Image de référence")
struct ReferenceImageTests {
    static let reference = EntityTestSupport.referenceDirectory
    static let brochure = GoldStandardTests.root
        .appendingPathComponent("Corpus/publications/brochure-30-ans-cooperation-decentralisee.txt").path

    /// A fresh copy of Corpus/reference in a temporary directory (each test its own: the
    /// recognizer cache is keyed by directory).
    static func copyOfReference(withImage: Bool = true) throws -> String {
        let fm = FileManager.default
        let dir = NSTemporaryDirectory() + "cooplex-reference-" + UUID().uuidString.prefix(8)
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for file in try fm.contentsOfDirectory(atPath: reference)
        where file.hasSuffix(".tsv") || (withImage && file == ReferenceImageFile.fileName) {
            try fm.copyItem(atPath: reference + "/" + file, toPath: dir + "/" + file)
        }
        return dir
    }

    static func signature(_ r: EntityRecognizer, _ text: String) -> [String] {
        r.recognize(text: text).map { "\($0.type.rawValue)|\($0.start)|\($0.end)|\($0.normalized)|\($0.attributes.sorted { $0.key < $1.key })" }
    }

    @Test("the committed image is the one the committed TSV files and the current code give")
    func committedImageIsCurrent() throws {
        // If this fails after editing a TSV file or the compiler: swift run cooplex reference compile
        #expect(try EntityRecognizer.load(referenceDirectory: Self.reference).referenceImage == .current)
        let dir = try Self.copyOfReference(withImage: false)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let summary = try ReferenceImageFile.compile(referenceDirectory: dir)
        #expect(summary.entries > 100_000 && summary.patterns > 110_000)
        let rebuilt = try Data(contentsOf: URL(fileURLWithPath: summary.path))
        let committed = try Data(contentsOf: URL(fileURLWithPath: Self.reference + "/" + ReferenceImageFile.fileName))
        #expect(rebuilt == committed, "gazetteer.bin n’est pas à jour : lancez « swift run cooplex reference compile »")
    }

    @Test("without an image the TSV files are compiled at load, with the same results")
    func missingImage() throws {
        let dir = try Self.copyOfReference(withImage: false)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try ReferenceImageFile.status(referenceDirectory: dir) == .missing)
        let fallback = try EntityRecognizer.load(referenceDirectory: dir)
        #expect(fallback.referenceImage == .missing)
        let text = try String(contentsOfFile: Self.brochure, encoding: .utf8)
        let expected = Self.signature(try EntityTestSupport.recognizer(), text)
        #expect(expected.count > 100)
        #expect(Self.signature(fallback, text) == expected)
    }

    @Test("an image older than the TSV files is not used: an added commune is recognized")
    func staleImage() throws {
        let dir = try Self.copyOfReference()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let handle = try #require(FileHandle(forWritingAtPath: dir + "/communes.tsv"))
        handle.seekToEndOfFile()
        handle.write(Data("commune\tcommune:99999\tCooplexville-sur-Mer\t2500\tb\tCooplexville-sur-Mer\n".utf8))
        handle.closeFile()
        guard case .stale = try ReferenceImageFile.status(referenceDirectory: dir) else {
            Issue.record("image périmée non détectée")
            return
        }
        let r = try EntityRecognizer.load(referenceDirectory: dir)
        guard case .stale = r.referenceImage else {
            Issue.record("image périmée utilisée")
            return
        }
        let found = r.recognize(text: "Cooplexville-sur-Mer coopère avec Dakar.", types: [.collectivite])
        #expect(found.map(\.normalized) == ["commune:99999", "etranger:SN:Dakar"])
        // Compiling again makes it current.
        try ReferenceImageFile.compile(referenceDirectory: dir)
        #expect(try ReferenceImageFile.status(referenceDirectory: dir) == .current)
    }

    @Test("a damaged, truncated or foreign image is detected, never crashes, changes nothing")
    func corruptImage() throws {
        let text = try String(contentsOfFile: Self.brochure, encoding: .utf8)
        let expected = Self.signature(try EntityTestSupport.recognizer(), text)
        let good = try Data(contentsOf: URL(fileURLWithPath: Self.reference + "/" + ReferenceImageFile.fileName))
        var flipped = good
        flipped[good.count / 2] ^= 0x5A
        var otherVersion = good
        otherVersion[8] &+= 1
        let damaged: [(String, Data)] = [
            ("octet modifié", flipped),
            ("tronquée", good.prefix(good.count - 4096)),
            ("en-tête seul", good.prefix(64)),
            ("vide", Data()),
            ("autre fichier", Data("commune\tcommune:90010\tBelfort\n".utf8)),
        ]
        for (label, bytes) in damaged {
            let dir = try Self.copyOfReference(withImage: false)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            try bytes.write(to: URL(fileURLWithPath: dir + "/" + ReferenceImageFile.fileName))
            let r = try EntityRecognizer.load(referenceDirectory: dir)
            guard case .corrupt = r.referenceImage else {
                Issue.record("\(label) : \(r.referenceImage)")
                continue
            }
            #expect(Self.signature(r, text) == expected, "\(label)")
        }
        // Another format version is stale, not damaged.
        let dir = try Self.copyOfReference(withImage: false)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try otherVersion.write(to: URL(fileURLWithPath: dir + "/" + ReferenceImageFile.fileName))
        let r = try EntityRecognizer.load(referenceDirectory: dir)
        guard case .stale(let why) = r.referenceImage else {
            Issue.record("version : \(r.referenceImage)")
            return
        }
        #expect(why.contains("format"))
        #expect(Self.signature(r, text) == expected)
    }
}
