import Foundation
import Testing

/// `drsdiff summary --format html` as users run it: a whole page on stdout or in -o's file, and
/// --rows-per-section only where it means something.
struct HTMLCommandTests {
    @Test func summaryWritesOnePageToStdoutOrAFile() throws {
        let sample = ReportCLI.sample("lines_zh-cn")
        let page = try ReportCLI.run(["summary", sample, "--format", "html", "--rows-per-section", "5"])
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.output.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(page.output.hasSuffix("</html>\n"))
        #expect(page.output.contains("本页每个分区最多显示 5 条记录"), "the banner says rows were left out")

        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let written = try ReportCLI.run(["summary", sample, "--format", "html", "--rows-per-section", "5", "-o", directory + "/page.html"])
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/page.html")) == page.stdout)
    }

    @Test func rowsPerSectionIsForHTMLOnly() throws {
        let result = try ReportCLI.run(["summary", ReportCLI.sample("lines_en-us"), "--rows-per-section", "5"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--rows-per-section applies to --format html only"))
        let negative = try ReportCLI.run(["summary", ReportCLI.sample("lines_en-us"), "--format", "html", "--rows-per-section", "-1"])
        #expect(negative.status == 64)
    }
}
