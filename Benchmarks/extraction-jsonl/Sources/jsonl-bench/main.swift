import Extraction
import Foundation

// Reads the file once, then times (CPU time of this thread, best of 3 — fair on a shared,
// overloaded machine; wall time is printed too) the steps of extraction:
// the content hash (ExtractionInput), and the streaming JSON Lines extractor (parse, decode,
// NFC, ids, paragraph blocks). Prints MB/s of input.
let path = CommandLine.arguments.dropFirst().first ?? "corpus.jsonl"
let data = try Data(contentsOf: URL(fileURLWithPath: path))
let megabytes = Double(data.count) / 1e6

func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

var wallNote: [String] = []
@MainActor func time(_ label: String, _ body: () -> Void) -> Double {
    var best = Double.infinity
    var bestWall = Double.infinity
    for _ in 0..<3 {
        let wall = DispatchTime.now().uptimeNanoseconds
        let start = cpuSeconds()
        body()
        best = min(best, cpuSeconds() - start)
        bestWall = min(bestWall, Double(DispatchTime.now().uptimeNanoseconds - wall) / 1e9)
    }
    wallNote.append(String(format: "%@: wall %.2f s", label, bestWall))
    return best
}

var input: ExtractionInput?
let hashing = time("hash") { input = ExtractionInput(path: path, data: data, format: .jsonl) }
var documents = 0
var textBytes = 0
var skipped = 0
let extracting = time("extractor") {
    documents = 0
    textBytes = 0
    skipped = 0
    JSONLinesExtractor().forEachDocument(in: input!, skipped: { _ in skipped += 1 }) { doc in
        documents += 1
        textBytes += doc.text.utf8.count
    }
}
print(String(format: "input %.1f MB, %d documents, %d skipped lines, %.1f MB of text", megabytes, documents, skipped, Double(textBytes) / 1e6))
print(String(format: "| content hash (SHA-256 of the file) | %.2f s | %.0f MB/s |", hashing, megabytes / hashing))
print(String(format: "| JSON Lines extractor (streaming) | %.2f s | %.0f MB/s, %.0f docs/s |", extracting, megabytes / extracting, Double(documents) / extracting))
print("(CPU seconds; " + wallNote.joined(separator: ", ") + ")")
print(String(format: "| extraction total (hash + extractor) | %.2f s | %.0f MB/s |", hashing + extracting, megabytes / (hashing + extracting)))
