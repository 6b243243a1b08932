import Foundation

/// A compare job's own status (`status`): `RUNNING`, `WAITING_FOR_RUNNING`, `SUCCESSFUL`,
/// `FAILED`, `CANCELLED`, `TIMEOUT_INTERRUPT`, `FULL_DOING`, `INCRE_DOING`; values the service
/// may add later are kept as they are.
public struct CompareJobStatus: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public static let successful = CompareJobStatus("SUCCESSFUL")

    /// Whether the comparison finished and its result is whole: only `SUCCESSFUL` (a failed,
    /// cancelled or interrupted comparison has no report worth reading).
    public var isFinished: Bool { self == .successful }

    public var description: String { rawValue }
}

/// A time the service reported: its text (made printable) and, when it could be read, the date.
/// DRS documents UTC times like `2020-09-01T18:50:20Z`; other spellings seen in its APIs (a space
/// instead of the `T`, fractions, epoch milliseconds) are read too.
public struct ServiceTime: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    public let date: Date?

    init(_ value: JSONValue) {
        switch value {
        case .number(let number):
            text = value.text ?? ""
            // Epoch seconds, or milliseconds once past the year 33658 in seconds.
            date = Date(timeIntervalSince1970: number > 1e12 ? number / 1000 : number)
        default:
            text = ServiceText.printable(value.text ?? "")
            date = Self.parse(text)
        }
    }

    /// ISO 8601 in UTC when the date is known, else the service's text.
    public var description: String {
        date.map { $0.formatted(.iso8601) } ?? text
    }

    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = IssuedTokenAnswer.parseTimestamp(trimmed) { return date }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss.SSS"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) { return date }
        }
        if let number = Double(trimmed), number > 0 {
            return Date(timeIntervalSince1970: number > 1e12 ? number / 1000 : number)
        }
        return nil
    }
}

/// One comparison DRS ran for a job: the object comparison (one per job, its latest), or a
/// row, value or sampling comparison (as many as were started).
public struct CompareJob: Sendable, Hashable {
    public let compareType: CompareType
    public let id: String
    public let status: CompareJobStatus?
    public let startedAt: ServiceTime?
    public let finishedAt: ServiceTime?
    public let exportStatus: ExportStatus?
    /// Seconds of validity left for its exported report; -1 while none exists.
    public let reportRemainSeconds: Int?

    /// When it finished, else when it started: what "newest" is judged by.
    var newestDate: Date? { finishedAt?.date ?? startedAt?.date }

    /// The newest compare job among `jobs` of `type` that finished (status `SUCCESSFUL`), by
    /// finish time (else start time, else list order); for `repair_data`, the newest finished
    /// value comparison, which data repair works from (an inference: the API names the repair's
    /// compare task, and only value comparisons find rows to repair).
    public static func newestFinished(in jobs: [CompareJob], of type: CompareType) -> CompareJob? {
        let kind = type == .repair ? .values : type
        let finished = jobs.enumerated().filter { $0.element.compareType == kind && ($0.element.status?.isFinished ?? false) }
        return finished.max { a, b in
            switch (a.element.newestDate, b.element.newestDate) {
            case (let x?, let y?) where x != y: x < y
            case (nil, _?): true
            case (_?, nil): false
            default: a.offset < b.offset
            }
        }?.element
    }
}

/// Reading the two answers that list compare jobs.
enum CompareJobAnswers {
    /// The page size asked for: the most the table compare list allows.
    static let pageSize = 1000
    /// More pages than this (a million compare jobs) means the service repeats itself.
    static let maximumPages = 1000

    /// One page of `GET …/table/compare?limit=&offset=`: `{"compare_jobs": […], "count": N}`.
    struct TablePage {
        let entries: [JSONValue]
        /// The number of compare jobs in all pages, when the service says.
        let total: Int?

        init(_ json: JSONValue) {
            entries = json.first("compare_jobs", "compareJobs")?.arrayValue ?? []
            total = json.first("count", "total_count", "totalCount")?.integer
        }

        /// The row, value and sampling comparisons on this page; entries of other types are skipped.
        var jobs: [CompareJob] {
            entries.compactMap { entry in
                guard let type = entry["type"]?.text.flatMap(CompareType.init(rawValue:)), type.needsCompareJobID,
                    let id = entry["id"]?.text, !id.isEmpty
                else { return nil }
                return CompareJobAnswers.job(entry, type: type, id: id, started: ["start_time", "startTime", "create_time"])
            }
        }
    }

    /// `GET …/object/compare`: the job's object comparison, or nil when it has none.
    static func objectComparison(_ json: JSONValue) -> CompareJob? {
        let id = json.first("compare_job_id", "compareJobId", "id")?.text ?? ""
        guard !id.isEmpty || json.first("status") != nil else { return nil }
        return job(json, type: .objects, id: id, started: ["start_time", "startTime", "create_time", "createTime"])
    }

    private static func job(_ entry: JSONValue, type: CompareType, id: String, started: [String]) -> CompareJob {
        func time(_ keys: [String]) -> ServiceTime? {
            keys.lazy.compactMap { entry[$0] }.first { $0 != .null && $0.text?.isEmpty == false }.map(ServiceTime.init)
        }
        return CompareJob(
            compareType: type, id: ServiceText.printable(id),
            status: entry["status"]?.text.map { CompareJobStatus(ServiceText.printable($0)) },
            startedAt: time(started), finishedAt: time(["end_time", "endTime"]),
            exportStatus: entry.first("export_status", "exportStatus")?.text.map { ExportStatus(ServiceText.printable($0)) },
            reportRemainSeconds: entry.first("report_remain_seconds", "reportRemainSeconds")?.integer)
    }
}
