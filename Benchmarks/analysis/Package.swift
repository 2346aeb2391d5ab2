// swift-tools-version:6.0
import PackageDescription

// Throughput of the French analyzer, in its own package so `swift build` of Cooplex never
// builds it. `Sources/FrenchAnalysis` is a symbolic link to the analyzer's sources
// (Sources/Search/Analysis, which depends on nothing but the standard library).
// Run: swift run -c release --package-path Benchmarks/analysis analysis-bench [corpus.jsonl]
let package = Package(
    name: "AnalysisBench",
    targets: [
        .target(name: "FrenchAnalysis", path: "Sources/FrenchAnalysis"),
        .executableTarget(
            name: "analysis-bench", dependencies: ["FrenchAnalysis"], path: "Sources/AnalysisBench"),
    ]
)
