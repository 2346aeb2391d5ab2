import Entities
import Extraction
import Foundation
import Search

// search-bench index CORPUS.jsonl DIR [--memory MB] [--entities on|off] [--merge]
// search-bench query DIR QUERIES.txt OUT.json [--reps N] [--limit K]

func fail(_ s: String) -> Never {
    FileHandle.standardError.write(Data((s + "\n").utf8))
    exit(2)
}

func option(_ name: String, _ args: [String]) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

let args = Array(CommandLine.arguments.dropFirst())
guard let command = args.first else { fail("usage: search-bench index|query …") }

switch command {
case "index":
    guard args.count >= 3 else { fail("usage: search-bench index CORPUS DIR [--memory MB] [--entities on|off]") }
    let corpus = args[1]
    let dir = args[2]
    let memory = Int(option("--memory", args) ?? "512")! * 1024 * 1024
    let entitiesOn = (option("--entities", args) ?? "on") == "on"
    let started = now()
    let recognizer: EntityRecognizer? = entitiesOn
        ? try EntityRecognizer.load(referenceDirectory: option("--reference", args)) : nil
    let writer = try IndexWriter(directory: dir, memoryBudget: memory)
    var n = 0
    try JSONLinesReader(path: corpus).forEach { o in
        let doc = Document(
            id: o["id"] ?? String(n), source: corpus, item: o["id"], format: .jsonl,
            title: o["title"], text: o["text"] ?? "")
        if let recognizer {
            try writer.add(doc, fileHash: "bench", recognizer: recognizer)
        } else {
            try writer.add(doc, entities: [], fileHash: "bench")
        }
        n += 1
    }
    try writer.commit()
    if args.contains("--merge") { try writer.forceMerge() }
    writer.close()
    let seconds = now() - started
    let stats = try IndexReader.open(directory: dir).statistics()
    print("{\"engine\": \"cooplex\", \"docs\": \(n), \"seconds\": \(seconds), \"entities\": \(entitiesOn), \"memory_mb\": \(memory >> 20), \"segments\": \(stats.segments), \"terms\": \(stats.terms), \"bytes\": \(stats.bytesOnDisk), \"index_bytes\": \(stats.indexBytes), \"store_bytes\": \(stats.storeBytes)}")

case "query":
    guard args.count >= 4 else { fail("usage: search-bench query DIR QUERIES OUT.json [--reps N] [--limit K]") }
    let reps = Int(option("--reps", args) ?? "10")!
    // --limit 0: totals only, no hit fetched (what the hits and their snippets cost).
    let limit = Int(option("--limit", args) ?? "10")!
    let t0 = now()
    let reader = try IndexReader.open(directory: args[1])
    let openSeconds = now() - t0
    var queries: [(String, String)] = []
    for line in try String(contentsOfFile: args[2], encoding: .utf8).split(separator: "\n") {
        if line.hasPrefix("#") || line.isEmpty { continue }
        let parts = line.split(separator: "\t", maxSplits: 1)
        if parts.count == 2 { queries.append((String(parts[0]), String(parts[1]))) }
    }
    var samples = [[Double]](repeating: [], count: queries.count)
    var totals: [Int] = []
    var tops: [[String]] = []
    for (_, q) in queries {
        let r = try reader.search(q, limit: 10)
        totals.append(r.total)
        tops.append(r.hits.map { $0.item ?? $0.id })
    }
    for _ in 0..<reps {
        for (i, (_, q)) in queries.enumerated() {
            let t = now()
            _ = try reader.search(q, limit: limit)
            samples[i].append((now() - t) * 1000)
        }
    }
    func esc(_ s: String) -> String { JSONValue.string(s).serialized() }
    var out = "{\"engine\": \"cooplex\", \"version\": \"0.1.0\", \"open_s\": \(openSeconds), \"reps\": \(reps), \"queries\": ["
    for (i, (typ, q)) in queries.enumerated() {
        if i > 0 { out += "," }
        out += "\n {\"type\": \(esc(typ)), \"query\": \(esc(q)), \"hits\": \(totals[i]), \"top10\": [\(tops[i].map(esc).joined(separator: ","))], \"ms\": [\(samples[i].map { String($0) }.joined(separator: ","))]}"
    }
    out += "]}\n"
    try out.write(toFile: args[3], atomically: true, encoding: .utf8)

default:
    fail("unknown command \(command)")
}
