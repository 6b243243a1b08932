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
/// instead of the `T`, fractions, epoch milliseconds) are read too. A time that is not finite or
/// lies outside ``plausibleDates`` has no date: it is not a time DRS can have meant.
public struct ServiceTime: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    public let date: Date?

    /// DRS did not run before 2000, and a report is not dated a century ahead: anything outside
    /// (`1e300`, `inf`, year 506713) is a broken answer, not the newest comparison.
    public static let plausibleDates = Date(timeIntervalSince1970: 946_684_800)..<Date(timeIntervalSince1970: 4_102_444_800)

    init(_ value: JSONValue) {
        switch value {
        case .number(let number):
            text = value.text ?? ""
            date = Self.epoch(number)
        default:
            text = ServiceText.printable(value.text ?? "")
            date = Self.parse(text)
        }
    }

    /// Whether the service gave a time that could not be read as a plausible date.
    public var isUnreadable: Bool { date == nil && !text.isEmpty }

    /// ISO 8601 in UTC when the date is known, else the service's text.
    public var description: String {
        date.map { $0.formatted(.iso8601) } ?? text
    }

    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = IssuedTokenAnswer.parseTimestamp(trimmed) { return plausible(date) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss.SSS"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) { return plausible(date) }
        }
        if let number = Double(trimmed), number > 0 {
            return epoch(number)
        }
        return nil
    }

    /// Epoch seconds, or milliseconds once past the year 33658 in seconds.
    private static func epoch(_ number: Double) -> Date? {
        guard number.isFinite else { return nil }
        return plausible(Date(timeIntervalSince1970: number > 1e12 ? number / 1000 : number))
    }

    private static func plausible(_ date: Date) -> Date? {
        plausibleDates.contains(date) ? date : nil
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

    /// Why this compare job cannot be chosen as the newest, although it may have finished: a
    /// start or end time that is not a plausible date (it would win or lose for no reason).
    public var ineligibility: String? {
        for (name, time) in [("end", finishedAt), ("start", startedAt)] {
            if let time, time.isUnreadable {
                return "its \(name) time \"\(ServiceText.shortened(time.text))\" is not a plausible date"
            }
        }
        return nil
    }

    /// The result file of this compare job, in DRS job `jobID`. Its id came from the service:
    /// one that is not a DRS id is the service's fault, ``DRSClientError/Kind/invalidResponse``.
    public func resultFile(jobID: String) throws(DRSClientError) -> CompareResultFile {
        if compareType != .objects {
            do {
                try ServiceIdentifier.validate(id, as: "compare job id")
            } catch {
                throw DRSClientError(
                    .invalidResponse,
                    "DRS listed a \(compareType.rawValue) compare job whose id is not a DRS id: \(error.message)")
            }
        }
        return try CompareResultFile(jobID: jobID, compareType: compareType, compareJobID: compareType == .objects ? nil : id)
    }

    /// The finished compare jobs of `type` (for `repair_data`, the value comparisons) that
    /// ``newestFinished(in:of:)`` passes over, each with why.
    public static func passedOver(in jobs: [CompareJob], of type: CompareType) -> [(job: CompareJob, reason: String)] {
        finished(in: jobs, of: type).compactMap { job in job.ineligibility.map { (job, $0) } }
    }

    /// The newest compare job among `jobs` of `type` that finished (status `SUCCESSFUL`) and whose
    /// times are plausible, by finish time (else start time), ties broken by start time, then by
    /// id (the greater); for `repair_data`, the newest finished value comparison, which data
    /// repair works from (an inference: the API names the repair's compare task, and only value
    /// comparisons find rows to repair).
    public static func newestFinished(in jobs: [CompareJob], of type: CompareType) -> CompareJob? {
        finished(in: jobs, of: type).filter { $0.ineligibility == nil }.max(by: isOlder)
    }

    private static func finished(in jobs: [CompareJob], of type: CompareType) -> [CompareJob] {
        let kind = type == .repair ? .values : type
        return jobs.filter { $0.compareType == kind && ($0.status?.isFinished ?? false) }
    }

    /// Whether `a` comes before `b` in "newest" order; a missing date is older than any.
    static func isOlder(_ a: CompareJob, _ b: CompareJob) -> Bool {
        func order(_ x: Date?, _ y: Date?) -> Bool? {
            switch (x, y) {
            case (let x?, let y?) where x != y: x < y
            case (nil, _?): true
            case (_?, nil): false
            default: nil
            }
        }
        return order(a.newestDate, b.newestDate) ?? order(a.startedAt?.date, b.startedAt?.date) ?? (a.id < b.id)
    }
}

/// Reading the two answers that list compare jobs.
enum CompareJobAnswers {
    /// The page size asked for: the most the table compare list allows.
    static let pageSize = 1000

    /// One page of `GET …/table/compare?limit=&offset=`: `{"compare_jobs": […], "count": N}`.
    struct TablePage {
        let entries: [JSONValue]
        /// The number of compare jobs in all pages, when the service says.
        let total: Int?
        /// The count as the service gave it, when it is there but not a number of entries.
        let malformedTotal: String?

        init(_ json: JSONValue) {
            entries = json.first("compare_jobs", "compareJobs")?.arrayValue ?? []
            let count = json.first("count", "total_count", "totalCount")
            total = count?.integer.flatMap { $0 >= 0 ? $0 : nil }
            malformedTotal = count != nil && count != .null && total == nil ? ServiceText.shortened(ServiceText.printable(count?.text ?? "\(count!)")) : nil
        }

        /// The first entry's id, to notice a service that sends the same page again.
        var firstID: String? { entries.first?["id"]?.text }

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
