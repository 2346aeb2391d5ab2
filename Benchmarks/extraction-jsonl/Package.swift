// swift-tools-version:6.0
// In-process throughput of the JSON Lines extractor alone (no JSON output), kept out of the
// main package so that CI never builds it. Run: swift run -c release jsonl-bench CORPUS.jsonl
import PackageDescription

let package = Package(
    name: "ExtractionJSONLBench",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Cooplex", path: "../..")],
    targets: [
        .executableTarget(
            name: "jsonl-bench",
            dependencies: [.product(name: "Extraction", package: "Cooplex")])
    ]
)
