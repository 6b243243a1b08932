import Foundation
import TestPacing
import Testing

/// `drsdiff --help` (and so the man page made from it) carries the exit codes: the same ones,
/// with the same meaning, as the README's table, which scripts rely on.
@Suite(.heavy) struct HelpTests {
    @Test func rootHelpListsTheREADMEsExitCodes() throws {
        let readme = try String(contentsOfFile: ReportCLI.path("README.md"), encoding: .utf8)
        let table = readme.components(separatedBy: "## Exit codes")[1].components(separatedBy: "\n## ")[0]
        let documented = table.split(separator: "\n").compactMap { line -> Int? in
            let cells = line.split(separator: "|", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
            return cells.first.flatMap { Int($0) }
        }
        #expect(documented.count >= 20)

        let help = try ReportCLI.run(["--help"])
        #expect(help.status == 0)
        // Help wraps lines: read the paragraph as one line.
        let text = help.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard let paragraph = text.components(separatedBy: "Exit status: ").dropFirst().first?.components(separatedBy: ". ")[0] else {
            Issue.record("no \"Exit status:\" paragraph in drsdiff --help")
            return
        }
        let listed = paragraph.split(separator: ";").compactMap { entry in
            Int(entry.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber })
        }
        #expect(listed == documented)
    }
}
