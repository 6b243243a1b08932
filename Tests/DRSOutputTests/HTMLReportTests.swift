import DRSReport
import Foundation
import Testing
@testable import DRSOutput

/// `summary --format html` pages, parsed by libxml2's HTML parser: their structure for every
/// sample, and that hostile report text comes out as text.
@Suite struct HTMLReportTests {
    static func page(_ path: String, options: HTMLReport.Options = HTMLReport.Options()) throws -> (String, HTMLDocument, ReportSummary) {
        let file = try ReportWorkbook(path: path)
        let html = try Samples.written { try HTMLReport.write(file, options: options, to: $0) }
        return (html, try HTMLDocument(html), try file.summary(top: options.top))
    }

    static let hostile = Samples.path("samples/hostile/hostile_en-us.xlsx")

    /// Every element a page may hold: anything else (an `img`, an `iframe`, a second `script`)
    /// would have come from a report's text.
    static let allowed: Set<String> = ["html", "head", "meta", "link", "title", "style", "body", "header", "h1", "h2", "h3", "p", "ul",
                                       "li", "nav", "a", "main", "section", "div", "table", "thead", "tbody", "tr", "th", "td", "span",
                                       "svg", "rect", "footer", "script"]

    @Test(arguments: Samples.reports + ["../hostile/hostile_en-us"])
    func everyPageHasTheSameSafeStructure(_ name: String) throws {
        let (_, page, summary) = try HTMLReportTests.page(Samples.report(name))
        #expect(page.all("html").first?.attributes["lang"] == (summary.language == .chinese ? "zh-CN" : "en"))
        #expect(Set(page.elements.map(\.name)).isSubset(of: HTMLReportTests.allowed), "\(Set(page.elements.map(\.name)).subtracting(HTMLReportTests.allowed))")
        #expect(page.all("script").count == 1)
        #expect(page.all("style").count == 1)
        for element in page.elements {
            #expect(!element.attributes.keys.contains { $0.lowercased().hasPrefix("on") }, "\(element.name) \(element.attributes)")
            #expect(element.attributes["src"] == nil && element.attributes["style"] == nil)
            if let target = element.attributes["href"] {
                #expect(target.hasPrefix("#") || target == "data:,", "\(element.name) href \(target)")
            }
        }

        // Only the page's own style sheet and script may apply.
        let policy = page.all("meta").first { $0.attributes["http-equiv"] == "Content-Security-Policy" }?.attributes["content"] ?? ""
        #expect(policy.hasPrefix("default-src 'none';"))
        #expect(policy.contains("style-src '\(HTMLAssets.hash(page.all("style")[0].text))'"))
        #expect(policy.contains("script-src '\(HTMLAssets.hash(page.all("script")[0].text))'"))

        let banner = try #require(page.all("header").first)
        #expect(banner.classes == ["banner", summary.verdict.rawValue])
        let words = SummaryLabels.forLanguage(summary.language)
        #expect(banner.text.contains(words.headline(summary.headline, judged: summary.judged)))
        #expect(page.all("section").first?.attributes["id"] == "fix-first", "what to fix first is the first block")
        #expect(page.all("svg").filter { $0.classes == ["bar"] }.count == summary.databases.count)
        #expect(page.all("title").first { $0.ancestors == ["html", "head"] }?.text.contains(summary.file) == true)

        // One filterable records table per section, each holding its section's records.
        let file = try ReportWorkbook(path: Samples.report(name))
        let recordTables = page.all("table").filter { $0.attributes["data-filter"] != nil && $0.ancestors.contains("section") }
        let sectionsWithRecords = page.all("section").first { $0.attributes["id"] == "records" }
        #expect(sectionsWithRecords != nil)
        #expect(page.all("h3").count == file.report.sections.count)
        #expect(recordTables.count >= file.report.sections.count)
        let rows = page.all("tr").filter { $0.ancestors.suffix(2) == ["table", "tbody"] }
        #expect(rows.count > summary.sections.reduce(0) { $0 + min($1.records, HTMLReport.Options().rowsPerSection) })
    }

    /// Every payload of the hostile sample shows, whole, as text; none becomes markup.
    @Test func hostileTextShowsAsText() throws {
        let (html, page, _) = try HTMLReportTests.page(HTMLReportTests.hostile)
        let payloads = [
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
        let body = try #require(page.all("body").first).text
        for payload in payloads {
            #expect(body.contains(payload), "\(payload) is not shown as text")
            if payload.contains(where: { "<>\"'&".contains($0) }) {
                #expect(!html.contains(payload), "\(payload) is in the page unescaped")
            }
        }
        #expect(page.all("img").isEmpty && page.all("iframe").isEmpty)
        #expect(page.all("svg").allSatisfy { $0.classes == ["bar"] })
        #expect(page.all("a").allSatisfy { $0.attributes["href"]?.hasPrefix("#") == true })
        #expect(page.all("title").first?.text.contains(#"PWNED"#) == false, "the page's title is drsdiff's, not a payload's")
        // Sheet names are text too.
        #expect(page.all("h3").contains { $0.text.contains("Details <script>") })
    }

    @Test func rowsPerSectionCapsEachSectionAndTheBannerSaysSo() throws {
        let (_, page, summary) = try HTMLReportTests.page(Samples.report("lines_en-us"), options: HTMLReport.Options(rowsPerSection: 3))
        let recordTables = page.all("table").filter { $0.attributes["data-filter"] != nil && $0.ancestors.last == "div" }
        let rowCounts = page.all("tr").filter { $0.ancestors.suffix(2) == ["table", "tbody"] && $0.ancestors.contains("section") }
        #expect(!recordTables.isEmpty)
        let banner = try #require(page.all("header").first)
        let cut = summary.sections.filter { $0.records > 3 }
        let leftOut = cut.reduce(0) { $0 + $1.records - 3 }
        #expect(banner.text.contains("leaves out \(HTMLLabels.grouped(leftOut)) records of \(cut.count) section"))
        let notes = page.all("p").filter { $0.classes == ["note"] }.map(\.text)
        #expect(notes.filter { $0.contains("left out") }.count >= cut.count)
        #expect(!rowCounts.isEmpty)

        // The kept rows of table_row_counts are its problems, in report order.
        #expect(page.all("h3").contains { $0.text.hasPrefix("table row counts") })
        let rows = page.all("tr").filter { $0.classes.contains("inconsistent") || $0.classes.contains("incomplete") }
        #expect(rows.count >= 3)
    }

    @Test func hashesAreSHA256InBase64() {
        #expect(HTMLAssets.hash("") == "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
        #expect(HTMLAssets.hash("abc") == "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
    }

    @Test func textIsEscapedForContentAndAttributes() {
        #expect(HTMLEncoding.text("<a href=\"x\">'&\u{0}\u{7}\t\n表") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;\u{FFFD}\u{FFFD}\t\n表")
        // A right-to-left override would show `exe.live` as `evil.exe`; zero-width characters hide.
        #expect(HTMLEncoding.text("\u{202E}exe.live\u{202C} a\u{200B}b\u{85}") == "&lt;U+202E&gt;exe.live&lt;U+202C&gt; a&lt;U+200B&gt;b&lt;U+0085&gt;")
    }

    @Test func columnLettersGoPastZ() {
        #expect([0, 25, 26, 701, 702].map(HTMLReport.columnLetter) == ["A", "Z", "AA", "ZZ", "AAA"])
    }
}
