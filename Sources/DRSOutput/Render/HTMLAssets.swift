import Crypto

/// The style sheet and script every HTML page carries inline (a page is one file that fetches
/// nothing), and the Content-Security-Policy that lets exactly these two run: they are allowed by
/// their SHA-256, so nothing a report's text could smuggle in would run even if it got past the
/// escaping.
enum HTMLAssets {
    /// System fonts only: the CJK ones each platform ships come after the Latin ones.
    static let style = """
        :root{--ok:#1a7f37;--bad:#cf222e;--open:#9a6700;--line:#d0d7de;--muted:#57606a;--head:#f6f8fa}
        *{box-sizing:border-box}
        body{margin:0;color:#1f2328;background:#fff;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
        header.banner{padding:18px 24px;color:#fff}
        header.consistent,header.no_regressions{background:var(--ok)}header.inconsistent,header.regressions{background:var(--bad)}header.incomplete{background:var(--open)}
        header h1{margin:0 0 6px;font-size:26px}
        header p,header ul{margin:4px 0}
        .file{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;overflow-wrap:anywhere}
        nav{padding:8px 24px;border-bottom:1px solid var(--line);background:var(--head)}
        nav a{margin-right:14px;color:#0969da}
        main{padding:0 24px 32px}
        h2{margin:28px 0 8px;padding-bottom:4px;font-size:19px;border-bottom:1px solid var(--line)}
        h3{margin:20px 0 6px;font-size:16px}
        .wrap{overflow-x:auto}
        table{border-collapse:collapse;margin:6px 0;font-size:13px}
        th,td{border:1px solid var(--line);padding:3px 7px;text-align:left;vertical-align:top;white-space:pre-wrap;overflow-wrap:anywhere;max-width:36em}
        th{background:var(--head);font-weight:600;overflow-wrap:normal}
        td.id{overflow-wrap:break-word}
        td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        tr.inconsistent>td:first-child,tr.regression>td:first-child{box-shadow:inset 3px 0 var(--bad)}tr.incomplete>td:first-child{box-shadow:inset 3px 0 var(--open)}
        .inconsistent .v,.v.inconsistent{color:var(--bad);font-weight:600}.incomplete .v,.v.incomplete{color:var(--open);font-weight:600}.v.consistent{color:var(--ok)}
        .muted,.note{color:var(--muted)}
        .bar rect.consistent{fill:var(--ok)}.bar rect.inconsistent{fill:var(--bad)}.bar rect.incomplete{fill:var(--open)}.bar rect.rest{fill:#eaeef2}
        th.sortable{cursor:pointer}th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
        input.filter{margin:4px 8px 4px 0;padding:3px 6px;width:22em;max-width:100%;font:inherit}
        footer{padding:12px 24px;color:var(--muted);border-top:1px solid var(--line)}
        @media print{
        body{font-size:10.5px}
        header.banner,.bar rect{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        nav,input.filter,.count{display:none}
        .wrap{overflow:visible}
        th,td{max-width:none}
        tr{break-inside:avoid}thead{display:table-header-group}h2,h3{break-after:avoid}
        }
        """

    /// Sorting and filtering. Reads and moves rows, never parses markup: text stays text.
    static let script = """
        "use strict";
        (function () {
          function text(cell) { return cell ? cell.textContent.trim() : ""; }
          function number(value) { return value !== "" && /^-?[\\d,]*\\.?\\d+(e[+-]?\\d+)?$/i.test(value) ? Number(value.replace(/,/g, "")) : NaN; }
          function compare(a, b) {
            var x = number(a), y = number(b);
            if (!isNaN(x) && !isNaN(y)) { return x - y; }
            return a.localeCompare(b);
          }
          document.querySelectorAll("table.sortable").forEach(function (table) {
            var body = table.tBodies[0];
            Array.prototype.forEach.call(table.tHead.rows[0].cells, function (head, column) {
              head.classList.add("sortable");
              head.tabIndex = 0;
              function sort() {
                var ascending = head.getAttribute("aria-sort") !== "ascending";
                Array.prototype.forEach.call(head.parentNode.cells, function (other) { other.removeAttribute("aria-sort"); });
                head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) { return compare(text(a.cells[column]), text(b.cells[column])) * (ascending ? 1 : -1); });
                rows.forEach(function (row) { body.appendChild(row); });
              }
              head.addEventListener("click", sort);
              head.addEventListener("keydown", function (event) {
                if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); }
              });
            });
            if (!table.hasAttribute("data-filter")) { return; }
            var input = document.createElement("input");
            input.type = "search";
            input.className = "filter";
            input.placeholder = table.getAttribute("data-filter");
            input.setAttribute("aria-label", input.placeholder);
            var count = document.createElement("span");
            count.className = "count muted";
            var wrap = table.parentNode;
            wrap.parentNode.insertBefore(input, wrap);
            wrap.parentNode.insertBefore(count, wrap);
            input.addEventListener("input", function () {
              var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
              var shown = 0;
              Array.prototype.forEach.call(body.rows, function (row) {
                var content = row.textContent.toLowerCase();
                var keep = words.every(function (word) { return content.indexOf(word) >= 0; });
                row.hidden = !keep;
                if (keep) { shown += 1; }
              });
              count.textContent = words.length ? shown + " / " + body.rows.length : "";
            });
          });
        })();
        """

    /// Nothing may load; only the page's own style sheet and script (by hash) apply, and no form
    /// can be sent anywhere.
    static let contentSecurityPolicy = "default-src 'none'; style-src '\(hash(style))'; script-src '\(hash(script))'; "
        + "img-src data:; base-uri 'none'; form-action 'none'"

    /// `sha256-<base64>` of a text, as CSP source expressions spell it.
    static func hash(_ text: String) -> String {
        "sha256-" + base64(Array(SHA256.hash(data: Array(text.utf8))))
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
            for position in 0..<4 {
                out.append(position <= chunk.count ? alphabet[Int((value >> (18 - 6 * UInt32(position))) & 63)] : UInt8(ascii: "="))
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
