import DRSFakeService
import Foundation
import Testing

@testable import DRSClient

/// The export request starts work on DRS, so it is never repeated blindly: a second one while
/// the first runs is refused (DRS.10000024). These are the ways its answer can go missing.
@Suite(.noSecretsInMessages) struct ExportDeliveryTests {
    @Test func aServerErrorAfterTheExportStartedIsNotRepeated() async throws {
        try await ClientHarness.with(configure: { $0.exportBehaviour = .completesAfterPolls(2) }) { harness in
            await harness.fake.inject(.processed(then: .internalError), on: .export)
            try await harness.fetch(with: try harness.client(), .lines)
            #expect(harness.downloadedFile() == harness.fake.configuration.workbook)
            #expect(await harness.fake.requests(to: .export).count == 1)
        }
    }

    /// A connection closed without an answer (each request on a connection of its own, so that
    /// the drop is seen at once: see ``FakeDRSService/Configuration/closesConnections``).
    @Test func aLostAnswerAfterTheExportStartedIsNotRepeated() async throws {
        try await ClientHarness.with(configure: {
            $0.exportBehaviour = .completesAfterPolls(2)
            $0.closesConnections = true
        }) { harness in
            await harness.fake.inject(.processed(then: .dropConnection), on: .export)
            try await harness.fetch(with: try harness.client())
            #expect(harness.downloadedFile() == harness.fake.configuration.workbook)
            #expect(await harness.fake.requests(to: .export).count == 1)
        }
    }

    /// A connect timeout of 15 s: shorter ones fail the polls too when the whole suite runs at
    /// once on two cores.
    @Test func anAnswerLateBeyondTheConnectTimeoutIsNotRepeated() async throws {
        try await ClientHarness.with(configure: { $0.exportBehaviour = .completesAfterPolls(2) }) { harness in
            await harness.fake.inject(.processed(then: .slowResponse(pause: .seconds(60))), on: .export)
            let client = try harness.client(projectID: harness.fake.configuration.projectID, connectTimeout: .seconds(15))
            try await harness.fetch(with: client)
            #expect(harness.downloadedFile() == harness.fake.configuration.workbook)
            #expect(await harness.fake.requests(to: .export).count == 1)
        }
    }

    @Test func aServerErrorBeforeTheExportStartedIsSentAgain() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.internalError, on: .export)
            try await harness.fetch(with: try harness.client(), .values)
            #expect(harness.downloadedFile() == harness.fake.configuration.workbook)
            #expect(await harness.fake.requests(to: .export).count == 2)
            // Between the two: one status poll, which showed no export running.
            #expect(harness.clock.sleeps.first == .milliseconds(500))
        }
    }

    /// The status lags behind the export that did arrive: the repeated request is refused as
    /// "another operation is running", which is the first export, and it is waited for.
    @Test func anExportRefusedAsRunningAfterARepeatIsWaitedFor() async throws {
        try await ClientHarness.with(configure: { $0.exportBehaviour = .completesAfterPolls(2) }) { harness in
            await harness.fake.inject(.processed(then: .internalError), on: .export)
            await harness.fake.inject(.answer(status: 200, json: #"{"export_status":"INIT"}"#), on: .status)
            try await harness.fetch(with: try harness.client())
            #expect(harness.downloadedFile() == harness.fake.configuration.workbook)
            #expect(await harness.fake.requests(to: .export).count == 2)
        }
    }

    @Test func anExportRefusedAsRunningAtOnceIsTheServicesError() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(
                .error(status: 400, code: "DRS.10000024", message: "Another operation is running."), on: .export)
            let error = await expectClientError(.service) { try await harness.fetch(with: try harness.client()) }
            #expect(error?.response?.errorCode == "DRS.10000024")
            #expect(await harness.fake.requests(to: .export).count == 1)
        }
    }

    @Test func answersLostEveryTimeEndTheRetries() async throws {
        try await ClientHarness.with(configure: { $0.closesConnections = true }) { harness in
            await harness.fake.inject(.dropConnection, on: .export, times: 3)
            let client = try harness.client(projectID: harness.fake.configuration.projectID, maxAttempts: 3)
            let error = await expectClientError(.network) { try await harness.fetch(with: client) }
            #expect(error?.message.contains("no answer came") == true, "\(String(describing: error))")
            #expect(error?.message.contains("gave up after 3 requests") == true)
            #expect(await harness.fake.requests(to: .export).count == 3)
            // Between them, the status polls that found no export running.
            #expect(await harness.fake.requests(to: .status).count >= 2)
        }
    }

    @Test func serverErrorsEveryTimeEndWithTheServicesAnswer() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.internalError, on: .export, times: 2)
            let error = await expectClientError(.service) { try await harness.fetch(with: try harness.client(maxAttempts: 2)) }
            #expect(error?.response?.httpStatus == 500)
            #expect(error?.message.contains("gave up after 2 requests") == true)
        }
    }
}
