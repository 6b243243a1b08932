// swift-tools-version:6.0
// docs/library.md's examples, built verbatim by scripts/check-library-docs.sh as a user's package
// would build them: depending on drsdiff by path, declared as the page says. The script writes
// each example to Examples/<name>/main.swift (not kept in git); each is an executable of its own.
import Foundation
import PackageDescription

let examples = ((try? FileManager.default.contentsOfDirectory(atPath: Context.packageDirectory + "/Examples")) ?? []).sorted()

let package = Package(
    name: "library-consumer",
    platforms: [.macOS(.v13)],
    // `name:` makes `package: "drsdiff"` below work whatever the checkout's folder is called
    // (`wt-library`, `main`…): without it SwiftPM names a path dependency after its folder.
    dependencies: [.package(name: "drsdiff", path: "../..")],
    targets: examples.map { name in
        .executableTarget(
            name: name,
            dependencies: ["DRSReport", "DRSClient", "DRSOutput"].map { .product(name: $0, package: "drsdiff") },
            path: "Examples/\(name)"
        )
    }
)
