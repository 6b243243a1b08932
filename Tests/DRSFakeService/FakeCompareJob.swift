import DRSClient

/// A compare job as the fake lists it (`GET …/table/compare`, or the object comparison of
/// `GET …/object/compare`). Times are given as the service spells them.
public struct FakeCompareJob: Sendable {
    public var id: String
    public var type: CompareType
    public var status: String
    public var startTime: String?
    public var endTime: String?

    public init(id: String, type: CompareType, status: String = "SUCCESSFUL", startTime: String? = nil, endTime: String? = nil) {
        self.id = id
        self.type = type
        self.status = status
        self.startTime = startTime
        self.endTime = endTime
    }

    /// `count` row comparisons, the i-th started on day i (so the last is the newest), all finished
    /// unless `status` says otherwise: enough of them to need several pages.
    public static func many(_ count: Int, type: CompareType = .lines, status: String = "SUCCESSFUL") -> [FakeCompareJob] {
        (0..<count).map { index in
            let minutes = index % 60, hours = (index / 60) % 24, day = index / 1440
            let time = "2026-\(two(1 + day / 28))-\(two(1 + day % 28))T\(two(hours)):\(two(minutes)):00Z"
            return FakeCompareJob(id: "cmp-\(index)", type: type, status: status, startTime: time, endTime: time)
        }
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// A list of compare jobs that cannot be right: pages larger than asked for, a count that is not
/// a number, the same page whatever the offset. Every entry is a finished row comparison.
public struct BrokenCompareList: Sendable {
    public var entriesPerPage: Int
    /// The `count` field, as JSON text (`"many"` with its quotes, `50000`).
    public var count: String
    /// Every request gets the first page.
    public var ignoresOffset: Bool

    public init(entriesPerPage: Int, count: String, ignoresOffset: Bool) {
        self.entriesPerPage = entriesPerPage
        self.count = count
        self.ignoresOffset = ignoresOffset
    }
}
