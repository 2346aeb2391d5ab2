import Foundation
import Testing

/// `cooplex check` run as a user would: French report, `--json` per the contract, exit codes.
@Suite("cooplex check")
struct CheckCLITests {
    static var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [beside.appendingPathComponent("cooplex").path, beside.deletingLastPathComponent().appendingPathComponent("cooplex").path]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return root + "/.build/debug/cooplex"
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["check"] + arguments
        p.currentDirectoryURL = URL(fileURLWithPath: root)
        var environment = ProcessInfo.processInfo.environment
        environment["COOPLEX_REFERENCE"] = root + "/Corpus/reference"
        p.environment = environment
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    static let fixtures = "Tests/Fixtures/conventions/"

    @Test("exit 0 when every convention is conforme, with the French report")
    func compliant() throws {
        let r = try Self.run([Self.fixtures + "conforme.txt", Self.fixtures + "plafond-respecte.txt"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Verdict : CONFORME"))
        #expect(r.stdout.contains("✓ objet — Objet des actions envisagées"))
        #expect(r.stdout.contains("Preuve (Article 3) : « La Ville de Belfort consacre à ce programme 30 000 euros par an"))
        #expect(r.stdout.contains("0,75 %, dans la limite de 1 %"))
    }

    @Test("exit 1 when any convention is non-conforme")
    func nonCompliant() throws {
        let r = try Self.run([Self.fixtures + "conforme.txt", Self.fixtures + "sans-objet.txt", Self.fixtures + "plafond-sans-budget.txt"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("Verdict : NON CONFORME — règle(s) non respectée(s) : objet"))
        #expect(r.stdout.contains("✗ objet"))
    }

    @Test("exit 2 when none is non-conforme but some are à vérifier")
    func toVerify() throws {
        let r = try Self.run([Self.fixtures + "conforme.txt", Self.fixtures + "plafond-sans-budget.txt"])
        #expect(r.status == 2)
        #expect(r.stdout.contains("Verdict : À VÉRIFIER — point(s) à vérifier : plafond-1-pourcent"))
    }

    @Test("exit 3 when a file cannot be read; the others are still checked")
    func unreadable() throws {
        let missing = "Tests/Fixtures/conventions/absente.pdf"
        let r = try Self.run([missing, Self.fixtures + "conforme.txt"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("absente.pdf"))
        #expect(r.stdout.contains("Verdict : CONFORME"))
        // A file with no readable text is an error too, never a "conforme".
        let empty = NSTemporaryDirectory() + "cooplex-check-blank-\(UUID().uuidString.prefix(8)).txt"
        try "   \n\n  ".write(toFile: empty, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let blank = try Self.run([empty])
        #expect(blank.status == 3)
        #expect(blank.stdout.isEmpty)
        #expect(!blank.stderr.isEmpty)
    }

    @Test("hostile or textless files are errors (exit 3), never conforme", arguments: [
        "Tests/Fixtures/pdf/scanned.pdf", "Tests/Fixtures/pdf/encrypted.pdf", "Tests/Fixtures/pdf/truncated.pdf",
        "Tests/Fixtures/hostile/billion-laughs.xml", "Tests/Fixtures/hostile/zip-bomb-ratio.docx", "Tests/Fixtures/hostile/garbage.bin",
    ])
    func hostile(_ file: String) throws {
        let r = try Self.run(["--json", file])
        #expect(r.status == 3, "\(file): \(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains((file as NSString).lastPathComponent))
    }

    @Test("--json prints one contract object per convention")
    func json() throws {
        let files = ["conforme.txt", "etat-etranger.txt", "aide-urgence.txt"].map { Self.fixtures + $0 }
        let r = try Self.run(["--json"] + files)
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects.map { $0["source"] as? String } == files)
        #expect(objects.map { $0["verdict"] as? String } == ["conforme", "non-conforme", "conforme"])
        let parties = objects[1]["parties"] as! [[String: Any]]
        #expect(parties.map { $0["role"] as? String } == ["collectivite-francaise", "etat-etranger"])
        #expect(parties.allSatisfy { $0["text"] is String && $0.keys.contains("normalized") })
        let rules = objects[1]["rules"] as! [[String: Any]]
        #expect(rules.count == 10)
        for rule in rules {
            for key in ["id", "title", "basis", "status", "evidence", "explanation"] { #expect(rule[key] != nil, "\(key)") }
            #expect(["ok", "manquant", "non-conforme", "a-verifier", "sans-objet"].contains(rule["status"] as! String))
        }
        let state = rules.first { $0["id"] as? String == "pas-d-etat-etranger" }!
        #expect(state["status"] as? String == "non-conforme")
        #expect(state["basis"] as? String == "CGCT, art. L1115-5")
        let evidence = (state["evidence"] as! [[String: Any]]).first!
        #expect((evidence["text"] as! String).hasPrefix("Le Ministère de la Décentralisation"))
        #expect(evidence["start"] is Int && evidence["end"] is Int)
        #expect(objects[2]["nature"] as? String == "aide-urgence")
    }

    @Test("the Corpus conventions in every format")
    func corpus() throws {
        let dir = "Corpus/conventions/"
        let r = try Self.run(["--json", dir + "convention-bourgogne-franche-comte-ninh-binh.docx", dir + "convention-haute-savoie-tiznit.akn.xml", dir + "convention-saint-brieuc-mbour.odt"])
        #expect(r.status == 1)
        let verdicts = r.stdout.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["verdict"] as? String
        }
        #expect(verdicts == ["non-conforme", "a-verifier", "a-verifier"])
    }
}
