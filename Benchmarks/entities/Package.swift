// swift-tools-version:6.0
import PackageDescription

// Entity recognition throughput benchmark. Its own package (depends on the root package by
// path) so that `swift build` / CI of the root package never builds it.
// Run: Benchmarks/entities/run.sh
let package = Package(
    name: "EntitiesBenchmark",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Cooplex", path: "../..")],
    targets: [
        .executableTarget(
            name: "entities-bench",
            dependencies: [.product(name: "Entities", package: "Cooplex")])
    ]
)
