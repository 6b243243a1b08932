// swift-tools-version:5.3
// drsdiff's fuzz targets, one libFuzzer executable each, in a package of their own so the main
// build stays free of sanitizer flags. Build and run them with scripts/fuzz.sh (README.md here).
//
// Tools version 5.3, as swift-protobuf's FuzzTesting: a `.target` with a main.swift is an
// executable whose `main` is libFuzzer's (built with -parse-as-library), where an
// `.executableTarget` would have SwiftPM rename a Swift `main` that does not exist.
import PackageDescription

/// Target name, the module holding its entry point.
let targets: [(name: String, module: String)] = [
    ("FuzzZipArchive", "XLSXReader"),
    ("FuzzSheetRows", "XLSXReader"),
    ("FuzzSharedStrings", "XLSXReader"),
    ("FuzzStyles", "XLSXReader"),
    ("FuzzWorkbookPart", "XLSXReader"),
    ("FuzzCellValue", "XLSXReader"),
    ("FuzzVocabularyFile", "DRSReport"),
    ("FuzzRecognition", "DRSReport"),
    ("FuzzDRSAnswers", "DRSClient"),
]

let package = Package(
    name: "FuzzTesting",
    dependencies: [.package(name: "drsdiff", path: "..")],
    targets: targets.map { target in
        .target(name: target.name, dependencies: [.product(name: target.module, package: "drsdiff")])
    }
)
