@testable import DRSReport
import Foundation
import Testing
@testable import DRSOutput

/// ``SummaryWriter`` in process, on every sample: the headline first, then what blocks a
/// cutover, then the detail; the report's language throughout; words, never identifiers.
@Suite struct SummaryWriterTests {
    static func summary(_ name: String) throws -> ReportSummary {
        try ReportWorkbook(path: Samples.report(name)).summary(top: 10)
    }

    static func written(_ summary: ReportSummary, _ format: SummaryWriter.Format) throws -> String {
        try Samples.written { try SummaryWriter.write(summary, as: format, to: $0) }
    }

    static func html(_ name: String) throws -> String {
        let file = try ReportWorkbook(path: Samples.report(name))
        return try Samples.written { try HTMLReport.write(file, to: $0) }
    }

    /// The stable names JSON keeps and a person should never have to read: section kinds,
    /// statuses and compare types spelled with underscores.
    static let identifiers: [String] = SectionKind.allCases.map(\.rawValue).filter { $0.contains("_") }
        + ["target_table_missing", "source_table_missing", "target_database_missing", "too_many_rows", "target_database_table_missing",
           "source_sql_timeout", "not_executed", "objects_comparison", "repair_data", "in_progress"]

    /// What a page shows: its body's text without its script's.
    static func shownText(_ page: HTMLDocument) throws -> String {
        let body = try #require(page.all("body").first).text
        return page.all("script").reduce(body) { $0.replacingOccurrences(of: $1.text, with: "") }
    }

    @Test(arguments: Samples.reports)
    func theHeadlineComesFirstThenWhatToFixThenTheDetail(_ name: String) throws {
        let summary = try SummaryWriterTests.summary(name)
        let words = SummaryLabels.forLanguage(summary.language)
        let headline = words.headline(summary.headline, judged: summary.judged)
        #expect(headline.hasPrefix(words.verdictWord(summary.verdict) + words.headlineParts.colon))

        let markdown = try SummaryWriterTests.written(summary, .markdown)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        #expect(lines[0] == "## \(words.title): \(summary.file)")
        #expect(lines[1] == "**\(headline)**")
        let fixFirst = try #require(lines.firstIndex { $0.hasPrefix("### " + words.fixFirst) })
        #expect(fixFirst == 2, "the fix-first list comes straight after the headline")
        let metadata = try #require(lines.firstIndex { $0.hasPrefix("| \(words.report) |") })
        #expect(metadata > fixFirst)
        if !summary.databases.isEmpty {
            let databases = try #require(lines.firstIndex { $0 == "### " + words.databases })
            #expect(databases > metadata, "per-database detail comes after what to fix")
        }

        let text = try SummaryWriterTests.written(summary, .text)
        let textLines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        #expect(textLines[0] == "\(words.title): \(summary.file)")
        #expect(textLines[1] == headline)
        #expect(textLines[2].hasPrefix(words.fixFirst))
    }

    @Test(arguments: Samples.reports)
    func theFixFirstListIsInBlockingOrderAndInEveryFormat(_ name: String) throws {
        let summary = try SummaryWriterTests.summary(name)
        let kinds = summary.fixFirst.map(\.kind)
        #expect(kinds == kinds.sorted(), "\(kinds)")
        #expect(summary.fixFirst.count == min(summary.fixFirstCount, ReportSummary.fixFirstLimit))
        // Whatever could not be compared comes before any difference.
        if summary.headline.uncomparableTables > 0 {
            #expect(summary.fixFirst.first.map { $0.kind < .rowDifference } == true)
        }
        // A missing table is one the report says is missing, by its status.
        for item in summary.fixFirst where item.kind == .missingTable {
            #expect(item.status.map { ["source_table_missing", "target_table_missing", "both_tables_missing", "target_database_table_missing"]
                .contains($0.value.name) } == true)
        }
        // Differences carry the report's reason where it gives one.
        for item in summary.fixFirst where item.kind == .rowDifference {
            let table = summary.topTables.first { $0.database == item.database && $0.table == item.name }
            #expect(item.reason == table?.reason)
        }

        let json = try SummaryWriterTests.written(summary, .json)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let list = try #require(document["fix_first"] as? [[String: Any]])
        #expect(list.map { $0["kind"] as? String } == kinds.map(\.rawValue))
        #expect(document["fix_first_count"] as? Int == summary.fixFirstCount)
        let headline = try #require(document["headline"] as? [String: Any])
        #expect(headline["verdict"] as? String == summary.verdict.rawValue)

        // Every named entry shows in Markdown, text and HTML.
        let (markdown, text, html) = (try SummaryWriterTests.written(summary, .markdown), try SummaryWriterTests.written(summary, .text),
                                      try SummaryWriterTests.html(name))
        for item in summary.fixFirst {
            guard let shown = item.name ?? item.database else { continue }
            #expect(markdown.contains(MarkdownEncoding.cell(shown)), "\(shown)")
            #expect(text.contains(TextTable.oneLine(shown)), "\(shown)")
            #expect(html.contains(HTMLEncoding.text(shown)), "\(shown)")
        }
    }

    @Test(arguments: ["objects_comparison_en-us", "objects_comparison_zh-cn"])
    func objectSummariesNameTheFailedObjects(_ name: String) throws {
        let summary = try SummaryWriterTests.summary(name)
        let failed = summary.objectTypes.reduce(0) { $0 + $1.inconsistentObjects + $1.incompleteObjects }
        #expect(failed > 0)
        #expect(summary.failedObjectCount == failed)
        let (markdown, text, html) = (try SummaryWriterTests.written(summary, .markdown), try SummaryWriterTests.written(summary, .text),
                                      try SummaryWriterTests.html(name))
        for object in summary.failedObjects {
            let objectName = try #require(object.name)
            #expect(markdown.contains(objectName) && text.contains(objectName) && html.contains(HTMLEncoding.text(objectName)), "\(objectName)")
        }
        #expect(summary.fixFirst.contains { $0.kind == .failedObject })
    }

    @Test(arguments: Samples.reports)
    func humanFormatsShowWordsNotIdentifiers(_ name: String) throws {
        let summary = try SummaryWriterTests.summary(name)
        let html = try SummaryWriterTests.html(name)
        // The page's text, not its markup (classes keep stable names for the style sheet).
        let page = try HTMLDocument(html)
        let shown = try SummaryWriterTests.shownText(page)
        for written in [try SummaryWriterTests.written(summary, .markdown), try SummaryWriterTests.written(summary, .text), shown] {
            // The file's name is the user's own (`repair_data_en-us.xlsx`).
            let output = written.replacingOccurrences(of: summary.file, with: "")
            for identifier in SummaryWriterTests.identifiers {
                #expect(!output.contains(identifier), "\(name) shows \(identifier)")
            }
        }
        // JSON keeps them.
        let json = try SummaryWriterTests.written(summary, .json)
        #expect(summary.sections.allSatisfy { json.contains("\"kind\": \"\($0.kind.rawValue)\"") })
    }

    @Test(arguments: Samples.reports.filter { $0.hasSuffix("zh-cn") })
    func chineseReportsReadInChinese(_ name: String) throws {
        let summary = try SummaryWriterTests.summary(name)
        let page = try HTMLDocument(try SummaryWriterTests.html(name))
        let english = SummaryLabels.english
        // Labels of the English summary that a Chinese one must not show.
        let labels = [english.verdict, english.fixFirst, english.sections, english.databases, english.reason, english.records,
                      english.report, english.value, english.largest, english.uncomparable, english.failedObjects, english.objectTypes,
                      "consistent", "inconsistent", "incomplete", "could not be compared", "differing", "source rows"]
        for (format, output) in [("md", try SummaryWriterTests.written(summary, .markdown)), ("text", try SummaryWriterTests.written(summary, .text)),
                                 ("html", try SummaryWriterTests.shownText(page))] {
            for label in labels {
                #expect(!output.contains(label), "\(name) \(format) shows \(label)")
            }
            #expect(output.contains(SummaryLabels.chinese.fixFirst))
        }
        #expect(page.all("h1").first?.text.hasPrefix(SummaryLabels.chinese.verdictWord(summary.verdict)) == true)
    }

    @Test func theHeadlineSaysTheWholeVerdict() {
        let clean = SummaryHeadline(verdict: .consistent, missingDatabases: 0, missingTables: 0, uncomparableTables: 0, inconsistentTables: 0,
                                    tables: 0, inconsistentDatabases: 0, incompleteDatabases: 0, inconsistentObjects: 0, incompleteObjects: 0,
                                    objectTypes: 0, inconsistentObjectTypes: 0, incompleteObjectTypes: 0, differingRows: 0, failedRepairs: 0,
                                    unfinishedRepairs: 0)
        var headline = clean
        (headline.verdict, headline.uncomparableTables, headline.inconsistentTables, headline.tables) = (.incomplete, 25, 50, 100)
        #expect(SummaryLabels.english.headline(headline, judged: true) == "incomplete: 25 tables could not be compared, 50 inconsistent")
        #expect(SummaryLabels.chinese.headline(headline, judged: true) == "未完成：25 张表无法对比，50 张不一致")
        var missing = headline
        (missing.missingDatabases, missing.missingTables) = (1, 2)
        #expect(SummaryLabels.english.headline(missing, judged: true)
                == "incomplete: 1 database missing, 2 tables missing, 25 tables could not be compared, 50 inconsistent")
        #expect(SummaryLabels.english.headline(clean, judged: true) == "consistent: no differences found")
        var tables = clean
        tables.tables = 2
        #expect(SummaryLabels.english.headline(tables, judged: true) == "consistent: all 2 tables consistent")
        var types = clean
        (types.verdict, types.objectTypes, types.inconsistentObjectTypes) = (.inconsistent, 3, 1)
        #expect(SummaryLabels.english.headline(types, judged: true) == "inconsistent: 1 object type inconsistent")
        #expect(SummaryLabels.chinese.headline(types, judged: true) == "不一致：1 个对象类型不一致")
        var empty = clean
        empty.verdict = .incomplete
        #expect(SummaryLabels.english.headline(empty, judged: false) == "incomplete: no comparison results found")
    }

    @Test func severalFilesOpenWithEachHeadline() throws {
        let summaries = try ["lines_en-us", "random_en-us"].map(SummaryWriterTests.summary)
        let entries = summaries.map(SummaryWriter.Entry.summary) + [.failure(file: "broken.xlsx", message: "not an .xlsx")]
        let markdown = try Samples.written { try SummaryWriter.write(several: entries, as: .markdown, to: $0) }
        #expect(markdown.hasPrefix("# DRS comparison reports: 3 files\n\n**Verdict: error** (1 of 3 could not be read)\n"))
        for summary in summaries {
            #expect(markdown.contains("| \(summary.file) |") && markdown.contains(SummaryWriter.headline(summary)))
        }
        #expect(markdown.contains("| broken.xlsx |  |  | error: not an .xlsx |"))
        let json = try Samples.written { try SummaryWriter.write(several: entries, as: .json, to: $0) }
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(documents.map { $0["file"] as? String } == summaries.map(\.file))
    }
}
