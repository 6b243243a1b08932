import Foundation
import TestPacing
import Testing

/// `drsdiff summary --format html` and `drsdiff diff --format html` as users run them: a whole
/// page on stdout or in -o's file, one report or one pair, and --rows-per-section and
/// --rows-per-change only where they mean something.
@Suite(.heavy) struct HTMLCommandTests {
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

    @Test func diffWritesOnePageAndExitsWithItsVerdict() throws {
        let (old, new) = (ReportCLI.path("samples/diff/lines_zh-cn.before.xlsx"), ReportCLI.path("samples/diff/lines_zh-cn.after.xlsx"))
        let page = try ReportCLI.run(["diff", old, new, "--format", "html", "--rows-per-change", "2", "--top", "3"])
        #expect(page.status == 2, "\(page.stderr)")   // both reports are incomplete, as the Markdown golden says
        #expect(page.stderr.isEmpty)
        #expect(page.output.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(page.output.hasSuffix("</html>\n"))
        #expect(page.output.contains("<header class=\"banner incomplete\" id=\"verdict\">"))
        #expect(page.output.contains("本页每种变化最多列出 2 条"), "the banner says entries were left out")

        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let written = try ReportCLI.run(["diff", old, new, "--format", "html", "--rows-per-change", "2", "--top", "3", "-o", directory + "/diff.html"])
        #expect(written.status == 2 && written.stdout.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/diff.html")) == page.stdout)

        // The banner's colour and the exit status are the verdict's.
        let clean = try DiffCommandTests.report([("a", true), ("b", false)])
        for (new, status, banner) in [(try DiffCommandTests.report([("a", true), ("b", true)]), 0, "banner no_regressions"),
                                      (try DiffCommandTests.report([("a", false), ("b", false)]), 1, "banner regressions")] {
            let result = try ReportCLI.run(["diff", clean, new, "--format", "html"])
            #expect(result.status == status, "\(result.stderr)")
            #expect(result.output.contains("<header class=\"\(banner)\" id=\"verdict\">"))
        }
    }

    /// One page is one pair: several pairs, two directories or a list are a usage error, which
    /// says to run it once per pair.
    @Test func diffPagesTakeOnePair() throws {
        let (old, new) = (ReportCLI.path("samples/diff/lines_en-us.before.xlsx"), ReportCLI.path("samples/diff/lines_en-us.after.xlsx"))
        let directory = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/a", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory + "/b", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: old, toPath: directory + "/a/r.xlsx")
        try FileManager.default.copyItem(atPath: new, toPath: directory + "/b/r.xlsx")
        for (arguments, stdin) in [(["diff", old, new, old, new], nil), (["diff", directory + "/a", directory + "/b"], nil),
                                   (["diff", "-"], Data("\(old)\n\(new)\n".utf8))] as [([String], Data?)] {
            let result = try ReportCLI.run(arguments + ["--format", "html", "-o", directory + "/page.html"], stdin: stdin)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains("--format html takes one pair of reports (OLD NEW); run it once per pair"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: directory + "/page.html"))
        }
    }

    @Test func rowsPerChangeIsForHTMLOnly() throws {
        let (old, new) = (ReportCLI.path("samples/diff/lines_en-us.before.xlsx"), ReportCLI.path("samples/diff/lines_en-us.after.xlsx"))
        let markdown = try ReportCLI.run(["diff", old, new, "--rows-per-change", "5"])
        #expect(markdown.status == 64)
        #expect(markdown.stderr.contains("--rows-per-change applies to --format html only"))
        let negative = try ReportCLI.run(["diff", old, new, "--format", "html", "--rows-per-change", "-1"])
        #expect(negative.status == 64)
    }
}
