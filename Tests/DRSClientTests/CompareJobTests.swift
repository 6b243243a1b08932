import DRSFakeService
import Foundation
import Testing

@_spi(Fuzzing) @testable import DRSClient

/// Finding compare jobs: the list (object comparison and every page of the others), the newest
/// finished one of a type, and the export status of one listed past the first page.
@Suite(.noSecretsInMessages) struct CompareJobTests {
    @Test func aJobsCompareJobsAreItsObjectComparisonThenTheOthers() async throws {
        try await ClientHarness.with { harness in
            let jobs = try await harness.client().compareJobs(jobID: harness.fake.configuration.jobID)
            SecretLeakCheck.record("\(jobs)")
            #expect(jobs.map(\.compareType) == [.objects, .lines, .lines])
            #expect(jobs.map(\.id) == ["0bject-c0mpare-1", "another-compare-job", harness.fake.configuration.compareJobID])
            #expect(jobs.allSatisfy { $0.status == .successful })
            #expect(jobs[2].finishedAt?.description == "2026-11-02T01:30:00Z")
            #expect(jobs[2].exportStatus == .initial)
        }
    }

    @Test func moreThanAThousandCompareJobsAreReadPageByPage() async throws {
        try await ClientHarness.with(configure: { $0.compareJobs = FakeCompareJob.many(2500) }) { harness in
            let client = try harness.client()
            let jobs = try await client.compareJobs(jobID: harness.fake.configuration.jobID)
            #expect(jobs.count == 2501)
            #expect(Set(jobs.map(\.id)).count == 2501)
            let pages = await harness.fake.requests(to: .status).filter { $0.path.hasSuffix("/table/compare") }
            #expect(pages.map { $0.query["offset"] } == ["0", "1000", "2000"])
            #expect(pages.allSatisfy { $0.query["limit"] == "1000" })
            let latest = try await client.latestFinishedCompareJob(jobID: harness.fake.configuration.jobID, type: .lines)
            SecretLeakCheck.record("\(latest)")
            #expect(latest.id == "cmp-2499")
        }
    }

    @Test func theNewestFinishedOneIsChosenNotTheLastListed() async throws {
        try await ClientHarness.with(configure: {
            $0.compareJobs = [
                FakeCompareJob(id: "new-but-running", type: .values, status: "RUNNING", startTime: "2026-11-05T00:00:00Z"),
                FakeCompareJob(id: "newest", type: .values, startTime: "2026-11-03 08:00:00", endTime: "2026-11-03 09:00:00"),
                FakeCompareJob(id: "failed", type: .values, status: "FAILED", startTime: "2026-11-04T00:00:00Z"),
                FakeCompareJob(id: "older", type: .values, startTime: "2026-11-01T08:00:00Z", endTime: "2026-11-01T09:00:00Z"),
                FakeCompareJob(id: "rows", type: .lines, startTime: "2026-11-06T08:00:00Z", endTime: "2026-11-06T09:00:00Z"),
            ]
        }) { harness in
            let client = try harness.client()
            let jobID = harness.fake.configuration.jobID
            let values = try await client.latestFinishedCompareJob(jobID: jobID, type: .values)
            #expect(values.id == "newest")
            // Data repair works from the newest finished value comparison.
            #expect(try await client.latestFinishedCompareJob(jobID: jobID, type: .repair).id == "newest")
            #expect(try await client.latestFinishedCompareJob(jobID: jobID, type: .lines).id == "rows")
            #expect(try await client.latestFinishedCompareJob(jobID: jobID, type: .objects).id == "0bject-c0mpare-1")
            SecretLeakCheck.record("\(values)")
        }
    }

    @Test func noCompareJobOfTheTypeIsAClearError() async throws {
        try await ClientHarness.with(configure: {
            $0.compareJobs = []
            $0.objectComparison = nil
        }) { harness in
            let client = try harness.client()
            let jobID = harness.fake.configuration.jobID
            #expect(try await client.compareJobs(jobID: jobID).isEmpty)
            let error = await expectClientError(.noComparison) { _ = try await client.latestFinishedCompareJob(jobID: jobID, type: .sampling) }
            #expect(error?.message == "job \(jobID) has no random comparison")
            let objects = await expectClientError(.noComparison) { _ = try await client.latestFinishedCompareJob(jobID: jobID, type: .objects) }
            #expect(objects?.message == "job \(jobID) has no objects_comparison comparison")
        }
    }

    @Test func noFinishedComparisonSaysWhatThereIs() async throws {
        try await ClientHarness.with(configure: {
            $0.compareJobs = [
                FakeCompareJob(id: "a", type: .lines, status: "RUNNING"), FakeCompareJob(id: "b", type: .lines, status: "FAILED"),
                FakeCompareJob(id: "c", type: .lines, status: "RUNNING"),
            ]
        }) { harness in
            let jobID = harness.fake.configuration.jobID
            let error = await expectClientError(.noComparison) {
                _ = try await harness.client().latestFinishedCompareJob(jobID: jobID, type: .lines)
            }
            #expect(error?.message == "job \(jobID) has no finished lines comparison: its 3 compare job(s) of that type are 1 FAILED, 2 RUNNING")
        }
    }

    /// The export status of a compare job listed on a later page is found there.
    @Test func aCompareJobPastTheFirstPageIsExportedAndDownloaded() async throws {
        try await ClientHarness.with(configure: { $0.compareJobs = FakeCompareJob.many(2500) }) { harness in
            let client = try harness.client()
            let file = try CompareResultFile(jobID: harness.fake.configuration.jobID, compareType: .lines, compareJobID: "cmp-1500")
            try await client.exportResultFile(file)
            try await client.waitForExport(of: file, timeout: .seconds(60))
            try await client.downloadResultFile(file, to: harness.destination)
            #expect(harness.downloadedFile() == harness.fake.configuration.workbook)
        }
    }
}
