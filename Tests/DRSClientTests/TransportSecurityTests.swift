import DRSFakeService
import Foundation
import Testing

@testable import DRSClient

/// Redirects as the transport follows them, and what the service says as a person reads it:
/// no credential where it does not belong, no escape sequence on the terminal.
@Suite(.noSecretsInMessages) struct TransportSecurityTests {
    func downloadURL(_ harness: ClientHarness) -> URL {
        let configuration = harness.fake.configuration
        return URL(string: "\(harness.fake.baseURL.absoluteString)/v3/\(configuration.projectID)/jobs/\(configuration.jobID)/compare/result/file?compare_type=objects_comparison")!
    }

    @Test func fiveRedirectsAreFollowed() async throws {
        try await ClientHarness.with(configure: { $0.alreadyExported = true }) { harness in
            await harness.fake.inject(.redirect(to: downloadURL(harness)), on: .download, times: 5)
            try await harness.client().downloadResultFile(try harness.file(), to: harness.destination)
            #expect(harness.downloadedFile() == harness.fake.configuration.workbook)
            #expect(await harness.fake.requests(to: .download).count == 6)
        }
    }

    @Test func aSixthRedirectIsRefused() async throws {
        try await ClientHarness.with(configure: { $0.alreadyExported = true }) { harness in
            await harness.fake.inject(.redirect(to: downloadURL(harness)), on: .download, times: 6)
            let error = await expectClientError(.invalidResponse) {
                try await harness.client().downloadResultFile(try harness.file(), to: harness.destination)
            }
            #expect(error?.message.contains("redirected more than 5 times") == true)
            #expect(await harness.fake.requests(to: .download).count == 6)
            #expect(harness.leftovers.isEmpty)
        }
    }

    @Test func aRedirectToPlainHTTPElsewhereIsRefusedBeforeConnecting() async throws {
        try await ClientHarness.with(configure: { $0.alreadyExported = true }) { harness in
            // TEST-NET-1: nothing answers there, so a connection attempt would end as a network
            // failure, not as the refused redirect (an invalid response).
            await harness.fake.inject(.redirect(to: URL(string: "http://192.0.2.1/report.xlsx")!), on: .download)
            let client = try harness.client(connectTimeout: .seconds(60))
            let error = await expectClientError(.invalidResponse) {
                try await client.downloadResultFile(try harness.file(), to: harness.destination)
            }
            #expect(error?.message.contains("plain http (http://192.0.2.1)") == true)
            #expect(error?.message.contains("--allow-insecure-http") == true)
        }
    }

    @Test func aTokenIssuedByIAMIsRedactedWhenEchoed() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.echoCredentials, on: .export)
            let error = await expectClientError(.service) { try await harness.fetch(with: try harness.client(.password)) }
            let issued = await harness.fake.secrets().filter { $0.hasPrefix("fake-issued-token-") }
            #expect(issued.count == 1)
            #expect(error?.response?.errorMessage == "Invalid request with <redacted>")
        }
    }

    @Test func escapeSequencesFromTheServiceNeverReachTheTerminal() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(
                .error(
                    status: 400, code: "DRS.\u{1B}[2J10000010", message: "\u{1B}]0;owned\u{07}Task\r\nnot found\u{202E}txt.exe",
                    headers: ["X-Request-Id": "req\u{1B}[31m-1"]),
                on: .export)
            let error = await expectClientError(.service) { try await harness.fetch(with: try harness.client()) }
            let text = error?.description ?? ""
            #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format })
            #expect(text.contains("DRS.\u{FFFD}[2J10000010"))
            #expect(text.contains("Task\u{FFFD}not found"))  // CR LF is one character
            #expect(text.contains("X-Request-Id req\u{FFFD}[31m-1"))
        }
    }

    @Test func anExportStatusWithEscapesIsShownSafely() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.answer(status: 200, json: #"{"export_status":"EXP\u001b[2JORTING"}"#), on: .status, times: 50)
            let error = await expectClientError(.exportTimedOut) {
                try await harness.fetch(with: try harness.client(), waitTimeout: .seconds(10))
            }
            #expect(error?.message.contains("last export status: EXP\u{FFFD}[2JORTING") == true)
        }
    }
}
