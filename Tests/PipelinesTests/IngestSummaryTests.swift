import Foundation
import Pipelines
import Testing

@Suite("Run summary")
struct IngestSummaryTests {
    @Test("JSON summary: one object with counts, failures and duration")
    func json() throws {
        var summary = IngestSummary(pipeline: "publications", index: ".cooplex")
        summary.files = 5
        summary.added = 3
        summary.unchanged = 1
        summary.failed = 1
        summary.documents = 4
        summary.duration = 1.23456
        summary.failures = [FailureRecord(path: "Corpus/x.pdf", stage: .extract, message: "PDF chiffré, mot de passe requis")]
        let text = summary.jsonObject().serialized()
        #expect(!text.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["added"] as? Int == 3)
        #expect(object["unchanged"] as? Int == 1)
        #expect(object["failed"] as? Int == 1)
        #expect(object["duration_s"] as? Double == 1.235)
        let failures = try #require(object["failures"] as? [[String: String]])
        #expect(failures == [["path": "Corpus/x.pdf", "stage": "extraction", "message": "PDF chiffré, mot de passe requis"]])
        #expect(summary.exitCode == 1)
    }

    @Test("Text summary in French; a run with nothing to do says so in one line")
    func text() {
        var summary = IngestSummary(pipeline: "conventions")
        summary.unchanged = 12
        summary.duration = 0.4
        #expect(summary.renderText() == "Pipeline « conventions » — rien à faire : 12 fichiers inchangés (0,4 s)")
        summary.added = 2
        summary.documents = 2
        summary.failed = 1
        summary.failures = [FailureRecord(path: "a.pdf", stage: .read, message: "permission refusée")]
        let text = summary.renderText()
        #expect(text.contains("ajoutés     : 2 fichiers (2 documents indexés)"))
        #expect(text.contains("a.pdf [lecture] : permission refusée"))
    }

    @Test("A failure record drops the path its message repeats")
    func failureMessage() {
        struct E: Error, CustomStringConvertible { var description: String }
        let record = FailureRecord(path: "c/x.xml", stage: .extract, error: E(description: "c/x.xml : XML mal formé (ligne 3)"))
        #expect(record.message == "XML mal formé (ligne 3)")
    }
}
