import Foundation
import TestPacing
import Testing

/// Every file that uses the C library imports it itself, internally, for glibc, musl and Darwin
/// alike; no module re-exports it, so `import DRSReport` does not put all of Glibc in a user's
/// namespace, and a macOS or musl build finds every import in the same form.
@Suite(.heavy) struct PortabilityTests {
    static let libraries = ["Glibc", "Musl", "Darwin"]

    @Test func theCLibraryIsImportedInternallyForEveryPlatform() throws {
        let sources = ReportCLI.path("Sources")
        let files = try FileManager.default.subpathsOfDirectory(atPath: sources).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 20)
        var importing = 0
        for file in files {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for name in Self.libraries {
                #expect(!text.contains("@_exported import \(name)"), "\(file) re-exports \(name)")
                let imports = text.components(separatedBy: "\n").filter { $0.hasSuffix("import \(name)") }
                #expect(imports.allSatisfy { $0 == "internal import \(name)" }, "\(file): \(imports)")
            }
            guard text.contains("canImport(Glibc)") || text.contains("import Glibc") else { continue }
            importing += 1
            #expect(text.contains("#if canImport(Glibc)\ninternal import Glibc\n#elseif canImport(Musl)\ninternal import Musl\n#elseif canImport(Darwin)\ninternal import Darwin\n#endif"),
                    "\(file) imports the C library for glibc, musl and Darwin in the one form")
        }
        #expect(importing > 5)
    }

    /// Every suite here runs the binary, so every one is `.heavy` (Tests/TestPacing): a suite
    /// without it would run beside all the others at once again, as the whole suite once did.
    @Test func everyCommandSuiteTakesItsTurn() throws {
        let directory = ReportCLI.path("Tests/drsdiffTests")
        var suites = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: directory) where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            guard text.contains("@Test") else { continue }
            for line in text.split(separator: "\n") where line.wholeMatch(of: /(@Suite(\(.*\))? )?(struct|final class|enum) \w+Tests[ :{].*/) != nil {
                suites += 1
                #expect(line.hasPrefix("@Suite(.heavy"), "\(file): \(line)")
            }
        }
        #expect(suites > 20)
    }
}
