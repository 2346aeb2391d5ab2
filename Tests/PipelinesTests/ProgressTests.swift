import Pipelines
import Testing

@Suite("Progress display")
struct ProgressTests {
    static func events(total: Int) -> [FileEvent] {
        (1...total).map { i in
            let outcome: FileEvent.Outcome =
                i == 3
                ? .failed(FailureRecord(path: "c/3.pdf", stage: .extract, message: "PDF chiffré, mot de passe requis"))
                : (i % 2 == 0 ? .unchanged : .added(documents: 1))
            return FileEvent(path: "c/\(i).txt", bytes: 1000, outcome: outcome, done: i, total: total)
        }
    }

    @Test("Piped: plain lines, one per file added or failed, milestones for unchanged files, no cursor control")
    func logLines() {
        nonisolated(unsafe) var lines: [String] = []
        let log = ProgressLog(write: { lines.append($0) })
        log.started(files: 20, bytes: 20_000)
        for event in Self.events(total: 20) { log.fileFinished(event) }
        log.committed(files: 10)
        log.ended()
        #expect(lines.first?.hasSuffix("20 fichiers à examiner (0,02 Mo)") == true)
        #expect(lines.contains { $0.hasSuffix("[1/20] ajouté c/1.txt (1 document)") })
        #expect(lines.contains { $0.hasSuffix("[3/20] échec c/3.pdf [extraction] : PDF chiffré, mot de passe requis") })
        #expect(lines.contains { $0.hasSuffix("enregistré dans l’index (10 fichiers traités)") })
        #expect(!lines.contains { $0.contains("\u{1B}") || $0.contains("\r") })
        // Unchanged files only show as a count every tenth of the run.
        #expect(lines.filter { $0.hasSuffix("fichiers examinés") }.count <= 10)
        #expect(lines.count == 1 + 9 + 1 + lines.filter { $0.hasSuffix("fichiers examinés") }.count + 1)
    }

    @Test("Terminal: a bar redrawn in place with done/total, failures printed above it")
    func bar() {
        nonisolated(unsafe) var output = ""
        let bar = ProgressBar(width: 10, write: { output += $0 })
        bar.started(files: 4, bytes: 4000)
        for event in Self.events(total: 4) { bar.fileFinished(event) }
        bar.ended()
        #expect(output.contains("\r\u{1B}[2K"))
        #expect(output.contains("0/4 fichiers"))
        #expect(output.contains("██████████ 4/4 fichiers"))
        #expect(output.contains("échec : c/3.pdf [extraction] : PDF chiffré, mot de passe requis\n"))
        #expect(output.hasSuffix("\n"))
    }
}
