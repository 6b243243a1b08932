import Foundation
import TestPacing
import Testing

/// The C library is imported in one file per module, Platform.swift, and nothing else names
/// Glibc, Musl or Darwin: a macOS or musl build has one place to look in each module.
@Suite(.heavy) struct PortabilityTests {
    @Test func onlyPlatformFilesNameTheCLibrary() throws {
        let sources = ReportCLI.path("Sources")
        let files = try FileManager.default.subpathsOfDirectory(atPath: sources).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 20)
        var platformFiles: [String] = []
        for file in files {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            if file.hasSuffix("/Platform.swift") {
                platformFiles.append(file)
                #expect(text.contains("#if canImport(Glibc)") && text.contains("#elseif canImport(Musl)") && text.contains("#elseif canImport(Darwin)"),
                        "\(file) covers glibc, musl and Darwin")
                continue
            }
            for name in ["Glibc", "Musl", "Darwin"] {
                #expect(!text.contains("import \(name)") && !text.contains("canImport(\(name))") && !text.contains("\(name)."),
                        "\(file) names \(name): the module's Platform.swift is the place for it")
            }
        }
        let modules = platformFiles.map { $0.split(separator: "/")[0] }
        #expect(Set(modules).count == modules.count, "one Platform.swift per module: \(platformFiles)")
        #expect(Set(modules).isSuperset(of: ["XLSXReader", "DRSReport", "DRSOutput", "DRSClient", "drsdiff"]))
    }
}
