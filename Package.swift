// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "drsdiff",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "drsdiff", targets: ["drsdiff"]),
        .library(name: "XLSXReader", targets: ["XLSXReader"]),
        .library(name: "DRSReport", targets: ["DRSReport"]),
        .library(name: "DRSOutput", targets: ["DRSOutput"]),
        .library(name: "DRSClient", targets: ["DRSClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CDRSDiffZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CDRSDiffLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "XLSXReader",
            dependencies: ["CDRSDiffZlib", "CDRSDiffLibXML2"]
        ),
        // The one CompareType the service client and the report model share.
        .target(name: "DRSComparison"),
        // How temporary files are named, and the hooks that tell a program about them (for its
        // signal handler): shared by the client's downloads and the output files.
        .target(name: "TemporaryFiles"),
        .target(
            name: "DRSReport",
            dependencies: ["XLSXReader", "DRSComparison"]
        ),
        // CSV, JSON, NDJSON, Markdown and text writers over the report model and over plain sheets.
        .target(
            name: "DRSOutput",
            // Crypto: the SHA-256 of the HTML page's inline style and script, for its Content-Security-Policy.
            dependencies: ["XLSXReader", "DRSReport", "TemporaryFiles", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "DRSClient",
            dependencies: ["DRSComparison", "TemporaryFiles", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .executableTarget(
            name: "drsdiff",
            dependencies: [
                "XLSXReader", "DRSReport", "DRSOutput", "DRSClient", "TemporaryFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A loopback DRS + IAM service for tests: verifies signatures and tokens, injects faults.
        .target(
            name: "DRSFakeService",
            dependencies: [
                "DRSClient",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
                .product(name: "Crypto", package: "swift-crypto"),
                "XLSXFixtures",
            ],
            path: "Tests/DRSFakeService"
        ),
        // `.heavy`: tests that run binaries or whole workbooks take turns, so the suite does not
        // overload the machine it runs on (see HeavyTest).
        .target(name: "TestPacing", path: "Tests/TestPacing"),
        // The one ZIP writer (and CRC-32) of the tests: every fixture workbook, whole or damaged.
        .target(name: "XLSXFixtures", dependencies: ["CDRSDiffZlib"], path: "Tests/XLSXFixtures"),
        .testTarget(name: "TestPacingTests", dependencies: ["TestPacing"]),
        .testTarget(name: "XLSXReaderTests", dependencies: ["XLSXReader", "XLSXFixtures"]),
        .testTarget(name: "DRSReportTests", dependencies: ["DRSReport", "XLSXReader", "XLSXFixtures", "TestPacing"]),
        .testTarget(name: "DRSOutputTests", dependencies: ["DRSOutput", "DRSReport", "XLSXReader", "CDRSDiffLibXML2"]),
        .testTarget(name: "DRSClientTests", dependencies: ["DRSClient", "DRSFakeService"]),
        .testTarget(name: "drsdiffTests", dependencies: ["DRSFakeService", "XLSXReader", "DRSReport", "XLSXFixtures", "CDRSDiffZlib", "TestPacing"]),
    ]
)
