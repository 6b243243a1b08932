import ArgumentParser
import DRSClient
import DRSOutput
import DRSReport
import Foundation
import XLSXReader

struct Fetch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Download comparison result files from DRS and print them, or what changed since the last ones.",
        discussion: """
            Does what `download` does, then prints what the local command prints for the file: \
            `drsdiff summary FILE --format md` for Markdown, `drsdiff report FILE --format F` for \
            JSON, NDJSON and CSV, read with the compare type asked for and the --vocabulary and \
            reader limits given here. The .xlsx is deleted afterwards unless --keep names where to \
            keep it.

            With --all: the newest finished report of every compare type the job has (objects, \
            lines, contents, random), printed as `drsdiff summary` prints several files; \
            --diff-with DIR prints instead what changed since the reports kept in DIR (as `drsdiff \
            diff` prints pairs, and with its exit status); --save DIR keeps them as \
            DIR/<job>_<type>.xlsx, each run replacing the last (DIR may be the --diff-with one). \
            Credentials and options as for `download`; see docs/download.md.
            """)

    @OptionGroup(title: "Service and job")
    var service: ServiceOptions

    @Option(help: ArgumentHelp("The comparison whose result file to get (not with --all).", valueName: "type"))
    var compareType: CompareType?

    @OptionGroup(title: "Result file")
    var result: ResultFileOptions

    @Flag(help: "Fetch the newest finished report of every compare type the job has and print them together.")
    var all = false

    @Option(help: ArgumentHelp(
        "With --all: print what changed since the reports kept in this directory (by --save) instead of the summaries.",
        valueName: "dir"))
    var diffWith: String?

    @Option(help: ArgumentHelp(
        "With --all: keep the reports in this directory as <job>_<type>.xlsx, replacing those of the last run.",
        valueName: "dir"))
    var save: String?

    @Option(help: "Output format: md (the summary), json, ndjson or csv (the typed report); with --all, md or json (with --diff-with, all four).")
    var format: FetchFormat = .md

    @Option(help: ArgumentHelp("Also keep the downloaded .xlsx at this path (not with --all).", valueName: "path"))
    var keep: String?

    @Flag(help: "Replace the --keep file if it exists (without it, an existing file is never replaced).")
    var force = false

    @OptionGroup(title: "Reading the report")
    var reading: ReportReadingOptions

    enum FetchFormat: String, FormatArgument {
        case md, json, ndjson, csv
    }

    func validate() throws {
        guard all else {
            guard let compareType else { throw ValidationError("give --compare-type, or --all for every compare type") }
            try result.validate(for: compareType)
            if save != nil || diffWith != nil {
                throw ValidationError("--save and --diff-with go with --all; for one report, use --keep PATH (and drsdiff diff)")
            }
            if let keep, !force, fileExists(keep) {
                throw ValidationError("\(keep) exists: use --force to replace it")
            }
            return
        }
        if compareType != nil { throw ValidationError("--all fetches every compare type: leave out --compare-type") }
        if result.compareJobId != nil || result.latest {
            throw ValidationError("--all takes the newest finished compare job of each type: leave out --compare-job-id and --latest")
        }
        if keep != nil || force { throw ValidationError("--all keeps its reports with --save DIR, not --keep or --force") }
        if diffWith == nil && format != .md && format != .json {
            throw ValidationError("--all prints the summaries as Markdown or JSON (--format md or json); ndjson and csv go with --diff-with")
        }
        var isDirectory: ObjCBool = false
        if let diffWith, !FileManager.default.fileExists(atPath: diffWith, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw ValidationError("--diff-with \(diffWith) is not a directory (the --save directory of an earlier run)")
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
            let file = try reading.open(workbook.path, vocabulary: try reading.vocabulary(), compareType: compareType)
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
    static let allTypes: [CompareType] = [.objects, .lines, .values, .sampling]

    /// A report `--all` fetched, into the scratch directory.
    struct Fetched: Sendable {
        let file: CompareResultFile
        let workbook: URL
    }

    private func fetchAll() throws {
        let scratch = try reportingServiceFailures { try ScratchDirectory() }
        defer { scratch.remove() }
        let fetched: [Fetched] = try reportingServiceFailures {
            let session = try ServiceSession(service, result)
            let jobID = service.jobId
            return try runAsync {
                let jobs = try await session.client.compareJobs(jobID: jobID)
                for type in Self.allTypes {
                    for (job, reason) in CompareJob.passedOver(in: jobs, of: type) { ServiceSession.notePassedOver(job, reason) }
                }
                let newest = Self.allTypes.compactMap { type in CompareJob.newestFinished(in: jobs, of: type) }
                guard !newest.isEmpty else {
                    throw DRSClientError(
                        .noComparison,
                        jobs.isEmpty ? "job \(jobID) has no compare jobs" : "job \(jobID) has no finished comparison (\(jobs.count) compare job(s), none SUCCESSFUL)")
                }
                return try await Self.fetchEach(newest, jobID: jobID, session: session, into: scratch)
            }
        }
        // The reports are kept whatever printing them says; with --diff-with the same directory,
        // only once the old ones were read.
        var verdict: DiffVerdict?
        var failure: Int32?
        do {
            let vocabulary = try reading.vocabulary()
            if let diffWith {
                (verdict, failure) = try printChanges(fetched, since: diffWith, vocabulary: vocabulary)
            } else {
                try printSummaries(fetched, vocabulary: vocabulary)
            }
        } catch {
            if let save { try keep(fetched, in: save) }
            throw error
        }
        if let save { try keep(fetched, in: save) }
        if let failure { throw ExitCode(failure) }
        switch verdict ?? .noRegressions {
        case .noRegressions: return
        case .regressions: throw ExitCode(Exit.inconsistent)
        case .incomplete: throw ExitCode(Exit.incomplete)
        }
    }

    /// Downloads the report of each compare job. One whose answer from the service is unusable
    /// (an id that is not a DRS id, a body that is not an .xlsx) is skipped with a note, and the
    /// others are still fetched; when every one is, the first such failure ends the command.
    private static func fetchEach(
        _ jobs: [CompareJob], jobID: String, session: ServiceSession, into scratch: ScratchDirectory
    ) async throws -> [Fetched] {
        var fetched: [Fetched] = []
        var firstSkipped: DRSClientError?
        for job in jobs {
            do {
                let file = try job.resultFile(jobID: jobID)
                let workbook = scratch.file(named: file.defaultFileName)
                try await session.download(file, to: workbook, replacing: false)
                fetched.append(Fetched(file: file, workbook: workbook))
            } catch let error as DRSClientError where error.kind == .invalidResponse {
                Console.note("\(job.compareType.rawValue): skipped, the service's answer is unusable: \(error.description)")
                firstSkipped = firstSkipped ?? error
            }
        }
        if fetched.isEmpty, let firstSkipped { throw firstSkipped }
        return fetched
    }

    /// `drsdiff summary A B C…` of the reports fetched.
    private func printSummaries(_ fetched: [Fetched], vocabulary: Vocabulary) throws {
        try reportingFailures {
            var entries: [SummaryWriter.Entry] = []
            for report in fetched {
                let file = try reading.open(report.workbook.path, vocabulary: vocabulary, compareType: report.file.compareType)
                noteUnrecognised(file.report.sections, file: file.report.file)
                entries.append(.summary(try ReadProgress.showing(on: file.workbook, quiet: result.quiet) { try file.summary(top: Self.top) }))
            }
            try OutputTarget(path: nil).write { sink in
                try SummaryWriter.write(several: entries, as: format == .json ? .json : .markdown, to: sink)
            }
        }
    }

    /// `drsdiff diff OLD NEW…` of each kept report and the one fetched of its type; a type with
    /// no kept report yet is listed as such and does not change the verdict. A pair that cannot
    /// be read is listed as failed and the others still diffed, as `diff` does with several
    /// pairs; the exit status is then the first such failure's.
    private func printChanges(
        _ fetched: [Fetched], since directory: String, vocabulary: Vocabulary
    ) throws -> (verdict: DiffVerdict?, failure: Int32?) {
        try reportingFailures {
            var worst: DiffVerdict?
            var failure: Int32?
            try OutputTarget(path: nil).write { sink in
                let writer = DiffWriter(format: DiffWriter.Format(rawValue: format.rawValue)!, top: Self.top, several: true, to: sink)
                for report in fetched {
                    let old = URL(fileURLWithPath: directory).appendingPathComponent(report.file.stableFileName).path
                    guard FileManager.default.fileExists(atPath: old) else {
                        writer.unpaired(old: nil, new: report.workbook.path)
                        Console.note("\(report.file.compareType.rawValue): no report kept in \(directory) yet: nothing to compare with")
                        continue
                    }
                    let type = report.file.compareType
                    do {
                        let diff = try ReportDiff(
                            old: reading.open(old, vocabulary: vocabulary, compareType: type),
                            new: reading.open(report.workbook.path, vocabulary: vocabulary, compareType: type))
                        let outcome = try ReadProgress.showing(on: diff.old.workbook, quiet: result.quiet) {
                            try ReadProgress.showing(on: diff.new.workbook, quiet: result.quiet) { try writer.write(diff) }
                        }
                        worst = max(worst ?? outcome.verdict, outcome.verdict)
                    } catch let error as XLSXError {
                        Console.error(error.description)
                        writer.failed(old: old, new: report.workbook.path, message: error.description)
                        failure = failure ?? error.kind.exitCode
                    } catch let error as DiffError {
                        Console.error(error.description)
                        guard error.isUsageError else { throw ExitCode(Exit.outputFailed) }
                        writer.failed(old: old, new: report.workbook.path, message: error.description)
                        worst = .incomplete
                    }
                }
                writer.finish()
            }
            return (worst, failure)
        }
    }

    /// `--save DIR`: each report as DIR/<job>_<type>.xlsx, replaced whole (the old file's mode kept).
    private func keep(_ fetched: [Fetched], in directory: String) throws {
        try reportingFailures {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw OutputError("cannot create the directory \(directory) (--save): \(error.localizedDescription)")
            }
            for report in fetched {
                let destination = URL(fileURLWithPath: directory).appendingPathComponent(report.file.stableFileName).path
                let output = try OutputFile(path: destination, temporaryFiles: SignalCleanup.hooks)
                guard let input = FileHandle(forReadingAtPath: report.workbook.path) else {
                    throw OutputError("cannot read back \(report.workbook.path)")
                }
                defer { try? input.close() }
                while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
                    chunk.withUnsafeBytes { output.sink.write($0) }
                }
                try output.commit()
            }
        }
    }
}
