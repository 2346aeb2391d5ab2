// swift-tools-version:6.0
import PackageDescription

// The index/search benchmark driver: its own package so CI never builds it.
// Run from this directory: ./run.sh (see BENCHMARKS.md).
let package = Package(
    name: "SearchBenchmark",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Cooplex", path: "../..")],
    targets: [
        .executableTarget(
            name: "search-bench",
            dependencies: [
                .product(name: "Search", package: "Cooplex"),
                .product(name: "Extraction", package: "Cooplex"),
                .product(name: "Entities", package: "Cooplex"),
            ]),
    ]
)
