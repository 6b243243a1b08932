import ArgumentParser
import DRSClient
import DRSOutput
import Foundation

struct CompareJobs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare-jobs",
        abstract: "List a DRS job's compare jobs: type, id, status, start and finish, export status.",
        discussion: """
            The job's object comparison (DRS keeps its latest), then its row (lines), value \
            (contents) and sampling (random) comparisons, every page of them. `download` and \
            `fetch` take --latest to use the newest finished one of a type without looking its id \
            up. Credentials and connection options as for `download`; see docs/download.md.
            """)

    @OptionGroup(title: "Service and job")
    var service: ServiceOptions

    @Option(help: "Output format: table, json or ndjson.")
    var format: FormatChoice = .table

    enum FormatChoice: String, FormatArgument {
        case table, json, ndjson
    }

    func run() throws {
        let jobs = try reportingServiceFailures {
            let client = try service.makeClient()
            let jobID = service.jobId
            return try runAsync { try await client.compareJobs(jobID: jobID) }
        }
        if jobs.isEmpty { Console.note("job \(service.jobId) has no compare jobs") }
        try reportingFailures {
            try OutputTarget(path: nil).write { sink in
                switch format {
                case .table: sink.write(CompareJobsWriter.table(jobs))
                case .json: sink.write(CompareJobsWriter.document(jobs, jobID: service.jobId))
                case .ndjson: for job in jobs { sink.write(CompareJobsWriter.json(job) + "\n") }
                }
            }
        }
    }
}

/// Compare jobs as a table, as `drsdiff.compare-jobs/v1` JSON, or one JSON object each.
enum CompareJobsWriter {
    static let schema = "drsdiff.compare-jobs/v1"

    static func table(_ jobs: [CompareJob]) -> String {
        var table = TextTable(["type", "id", "status", "started", "finished", "export status"])
        for job in jobs {
            table.add([
                job.compareType.rawValue, job.id.isEmpty ? "-" : job.id, job.status?.rawValue ?? "-",
                job.startedAt?.description ?? "-", job.finishedAt?.description ?? "-", job.exportStatus?.rawValue ?? "-",
            ])
        }
        return table.text(indent: "")
    }

    static func document(_ jobs: [CompareJob], jobID: String) -> String {
        "{\"schema\": \(JSONEncoding.quoted(schema)), \"job_id\": \(JSONEncoding.quoted(jobID)), \"compare_jobs\": ["
            + jobs.map { "\n  " + json($0) }.joined(separator: ",") + (jobs.isEmpty ? "]}\n" : "\n]}\n")
    }

    /// One compare job: times in ISO 8601 (UTC) when they could be read, else as the service wrote them.
    static func json(_ job: CompareJob) -> String {
        func string(_ text: String?) -> String { text.map(JSONEncoding.quoted) ?? "null" }
        return "{\"compare_type\": \(string(job.compareType.rawValue)), \"id\": \(string(job.id.isEmpty ? nil : job.id)), "
            + "\"status\": \(string(job.status?.rawValue)), \"finished\": \(job.status?.isFinished ?? false), "
            + "\"started_at\": \(string(job.startedAt?.description)), \"finished_at\": \(string(job.finishedAt?.description)), "
            + "\"export_status\": \(string(job.exportStatus?.rawValue)), "
            + "\"report_remain_seconds\": \(job.reportRemainSeconds.map(String.init) ?? "null")}"
    }
}
