import DRSReport
import Foundation
import Testing
@testable import DRSOutput

/// `diff --format html` pages, parsed by libxml2's HTML parser: their structure for every
/// before/after pair of samples/diff, held to the pair's truth file (worked out by
/// scripts/make_diff_samples.py, not by drsdiff); the caps; and that hostile names, keys and
/// values come out as text.
@Suite struct HTMLDiffReportTests {
    struct Pair: CustomStringConvertible, Sendable {
        let directory: String
        let name: String

        var before: String { Samples.path("\(directory)/\(name).before.xlsx") }
        var after: String { Samples.path("\(directory)/\(name).after.xlsx") }
        var description: String { name }

        /// The pair's truth file: verdict, regressions and counts per change.
        func truth() throws -> [String: Any] {
            let data = try Data(contentsOf: URL(fileURLWithPath: Samples.path("\(directory)/\(name).truth.json")))
            return try JSONSerialization.jsonObject(with: data) as! [String: Any]
        }
    }

    static let hostile = Pair(directory: "samples/hostile", name: "hostile_contents_en-us")

    static let pairs: [Pair] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Samples.path("samples/diff"))) ?? []
        return names.filter { $0.hasSuffix(".truth.json") }.map { Pair(directory: "samples/diff", name: String($0.dropLast(11))) }
            .sorted { $0.name < $1.name } + [hostile]
    }()

    static func page(_ pair: Pair, options: HTMLDiffReport.Options = HTMLDiffReport.Options(),
                     unchanged: Bool = false) throws -> (html: String, page: HTMLDocument, outcome: DiffOutcome) {
        let diff = try ReportDiff(old: ReportWorkbook(path: pair.before), new: ReportWorkbook(path: pair.after),
                                  options: ReportDiff.Options(includeUnchanged: unchanged))
        var outcome: DiffOutcome?
        let html = try Samples.written { outcome = try HTMLDiffReport.write(diff, options: options, to: $0) }
        return (html, try HTMLDocument(html), try #require(outcome))
    }

    /// The rows of the table in the section with this id.
    static func rows(_ page: HTMLDocument, section id: String) -> [HTMLDocument.Element] {
        page.all("tr").filter { $0.ancestors.suffix(2) == ["table", "tbody"] && $0.sections.last == id }
    }

    @Test func everyPairIsThere() {
        #expect(HTMLDiffReportTests.pairs.count == 11)
    }

    @Test(arguments: pairs)
    func everyPageHasTheSameSafeStructure(_ pair: Pair) throws {
        let (_, page, outcome) = try HTMLDiffReportTests.page(pair)
        let truth = try pair.truth()
        #expect(page.all("html").first?.attributes["lang"] == (truth["language"] as? String == "zh-cn" ? "zh-CN" : "en"))
        let elements = Set(page.elements.map(\.name))
        #expect(elements.isSubset(of: HTMLReportTests.allowed), "\(elements.subtracting(HTMLReportTests.allowed))")
        #expect(page.all("script").count == 1 && page.all("style").count == 1 && page.all("svg").isEmpty)
        for element in page.elements {
            #expect(!element.attributes.keys.contains { $0.lowercased().hasPrefix("on") }, "\(element.name) \(element.attributes)")
            #expect(element.attributes["src"] == nil && element.attributes["style"] == nil)
            if let target = element.attributes["href"] {
                #expect(target.hasPrefix("#") || target == "data:,", "\(element.name) href \(target)")
            }
        }
        let policy = page.all("meta").first { $0.attributes["http-equiv"] == "Content-Security-Policy" }?.attributes["content"] ?? ""
        #expect(policy.hasPrefix("default-src 'none';"))
        #expect(policy.contains("style-src '\(HTMLAssets.hash(page.all("style")[0].text))'"))
        #expect(policy.contains("script-src '\(HTMLAssets.hash(page.all("script")[0].text))'"))
        #expect(page.all("title").first?.text.contains("\(pair.name).before.xlsx → \(pair.name).after.xlsx") == true)

        // The banner: the verdict (the truth's), its reasons and the count of every change.
        let verdict = try #require(truth["verdict"] as? String)
        #expect(outcome.verdict.rawValue == verdict)
        let banner = try #require(page.all("header").first)
        #expect(banner.classes == ["banner", verdict])
        for reason in DiffReasons.forLanguage(outcome.new.language).lines(outcome) { #expect(banner.text.contains(reason)) }
        let words = HTMLDiffLabels.forLanguage(outcome.new.language)
        let counts = try #require(truth["counts"] as? [String: Int])
        let changes = try #require(truth["changes"] as? [[String: Any]])
        let countsLine = try #require(page.all("p").first { $0.classes == ["counts"] }).text
        for kind in ChangeKind.allCases where counts[kind.rawValue]! > 0 {
            #expect(countsLine.contains("\(words.changes[kind]!) \(HTMLLabels.grouped(counts[kind.rawValue]!))"), "\(kind): \(countsLine)")
        }
        #expect(page.all("p").filter { $0.classes == ["cut"] }.isEmpty, "nothing is cut at 500 per change")

        // The worst regressions first, then one table per change listed, each holding all its entries.
        let regressions = try #require(truth["regressions"] as? Int)
        let ids = page.all("section").compactMap { $0.attributes["id"] }
        let listed = ChangeKind.allCases.filter { $0 != .unchanged && counts[$0.rawValue]! > 0 }
        #expect(ids == ["reports", "changes"] + (regressions > 0 ? ["regressions"] : []) + listed.map { "change-" + $0.rawValue })
        #expect(page.all("a").filter { $0.ancestors.last == "nav" }.map { $0.attributes["href"] ?? "" } == ids.map { "#" + $0 })
        #expect(HTMLDiffReportTests.rows(page, section: "regressions").count == min(regressions, 10))
        for kind in listed {
            let rows = HTMLDiffReportTests.rows(page, section: "change-" + kind.rawValue)
            #expect(rows.count == counts[kind.rawValue], "\(pair) \(kind)")
            let regressions = changes.filter { $0["change"] as? String == kind.rawValue && $0["regression"] as? Bool == true }.count
            #expect(rows.filter { $0.classes == ["regression"] }.count == regressions, "\(pair) \(kind)")
        }
        let changeTables = page.all("table").filter { $0.attributes["data-filter"] != nil }
        #expect(changeTables.count == listed.count + (regressions > 0 ? 1 : 0))
    }

    /// Worst first: coarse entries before fine ones, as Markdown ranks them.
    @Test(arguments: pairs)
    func theWorstRegressionsComeCoarsestFirst(_ pair: Pair) throws {
        let (_, page, outcome) = try HTMLDiffReportTests.page(pair, options: HTMLDiffReport.Options(top: 1000))
        let words = HTMLDiffLabels.forLanguage(outcome.new.language)
        let levels = HTMLDiffReportTests.rows(page, section: "regressions").map { row -> Int in
            let entity = row.cells[1]
            return DiffEntity.allCases.first { words.entities[$0] == entity }!.level
        }
        #expect(levels.count == outcome.regressions)
        #expect(levels == levels.sorted())
    }

    @Test func changesAndRegressionsAreCappedAndTheBannerSaysSo() throws {
        let pair = Pair(directory: "samples/diff", name: "contents_en-us")
        let (_, page, outcome) = try HTMLDiffReportTests.page(pair, options: HTMLDiffReport.Options(top: 3, rowsPerChange: 2))
        #expect(outcome.regressions > 3)
        #expect(HTMLDiffReportTests.rows(page, section: "regressions").count == 3)
        let notes = page.all("p").filter { $0.classes == ["note"] }.map(\.text)
        #expect(notes.contains { $0.hasPrefix("The 3 worst of \(outcome.regressions) regressions") })

        var cut = 0
        var left = 0
        for count in outcome.counts where count.change != .unchanged && count.total > 0 {
            let rows = HTMLDiffReportTests.rows(page, section: "change-" + count.change.rawValue)
            #expect(rows.count == min(count.total, 2), "\(count.change)")
            if count.total > 2 {
                cut += 1
                left += count.total - 2
                #expect(notes.contains("Showing the first 2 of \(HTMLLabels.grouped(count.total)), in the order of the reports. "
                                       + "\(HTMLLabels.grouped(count.total - 2)) left out (drsdiff diff --format json lists them all)."))
            }
        }
        #expect(cut > 1)
        let banner = try #require(page.all("p").first { $0.classes == ["cut"] })
        #expect(banner.ancestors.last == "header")
        #expect(banner.text == "This page lists at most 2 entries per change: it leaves out \(HTMLLabels.grouped(left)) entries of \(cut) changes. "
                + "The counts cover every entry.")
    }

    @Test func unchangedEntriesAreListedOnRequest() throws {
        let pair = Pair(directory: "samples/diff", name: "lines_zh-cn")
        let (_, page, outcome) = try HTMLDiffReportTests.page(pair, unchanged: true)
        #expect(HTMLDiffReportTests.rows(page, section: "change-unchanged").count == outcome.count(of: .unchanged))
        #expect(page.all("h2").contains { $0.text == "未变化 (\(outcome.count(of: .unchanged)))" })
        let (_, without, _) = try HTMLDiffReportTests.page(pair)
        #expect(HTMLDiffReportTests.rows(without, section: "change-unchanged").isEmpty)
    }

    /// Old and new side by side: a still-inconsistent table's differences and descriptions.
    @Test func oldAndNewSitSideBySide() throws {
        let (_, page, _) = try HTMLDiffReportTests.page(Pair(directory: "samples/diff", name: "lines_en-us"))
        let headers = page.all("th").filter { $0.sections.last == "change-still_inconsistent" }.map(\.text)
        #expect(headers == ["entry", "database", "table or object", "old difference", "new difference", "old report", "new report", "regression"])
        let row = try #require(HTMLDiffReportTests.rows(page, section: "change-still_inconsistent").first { $0.cells[2] == "payments" })
        #expect(row.cells == ["table", "billing", "payments", "13", "18",
                              "inconsistent source 41, destination 28, difference 13: The comparison result is inconsistent",
                              "inconsistent source 41, destination 23, difference 18: The comparison result is inconsistent", "yes"])
        #expect(row.classes == ["regression"])
    }

    @Test func chinesePagesDescribeInChinese() throws {
        let (_, page, _) = try HTMLDiffReportTests.page(Pair(directory: "samples/diff", name: "contents_zh-cn"))
        let rows = HTMLDiffReportTests.rows(page, section: "change-resolved")
        #expect(rows.map(\.cells) == [
            ["表", "order_db", "t_order", "", "2", "0", "不一致 源库 77，目标库 75，差异 2：不一致：存在不一致的数据，详见差异明细", "一致 源库 77，目标库 77，差异 0：对比一致"],
            ["差异行", "order_db", "t_order", "058374 amount", "", "", "不一致 源库值 \"12.50\"，目标库值 \"12.5\"", "一致 未列出：其表已对比"],
        ])
    }

    /// Every payload of the hostile pair (names, keys, columns, values) shows, whole, as text;
    /// none becomes markup.
    @Test func hostileTextShowsAsText() throws {
        let (html, page, _) = try HTMLDiffReportTests.page(HTMLDiffReportTests.hostile)
        let body = try #require(page.all("body").first).text
        for payload in HTMLDiffReportTests.payloads {
            #expect(body.contains(payload), "\(payload) is not shown as text")
            if payload.contains(where: { "<>\"'&".contains($0) }) {
                #expect(!html.contains(payload), "\(payload) is in the page unescaped")
            }
        }
        #expect(page.all("img").isEmpty && page.all("iframe").isEmpty && page.all("svg").isEmpty)
        #expect(page.all("a").allSatisfy { $0.attributes["href"]?.hasPrefix("#") == true })
        #expect(page.all("title").first?.text.contains("PWNED") == false)
        // A payload in a key is one cell's text, whole.
        let cells = page.all("td").map(\.text)
        #expect(cells.contains(HTMLDiffReportTests.payloads[4]))
    }

    /// make_reports.py's HOSTILE.
    static let payloads = [
        #"<script>document.title="PWNED-0"</script>"#,
        #""><img src=x onerror="document.title='PWNED-1'">"#,
        "javascript:document.title='PWNED-2'",
        #"<svg onload="document.title='PWNED-3'"></svg>"#,
        #"</td></tr></table></style></script><script>document.title="PWNED-4"</script>"#,
        #"' onmouseover='document.title="PWNED-5"' x='"#,
        #"<a href="javascript:document.title='PWNED-6'">link</a>"#,
        #"<iframe srcdoc="<script>parent.document.title='PWNED-7'</script>"></iframe>"#,
        "&lt;b&gt;already escaped&lt;/b&gt; &amp; <!-- comment -->",
        "<style>body{display:none}</style>",
    ]
}

extension HTMLDocument.Element {
    /// The ids of the elements (sections) this element sits in, outermost first.
    var sections: [String] { ancestorIDs }

    /// The texts of a row's cells.
    var cells: [String] { childTexts }
}
