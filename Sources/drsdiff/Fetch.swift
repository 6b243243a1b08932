import ArgumentParser
import DRSClient
import DRSOutput
import DRSReport
import Foundation

struct Fetch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Download comparison result files from DRS and print them as Markdown, JSON, NDJSON or CSV.",
        discussion: """
            Does what `download` does, then prints what the local command prints for the file: \
            `drsdiff summary FILE --format md` for Markdown, `drsdiff report FILE --format F` for \
            JSON, NDJSON and CSV, read with the compare type asked for and the --vocabulary and \
            reader limits given here. The .xlsx is deleted afterwards unless --keep names where to \
            keep it.

            With --all: the newest finished report of every compare type the job has (objects, \
            lines, contents, random), then one combined summary (Markdown or JSON); --save DIR \
            keeps them as DIR/<job>_<type>.xlsx, each run replacing the last. Credentials and \
            options as for `download`; see docs/download.md.
            """)

    @OptionGroup(title: "Service and job")
    var service: ServiceOptions

    @Option(help: ArgumentHelp("The comparison whose result file to get (not with --all).", valueName: "type"))
    var compareType: CompareType?

    @OptionGroup(title: "Result file")
    var result: ResultFileOptions

    @Flag(help: "Fetch the newest finished report of every compare type the job has and print one combined summary.")
    var all = false

    @Option(help: ArgumentHelp(
        "With --all: keep the reports in this directory as <job>_<type>.xlsx, replacing those of the last run.",
        valueName: "dir"))
    var save: String?

    @Option(help: "Output format: md (the summary), json, ndjson or csv (the typed report); with --all, md or json.")
    var format: FetchFormat = .md

    @Option(help: ArgumentHelp("Also keep the downloaded .xlsx at this path (not with --all).", valueName: "path"))
    var keep: String?

    @Flag(help: "Replace the --keep file if it exists (without it, an existing file is never replaced).")
    var force = false

    @OptionGroup(title: "Reading the report")
    var reading: ReportReadingOptions

    enum FetchFormat: String, ExpressibleByArgument, CaseIterable {
        case md, json, ndjson, csv
    }

    func validate() throws {
        if all {
            if compareType != nil { throw ValidationError("--all fetches every compare type: leave out --compare-type") }
            if result.compareJobId != nil || result.latest {
                throw ValidationError("--all takes the newest finished compare job of each type: leave out --compare-job-id and --latest")
            }
            if keep != nil || force { throw ValidationError("--all keeps its reports with --save DIR, not --keep or --force") }
            if format != .md && format != .json { throw ValidationError("--all prints a combined summary: --format md or json") }
            return
        }
        guard let compareType else { throw ValidationError("give --compare-type, or --all for every compare type") }
        try result.validate(for: compareType)
        if save != nil { throw ValidationError("--save keeps the reports of --all; for one report, use --keep PATH") }
        if let keep, !force, fileExists(keep) {
            throw ValidationError("\(keep) exists: use --force to replace it")
        }
    }

    func run() throws {
        if all {
            try fetchAll()
            return
        }
        guard let compareType else { return }
        let scratch = keep == nil ? try reportingServiceFailures { try ScratchDirectory() } : nil
        defer { scratch?.remove() }
        let workbook = try reportingServiceFailures {
            let session = try ServiceSession(service, result)
            let keep = keep, force = force
            return try runAsync {
                let file = try await session.resolveFile(compareType)
                let destination = keep.map { URL(fileURLWithPath: $0) } ?? scratch!.file(named: file.defaultFileName)
                try await session.download(file, to: destination, replacing: force)
                return destination
            }
        }
        try reportingFailures {
            let file = try reading.open(workbook.path, compareType: compareType)
            let standardOutput = try OutputTarget(path: nil)
            switch format {
            case .md:
                try Summary.write(file, as: .md, top: Self.top, quiet: result.quiet, to: standardOutput)
            case .json:
                try Report.write(file, as: .json, quiet: result.quiet, to: standardOutput)
            case .ndjson:
                try Report.write(file, as: .ndjson, quiet: result.quiet, to: standardOutput)
            case .csv:
                try Report.write(file, as: .csv, quiet: result.quiet, to: standardOutput)
            }
        }
    }

    /// The tables listed with the largest differences, as `summary` lists by default.
    static let top = 10
    /// The compare types `--all` looks for (data repair has no compare jobs of its own).
    static let allTypes: [CompareType] = [.objects, .rows, .values, .sampling]

    /// A report `--all` fetched.
    struct Fetched: Sendable {
        let compareJob: CompareJob
        let file: CompareResultFile
        let workbook: URL
    }

    private func fetchAll() throws {
        let scratch = save == nil ? try reportingServiceFailures { try ScratchDirectory() } : nil
        defer { scratch?.remove() }
        let fetched: [Fetched] = try reportingServiceFailures {
            let directory = try save.map(Self.makeDirectory)
            let session = try ServiceSession(service, result)
            let jobID = service.jobId
            return try runAsync {
                let jobs = try await session.client.compareJobs(jobID: jobID)
                let newest = Self.allTypes.compactMap { type in CompareJob.newestFinished(in: jobs, of: type) }
                guard !newest.isEmpty else {
                    throw DRSClientError(
                        .noComparison,
                        jobs.isEmpty ? "job \(jobID) has no compare jobs" : "job \(jobID) has no finished comparison (\(jobs.count) compare job(s), none SUCCESSFUL)")
                }
                var fetched: [Fetched] = []
                for job in newest {
                    let file = try CompareResultFile(
                        jobID: jobID, compareType: job.compareType, compareJobID: job.compareType == .objects ? nil : job.id)
                    let destination = directory?.appendingPathComponent(file.stableFileName) ?? scratch!.file(named: file.defaultFileName)
                    try await session.download(file, to: destination, replacing: true)
                    fetched.append(Fetched(compareJob: job, file: file, workbook: destination))
                }
                return fetched
            }
        }
        try reportingFailures {
            var summaries: [(Fetched, ReportSummary)] = []
            for report in fetched {
                let file = try reading.open(report.workbook.path, compareType: report.file.compareType)
                noteUnrecognised(file.report.sections)
                let summary = try ReadProgress.showing(on: file.workbook, quiet: result.quiet) { try file.summary(top: Self.top) }
                summaries.append((report, summary))
            }
            try OutputTarget(path: nil).write { sink in
                try CombinedSummary.write(
                    summaries, jobID: service.jobId, saved: save != nil, as: format == .json ? .json : .markdown, to: sink)
            }
        }
    }

    /// `--save DIR`: made when missing.
    private static func makeDirectory(_ path: String) throws(DRSClientError) -> URL {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw DRSClientError(.localFile, "cannot create the directory \(path) (--save): \(error.localizedDescription)")
        }
        return URL(fileURLWithPath: path)
    }
}
