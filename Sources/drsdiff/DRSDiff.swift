import ArgumentParser

@main
struct DRSDiff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drsdiff",
        abstract: "Turn Huawei Cloud DRS comparison reports (.xlsx) into CSV, JSON and Markdown.",
        discussion: """
            Reads any .xlsx workbook in flat memory; recognises DRS comparison reports in en-us and \
            zh-cn; downloads them from DRS with the credentials you already use.

            Exit codes are listed in the README ("Exit codes").
            """,
        version: "0.1.0",
        subcommands: [
            Sheets.self,
            Convert.self,
            Download.self, Fetch.self,
            Summary.self, Report.self, Inspect.self, Check.self,
        ]
    )

    static func main() {
        StartUp.prepare()
        main(nil)
    }
}
