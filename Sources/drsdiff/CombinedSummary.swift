import DRSClient
import DRSOutput
import DRSReport
import Foundation

/// What `fetch --all` prints: an overview of every report fetched, then each one's summary as
/// `summary` prints it (Markdown), or one document, `drsdiff.fetch/v1`, holding each report's
/// `drsdiff.summary/v1` (JSON).
enum CombinedSummary {
    enum Format { case markdown, json }

    static let schema = "drsdiff.fetch/v1"

    static func write(
        _ reports: [(Fetch.Fetched, ReportSummary)], jobID: String, saved: Bool, as format: Format, to sink: ByteSink
    ) throws {
        switch format {
        case .markdown: try markdown(reports, jobID: jobID, saved: saved, to: sink)
        case .json: try json(reports, jobID: jobID, saved: saved, to: sink)
        }
    }

    /// The worst verdict of all (incomplete, then inconsistent, then consistent).
    static func verdict(_ reports: [(Fetch.Fetched, ReportSummary)]) -> StatusCategory {
        reports.map(\.1.verdict).max() ?? .consistent
    }

    private static func markdown(_ reports: [(Fetch.Fetched, ReportSummary)], jobID: String, saved: Bool, to sink: ByteSink) throws {
        sink.write("# DRS comparisons of job \(MarkdownEncoding.cell(jobID))\n\n")
        sink.write("**Verdict: \(verdict(reports).rawValue)** (the worst of \(reports.count) report\(reports.count == 1 ? "" : "s"))\n\n")
        var table = TextTable(["compare type", "compare job", "finished", "verdict"] + (saved ? ["kept as"] : []))
        for (report, summary) in reports {
            let job = report.compareJob
            table.add(
                [job.compareType.rawValue, job.id.isEmpty ? "-" : job.id, finished(job), summary.verdict.rawValue]
                    + (saved ? [report.workbook.path] : []))
        }
        sink.write(table.markdown)
        for (_, summary) in reports {
            sink.write("\n")
            try SummaryWriter.write(summary, as: .markdown, to: sink)
        }
    }

    /// When the comparison finished; DRS gives the object comparison only a start time.
    private static func finished(_ job: CompareJob) -> String {
        if let finished = job.finishedAt { return finished.description }
        return job.startedAt.map { "started \($0)" } ?? "-"
    }

    private static func json(_ reports: [(Fetch.Fetched, ReportSummary)], jobID: String, saved: Bool, to sink: ByteSink) throws {
        sink.write("{\n  \"schema\": \(JSONEncoding.quoted(schema)),\n  \"job_id\": \(JSONEncoding.quoted(jobID)),\n")
        sink.write("  \"verdict\": \(JSONEncoding.quoted(verdict(reports).rawValue)),\n  \"reports\": [")
        for (index, (report, summary)) in reports.enumerated() {
            let job = report.compareJob
            sink.write(index == 0 ? "\n" : ",\n")
            sink.write("    {\"compare_type\": \(JSONEncoding.quoted(job.compareType.rawValue)), ")
            sink.write("\"compare_job_id\": \(job.id.isEmpty ? "null" : JSONEncoding.quoted(job.id)), ")
            sink.write("\"compare_job\": \(CompareJobsWriter.json(job)), ")
            sink.write("\"kept_as\": \(saved ? JSONEncoding.quoted(report.workbook.path) : "null"),\n     \"summary\": ")
            try SummaryWriter.write(summary, as: .json, to: sink)
            sink.write("    }")
        }
        sink.write(reports.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    }
}
