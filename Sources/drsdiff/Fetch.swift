import ArgumentParser
import DRSClient
import Foundation

struct Fetch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Download a comparison result file from DRS and print it as Markdown, JSON, NDJSON or CSV.",
        discussion: """
            Does what `download` does, then prints exactly what the local command prints for the \
            file: `drsdiff summary FILE --format md --compare-type T` for Markdown, `drsdiff report \
            FILE --format F --compare-type T` for JSON, NDJSON and CSV. The .xlsx is deleted \
            afterwards unless --keep names where to keep it. Credentials and options as for \
            `download`; see docs/download.md.
            """)

    @OptionGroup(title: "Result file and service")
    var service: ServiceOptions

    @Option(help: "Output format: md (the summary), json, ndjson or csv (the typed report).")
    var format: FetchFormat = .md

    @Option(help: ArgumentHelp("Also keep the downloaded .xlsx at this path.", valueName: "path"))
    var keep: String?

    enum FetchFormat: String, ExpressibleByArgument, CaseIterable {
        case md, json, ndjson, csv
    }

    func run() throws {
        let workbook: URL
        let scratch: ScratchDirectory?
        if let keep {
            workbook = URL(fileURLWithPath: keep)
            scratch = nil
        } else {
            let directory = try reportingServiceFailures { try ScratchDirectory() }
            workbook = directory.url.appendingPathComponent(try service.resultFile().defaultFileName)
            scratch = directory
        }
        defer { scratch?.remove() }
        try reportingServiceFailures { try service.download(to: workbook) }
        try printLocally(workbook.path)
    }

    /// The local commands' own code, so `fetch` and `summary`/`report` never disagree:
    /// Markdown is the summary, the other formats the typed report. The compare type asked
    /// for is passed on as the hint those commands take.
    private func printLocally(_ path: String) throws {
        let arguments = [path, "--format", format.rawValue, "--compare-type", service.compareType.rawValue] + (service.quiet ? ["--quiet"] : [])
        switch format {
        case .md:
            try Summary.parse(arguments).run()
        case .json, .ndjson, .csv:
            try Report.parse(arguments).run()
        }
    }
}
