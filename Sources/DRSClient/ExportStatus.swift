/// Where an export stands (`export_status`): `INIT` → `EXPORTING` → `EXPORT_COMPLETE` or
/// `EXPORT_COMMON_FAILED`. Values the service may add later are kept as they are.
public struct ExportStatus: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public static let initial = ExportStatus("INIT")
    public static let exporting = ExportStatus("EXPORTING")
    public static let complete = ExportStatus("EXPORT_COMPLETE")
    public static let failed = ExportStatus("EXPORT_COMMON_FAILED")

    public var description: String { rawValue }
}

/// What one status poll learnt.
public struct ExportProgress: Sendable, Equatable {
    /// nil while the service reports no export status at all.
    public let status: ExportStatus?
    /// Seconds of validity left for the exported report; -1 (or nil) while none exists.
    public let reportRemainSeconds: Int?
}

/// Where each compare type's export status is published, and how to read it.
enum ExportStatusQuery {
    struct Endpoint {
        let path: [String]
        let query: [(name: String, value: String)]
    }

    static func endpoint(for file: CompareResultFile, projectID: String) -> Endpoint {
        switch file.compareType {
        case .objects:
            Endpoint(path: ["v3", projectID, "jobs", file.jobID, "object", "compare"], query: [])
        case .lines, .values, .sampling:
            tableComparisons(jobID: file.jobID, projectID: projectID, offset: 0)
        case .repair:
            Endpoint(
                path: ["v5", projectID, "jobs", file.jobID],
                query: [("type", "repair_export_status"), ("compare_task_id", file.compareJobID ?? "")])
        }
    }

    /// One page of a job's row, value and sampling comparisons, with their export statuses.
    static func tableComparisons(jobID: String, projectID: String, offset: Int) -> Endpoint {
        Endpoint(
            path: ["v3", projectID, "jobs", jobID, "table", "compare"],
            query: [("limit", String(CompareJobAnswers.pageSize)), ("offset", String(offset))])
    }

    /// The export status of `file`'s compare job if this page of the table comparisons lists it.
    static func dataComparisonProgress(in json: JSONValue, for file: CompareResultFile) -> ExportProgress? {
        CompareJobAnswers.TablePage(json).entries.first { $0["id"]?.text == file.compareJobID }.map { read($0) }
    }

    /// Reads the status out of a successful answer. Throws when the answer has no place for it
    /// (the compare job is not listed), since waiting longer would not help.
    static func progress(from json: JSONValue, for file: CompareResultFile) throws(DRSClientError) -> ExportProgress {
        switch file.compareType {
        case .objects:
            return read(json)
        case .lines, .values, .sampling:
            guard let progress = dataComparisonProgress(in: json, for: file) else {
                throw notListed(file, among: CompareJobAnswers.TablePage(json).entries.count)
            }
            return progress
        case .repair:
            // Documented only as `repair_export_status`: a bare status, or an object holding one.
            guard let status = json.first("repair_export_status", "repairExportStatus") else {
                return read(json)
            }
            if let text = status.text {
                return ExportProgress(status: ExportStatus(ServiceText.printable(text)), reportRemainSeconds: nil)
            }
            return read(status, alsoAsStatus: "status")
        }
    }

    static func notListed(_ file: CompareResultFile, among count: Int) -> DRSClientError {
        DRSClientError(
            .service, "compare job \(file.compareJobID ?? "") is not among the \(count) compare jobs of job \(file.jobID)")
    }

    /// `export_status`, never a compare job's own `status` (RUNNING, SUCCESSFUL…), except
    /// inside a repair export status object, where `status` can only mean the export.
    private static func read(_ object: JSONValue, alsoAsStatus extraKey: String? = nil) -> ExportProgress {
        let status = object.first("export_status", "exportStatus") ?? extraKey.flatMap { object.first($0) }
        return ExportProgress(
            status: status?.text.map { ExportStatus(ServiceText.printable($0)) },
            reportRemainSeconds: object.first("report_remain_seconds", "reportRemainSeconds")?.integer)
    }
}
