// swift-tools-version:6.0
import PackageDescription

// Stages, left to right: Extraction → Entities → Search / Compliance → Pipelines → cooplex.
// A stage imports only the stages to its left (see ../shared/docs/ARCHITECTURE.md).

// Start-up time of a fresh `cooplex` process (see BENCHMARKS.md, "Start-up"):
// - poppler-glib is bound at run time (Sources/Extraction/PDF/PopplerLibrary.swift), so the
//   libraries pkg-config names for it (poppler-glib, gobject, glib, cairo) must not become
//   DT_NEEDED entries. `--as-needed` drops them, but only for libraries named after it, and
//   swiftc puts every `-Xlinker` flag after every `-l`: the flag goes in a clang config file
//   instead, which clang reads before the rest of its link command.
// - the executable links the Swift runtime and Foundation statically (-static-stdlib): no
//   libswiftCore, libFoundation… to load and relocate at each start. Test bundles stay
//   dynamic (XCTest and swift-testing exist only as shared libraries), which is why
//   CLITests runs the built binary instead of linking the `cooplex` target.
let linkAsNeeded: LinkerSetting = .unsafeFlags([
    "-Xclang-linker", "--config=\(Context.packageDirectory)/Sources/CPoppler/link-as-needed.cfg",
])

let package = Package(
    name: "Cooplex",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cooplex", targets: ["cooplex"]),
        .library(name: "Extraction", targets: ["Extraction"]),
        .library(name: "Entities", targets: ["Entities"]),
        .library(name: "Search", targets: ["Search"]),
        .library(name: "Compliance", targets: ["Compliance"]),
        .library(name: "Pipelines", targets: ["Pipelines"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        // C libraries from Debian, found through pkg-config.
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CPoppler", path: "Sources/CPoppler", pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]),

        // SHA-256 with the processor's SHA instructions (file and item ids).
        .target(name: "CSHA256", path: "Sources/CSHA256"),

        // Stages.
        .target(
            name: "Extraction",
            dependencies: [
                "CLibXML2", "CPoppler", "CSHA256",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            linkerSettings: [linkAsNeeded]),
        .target(name: "Entities", dependencies: ["Extraction"]),
        .target(
            name: "Search",
            dependencies: [
                "Extraction", "Entities",
                .product(name: "HeapModule", package: "swift-collections"),
            ]),
        .target(name: "Compliance", dependencies: ["Extraction", "Entities"]),
        .target(
            name: "Pipelines",
            dependencies: [
                "Extraction", "Entities", "Search", "Compliance",
                .product(name: "Yams", package: "Yams"),
            ]),
        .executableTarget(
            name: "cooplex",
            dependencies: [
                "Extraction", "Entities", "Search", "Compliance", "Pipelines",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // At compile time too: the static Foundation module names the static libraries
            // it needs (CoreFoundation, ICU…), which the link then pulls in. Linked by the
            // toolchain's lld: 3 s faster than gold on this 87 MB link, and it does not
            // print glibc's link-time warning about the static Foundation's use of mktemp.
            swiftSettings: [.unsafeFlags(["-static-stdlib"])],
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-use-ld=lld"])]),

        // Tests: one target per stage, plus the command line end to end.
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction"]),
        .testTarget(name: "EntitiesTests", dependencies: ["Entities"]),
        .testTarget(name: "SearchTests", dependencies: ["Search"]),
        .testTarget(name: "ComplianceTests", dependencies: ["Compliance"]),
        .testTarget(name: "PipelinesTests", dependencies: ["Pipelines"]),
        // Runs .build/<configuration>/cooplex (built by `swift build --build-tests` like every
        // product); linking the executable target would make the test bundle static too.
        .testTarget(name: "CLITests", dependencies: ["Extraction", "Search"]),
    ]
)
