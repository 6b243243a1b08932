/// What every HTML page of drsdiff is made of (the summary's, ``HTMLReport``, and the diff's,
/// ``HTMLDiffReport``): one self-contained document whose head carries the Content-Security-Policy
/// and the inline style sheet, a banner with the verdict, a navigation bar over the page's blocks,
/// the blocks, a footer, and the inline script that sorts and filters the tables. Every text
/// handed to it as text is escaped; only markup drsdiff makes itself goes in as markup.
struct HTMLPage {
    /// One part of the page under its own heading, listed in the navigation bar.
    struct Block {
        let id: String
        let title: String
        /// Markup made by the page's writer.
        let body: String
    }

    enum Cell {
        case text(String, numeric: Bool = false)
        /// A name (database, table, key): broken inside a word only when it cannot fit its column.
        case name(String)
        case number(Int64)
        /// An interpreted cell: its stable name and the report's text (shown; the name where there is none).
        case interpreted(name: String, text: String)
        /// Markup drsdiff made itself (never from the report).
        case markup(String)

        static func number(_ value: Int) -> Cell { .number(Int64(value)) }
    }

    let words: HTMLLabels

    init(words: HTMLLabels) { self.words = words }

    func text(_ text: String) -> String { HTMLEncoding.text(text) }

    /// The whole page. `bannerClass` colours the banner (a verdict's name, see ``HTMLAssets``);
    /// `banner` is its markup.
    func document(title: String, bannerClass: String, banner: String, blocks: [Block], footer: String) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"\(words.lang)\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(HTMLAssets.contentSecurityPolicy)\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"drsdiff\">\n"
        html += "<link rel=\"icon\" href=\"data:,\">\n"
        html += "<title>" + text(title) + "</title>\n"
        html += "<style>" + HTMLAssets.style + "</style>\n</head>\n<body>\n"
        html += "<header class=\"banner \(bannerClass)\" id=\"verdict\">\n" + banner + "</header>\n"
        html += "<nav>" + blocks.map { "<a href=\"#\($0.id)\">" + text($0.title) + "</a>" }.joined() + "</nav>\n<main>\n"
        for block in blocks {
            html += "<section id=\"\(block.id)\">\n<h2>" + text(block.title) + "</h2>\n" + block.body + "</section>\n"
        }
        html += "</main>\n<footer>" + text(footer) + "</footer>\n"
        html += "<script>" + HTMLAssets.script + "</script>\n</body>\n</html>\n"
        return html
    }

    /// A list of texts.
    func list(_ items: [String]) -> String {
        "<ul>" + items.map { "<li>" + text($0) + "</li>" }.joined() + "</ul>\n"
    }

    /// A paragraph of text: `file` (a file name), `cut` (the banner's line on what was left
    /// out), `note` (muted, under a table: how much of it was left out).
    func paragraph(_ content: String, class name: String) -> String {
        "<p class=\"\(name)\">" + text(content) + "</p>\n"
    }

    /// A table that sorts by any column when scripts run; `filter` adds a filter box above it.
    func table(_ headers: [String], _ rows: [[Cell]], rowClasses: [String?] = [], filter: Bool = false) -> String {
        var out = "<div class=\"wrap\"><table class=\"sortable\"" + (filter ? " data-filter=\"\(text(words.filter))\"" : "") + ">\n<thead><tr>"
        out += headers.map { "<th scope=\"col\">" + text($0) + "</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (position, row) in rows.enumerated() {
            let rowClass = position < rowClasses.count ? rowClasses[position] : nil
            out += rowClass.map { "<tr class=\"\($0)\">" } ?? "<tr>"
            for cell in row {
                switch cell {
                case .text(let value, let numeric): out += (numeric ? "<td class=\"n\">" : "<td>") + text(value) + "</td>"
                case .name(let value): out += "<td class=\"id\">" + text(value) + "</td>"
                case .number(let value): out += "<td class=\"n\">" + HTMLLabels.grouped(Int(value)) + "</td>"
                case .interpreted(let name, let value):
                    // The report's own words; its stable name only where the report gave none (JSON keeps names).
                    out += "<td><span class=\"v\">" + text(value.isEmpty ? name : value) + "</span></td>"
                case .markup(let markup): out += "<td>" + markup + "</td>"
                }
            }
            out += "</tr>\n"
        }
        if rows.isEmpty { out += "<tr><td class=\"muted\" colspan=\"\(max(headers.count, 1))\">" + text(words.none) + "</td></tr>\n" }
        return out + "</tbody>\n</table></div>\n"
    }
}
