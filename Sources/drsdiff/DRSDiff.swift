import ArgumentParser

@main
struct DRSDiff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drsdiff",
        abstract: "Turn Huawei Cloud DRS comparison reports (.xlsx) into CSV, JSON and Markdown.",
        discussion: """
            Reads any .xlsx workbook in flat memory; recognises DRS comparison reports in en-us and \
            zh-cn; downloads them from DRS with the credentials you already use.

            Exit status: 0 success (check: everything consistent); 1 check: inconsistencies found; \
            2 check: comparisons incomplete or failed; 3 the file cannot be opened or read; 10 not an \
            .xlsx; 11 encrypted workbook or legacy .xls; 12 binary workbook (.xlsb); 13 corrupt \
            archive; 14 a safety limit was reached (the message names the flag that raises it); 15 \
            malformed package; 16 no such sheet; 17 unsafe XML (DOCTYPE or entity declaration); 20 \
            network failure talking to DRS or IAM; 21 authentication failed; 22 DRS answered with an \
            error; 23 the export failed; 24 the export did not finish within --wait-timeout, or the \
            command within --deadline; 25 DRS answered something that is not a report; 26 no finished \
            compare job of the type (--latest, fetch --all); 64 usage error; 74 output could not be \
            written.
            """,
        version: "0.1.0",
        subcommands: [
            Sheets.self,
            Convert.self,
            Download.self, Fetch.self, CompareJobs.self,
            Summary.self, Report.self, Inspect.self, Check.self, Diff.self,
        ]
    )

    static func main() {
        StartUp.prepare()
        main(nil)
    }
}
