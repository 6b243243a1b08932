import DRSFakeService
import Foundation
import Testing

@testable import DRSClient

/// What a broken or hostile list of compare jobs cannot do: make the client read without end,
/// choose a compare job by an impossible time, or pass its own malformed id off as the user's.
@Suite(.noSecretsInMessages) struct CompareJobListingTests {
    static func tableRequests(_ harness: ClientHarness) async -> [RecordedRequest] {
        await harness.fake.requests(to: .status).filter { $0.path.hasSuffix("/table/compare") }
    }

    /// Before: a count that is not a number, from a service that ignores offsets, took 1,001 requests.
    @Test func aCountThatIsNotANumberEndsTheListingAtOnce() async throws {
        try await ClientHarness.with(configure: {
            $0.brokenCompareList = BrokenCompareList(entriesPerPage: 10, count: #""many""#, ignoresOffset: true)
        }) { harness in
            let error = await expectClientError(.invalidResponse) {
                _ = try await harness.client().compareJobs(jobID: harness.fake.configuration.jobID)
            }
            #expect(error?.message.contains(#"the count of compare jobs "many" is not a number"#) == true, "\(String(describing: error))")
            #expect(error?.response?.httpStatus == 200)
            #expect(await Self.tableRequests(harness).count == 1)
        }
    }

    /// Before: 10,000 entries a page with a count of 50,000 were all read (110 s, 107 MB).
    @Test func aPageLargerThanAskedForEndsTheListing() async throws {
        try await ClientHarness.with(configure: {
            $0.brokenCompareList = BrokenCompareList(entriesPerPage: 10_000, count: "50000", ignoresOffset: false)
        }) { harness in
            let error = await expectClientError(.invalidResponse) {
                _ = try await harness.client().compareJobs(jobID: harness.fake.configuration.jobID)
            }
            #expect(error?.message.contains("a page holds 10000 compare jobs, more than the 1000 asked for") == true)
            #expect(await Self.tableRequests(harness).count == 1)
        }
    }

    @Test func aServiceRepeatingThePageIsCaughtOnTheSecond() async throws {
        try await ClientHarness.with(configure: {
            $0.brokenCompareList = BrokenCompareList(entriesPerPage: 1000, count: "5000", ignoresOffset: true)
        }) { harness in
            let error = await expectClientError(.invalidResponse) {
                _ = try await harness.client().compareJobs(jobID: harness.fake.configuration.jobID)
            }
            #expect(error?.message.contains("repeats the one before") == true, "\(String(describing: error))")
            #expect(await Self.tableRequests(harness).count == 2)
        }
    }

    @Test func aCountAboveTheLimitIsRefusedBeforeReadingOn() async throws {
        try await ClientHarness.with(configure: { $0.compareJobs = FakeCompareJob.many(2500) }) { harness in
            let error = await expectClientError(.limitExceeded) {
                _ = try await harness.client(maxListedCompareJobs: 2000).compareJobs(jobID: harness.fake.configuration.jobID)
            }
            #expect(error?.message.contains("the job lists 2500 compare jobs, more than the 2000 drsdiff reads") == true)
            #expect(error?.message.contains("--max-compare-jobs") == true)
            #expect(await Self.tableRequests(harness).count == 1)
            // Raised, the same list is read whole.
            let jobs = try await harness.client(maxListedCompareJobs: 2500).compareJobs(jobID: harness.fake.configuration.jobID)
            #expect(jobs.count == 2501)
        }
    }

    /// A service that gives no count and never ends its list meets the entry limit, not a page limit.
    @Test func aListWithoutCountStopsAtTheLimit() async throws {
        try await ClientHarness.with(configure: {
            $0.brokenCompareList = BrokenCompareList(entriesPerPage: 1000, count: "null", ignoresOffset: false)
        }) { harness in
            let error = await expectClientError(.limitExceeded) {
                _ = try await harness.client(maxListedCompareJobs: 3000).compareJobs(jobID: harness.fake.configuration.jobID)
            }
            #expect(error?.message.contains("more than 3000 compare jobs") == true, "\(String(describing: error))")
            #expect(await Self.tableRequests(harness).count == 4)
        }
    }

    /// Before: equal end times chose the later list entry; now the later start, then the greater id.
    @Test func equalEndTimesAreDecidedByStartTimeThenId() async throws {
        try await ClientHarness.with(configure: {
            $0.compareJobs = [
                FakeCompareJob(id: "started-later", type: .values, startTime: "2026-11-03T08:30:00Z", endTime: "2026-11-03T09:00:00Z"),
                FakeCompareJob(id: "started-earlier", type: .values, startTime: "2026-11-03T08:00:00Z", endTime: "2026-11-03T09:00:00Z"),
                FakeCompareJob(id: "b-same", type: .lines, startTime: "2026-11-03T08:00:00Z", endTime: "2026-11-03T09:00:00Z"),
                FakeCompareJob(id: "a-same", type: .lines, startTime: "2026-11-03T08:00:00Z", endTime: "2026-11-03T09:00:00Z"),
            ]
        }) { harness in
            let client = try harness.client()
            let jobID = harness.fake.configuration.jobID
            let values = try await client.latestFinishedCompareJob(jobID: jobID, type: .values)
            let rows = try await client.latestFinishedCompareJob(jobID: jobID, type: .lines)
            SecretLeakCheck.record("\(values) \(rows)")
            #expect(values.id == "started-later")
            #expect(rows.id == "b-same")
        }
    }

    /// Before: `inf` and 1e300 always won (shown as year 506713), and a malformed time silently lost.
    @Test(arguments: ["inf", "1e300", "-inf", "nan", "9999999999999999", "yesterday", "1890-01-01T00:00:00Z"])
    func anImpossibleTimeMakesACompareJobIneligibleWithANote(time: String) async throws {
        try await ClientHarness.with(configure: {
            $0.compareJobs = [
                FakeCompareJob(id: "impossible", type: .lines, startTime: "2026-11-01T08:00:00Z", endTime: time),
                FakeCompareJob(id: "real", type: .lines, startTime: "2026-11-02T08:00:00Z", endTime: "2026-11-02T09:00:00Z"),
            ]
        }) { harness in
            let notes = Recorded<String>()
            let latest = try await harness.client().latestFinishedCompareJob(jobID: harness.fake.configuration.jobID, type: .lines) {
                notes.append("\($0.id): \($1)")
            }
            #expect(latest.id == "real")
            #expect(notes.values == ["impossible: its end time \"\(time)\" is not a plausible date"])
            SecretLeakCheck.record(notes.values.joined())
        }
    }

    /// Before: exit 64 "not a valid compare job id (--compare-job-id)", blaming an option never given.
    @Test func aMalformedIdFromTheServiceIsTheServicesFault() async throws {
        try await ClientHarness.with(configure: {
            $0.compareJobs = [FakeCompareJob(id: "../../etc", type: .lines, startTime: "2026-11-02T08:00:00Z")]
        }) { harness in
            let error = await expectClientError(.invalidResponse) {
                _ = try await harness.client().latestFinishedCompareJob(jobID: harness.fake.configuration.jobID, type: .lines)
            }
            #expect(error?.message.contains("DRS listed a lines compare job whose id is not a DRS id") == true, "\(String(describing: error))")
            #expect(error?.message.contains("--compare-job-id") == false)
        }
    }
}

/// Service times read without a service.
@Suite struct ServiceTimeTests {
    @Test func aPlausibleEpochTimeStillCounts() {
        let seconds = ServiceTime(.number(1_793_000_000))
        let milliseconds = ServiceTime(.number(1_793_000_000_000))
        #expect(seconds.date == Date(timeIntervalSince1970: 1_793_000_000))
        #expect(milliseconds.date == seconds.date)
        #expect(ServiceTime(.number(.infinity)).date == nil)
        #expect(ServiceTime(.number(1e300)).isUnreadable)
    }
}
