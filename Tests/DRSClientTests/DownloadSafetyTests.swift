import DRSFakeService
import Foundation
import Testing

@testable import DRSClient

#if canImport(Glibc)
    import Glibc
#endif

/// What reaches the disk: nothing larger than the limit, nothing cut short, nothing readable by
/// others while it arrives, nothing replaced unless asked, nothing left behind.
@Suite(.noSecretsInMessages) struct DownloadSafetyTests {
    @Test func aDownloadPastTheLimitIsStoppedAndRemoved() async throws {
        try await ClientHarness.with { harness in
            let error = await expectClientError(.limitExceeded) {
                try await harness.fetch(with: try harness.client(maxDownloadBytes: 100))
            }
            #expect(error?.message.contains("limit of 100 bytes") == true)
            #expect(error?.message.contains("--max-download-bytes") == true)
            #expect(harness.leftovers.isEmpty)
            #expect(await harness.fake.requests(to: .download).count == 1)
        }
    }

    @Test func aFileCutShortIsFetchedAgain() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.truncatedFile, on: .download)
            try await harness.fetch(with: try harness.client())
            #expect(harness.downloadedFile() == harness.fake.configuration.workbook)
            #expect(await harness.fake.requests(to: .download).count == 2)
        }
    }

    @Test func aFileCutShortEveryTimeIsNeverCommitted() async throws {
        try await ClientHarness.with { harness in
            await harness.fake.inject(.truncatedFile, on: .download, times: 3)
            let error = await expectClientError(.network) {
                try await harness.fetch(with: try harness.client(maxAttempts: 3))
            }
            #expect(error?.message.contains("cut short") == true, "\(String(describing: error))")
            #expect(error?.message.contains("end-of-central-directory") == true)
            #expect(harness.leftovers.isEmpty)
        }
    }

    /// On the system clock, the limit is met in real time, by the transport, while the body
    /// trickles: without it, the harness's 60 s read timeout would end the 100 s pause as a
    /// network error instead (no timing is asserted: a loaded machine stretches any).
    @Test func theTimeLimitStopsATricklingDownload() async throws {
        try await ClientHarness.with(configure: { $0.alreadyExported = true }) { harness in
            await harness.fake.inject(.slowBody(pause: .seconds(100)), on: .download)
            let client = try harness.client(projectID: harness.fake.configuration.projectID, timeLimit: .seconds(3), clock: .system)
            let error = await expectClientError(.deadlineExceeded) {
                try await client.downloadResultFile(try harness.file(), to: harness.destination)
            }
            #expect(error?.message.contains("could not download the result file") == true, "\(String(describing: error))")
            #expect(error?.message.contains("time limit of 3 s") == true)
            #expect(error?.message.contains("--deadline") == true)
            #expect(harness.leftovers.isEmpty)
        }
    }

    @Test func theTimeLimitEndsTheWait() async throws {
        try await ClientHarness.with(configure: { $0.exportBehaviour = .staysExporting }) { harness in
            let error = await expectClientError(.deadlineExceeded) {
                try await harness.fetch(with: try harness.client(timeLimit: .seconds(20)), waitTimeout: .seconds(600))
            }
            #expect(error?.message.contains("time limit of 20 s") == true)
            #expect(harness.clock.sleeps.reduce(.zero, +) <= .seconds(20))
        }
    }

    /// Retries inside a poll, and the Retry-After they honour, do not stretch the wait.
    @Test func theWaitTimeoutIsAHardLimit() async throws {
        try await ClientHarness.with(configure: { $0.exportBehaviour = .staysExporting }) { harness in
            await harness.fake.inject(.throttled(retryAfter: "100"), on: .status, times: 20)
            let error = await expectClientError(.exportTimedOut) {
                try await harness.fetch(with: try harness.client(), waitTimeout: .seconds(30))
            }
            #expect(error?.message.contains("did not finish within 30 s") == true)
            #expect(harness.clock.sleeps.reduce(.zero, +) <= .seconds(30))
        }
    }

    @Test func theFileIsPrivateWhileItArrivesThenGetsTheUsualMode() async throws {
        try await ClientHarness.with(configure: { $0.alreadyExported = true }) { harness in
            let directory = harness.directory
            let modes = Recorded<mode_t>()
            try await harness.client().downloadResultFile(try harness.file(), to: harness.destination) { _ in
                for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] {
                    modes.append(Self.mode(directory.appendingPathComponent(name).path) ?? 0)
                }
            }
            #expect(!modes.values.isEmpty)
            #expect(modes.values.allSatisfy { $0 == 0o600 })
            #expect(Self.mode(harness.destination.path) == 0o666 & ~Self.umaskNow())
        }
    }

    @Test func aReplacedFileKeepsItsMode() async throws {
        try await ClientHarness.with(configure: { $0.alreadyExported = true }) { harness in
            try Data("old".utf8).write(to: harness.destination)
            chmod(harness.destination.path, 0o640)
            try await harness.client().downloadResultFile(try harness.file(), to: harness.destination, replacing: true)
            #expect(harness.downloadedFile() == harness.fake.configuration.workbook)
            #expect(Self.mode(harness.destination.path) == 0o640)
        }
    }

    /// Before: the mode was read with `stat` and kept with 0o7777, so a report replacing a
    /// setuid or setgid file became one.
    @Test(arguments: [0o4755, 0o2750, 0o6777, 0o1644])
    func aReplacedFileNeverKeepsSpecialBits(mode: Int) async throws {
        try await ClientHarness.with(configure: { $0.alreadyExported = true }) { harness in
            try Data("old".utf8).write(to: harness.destination)
            chmod(harness.destination.path, mode_t(mode))
            try await harness.client().downloadResultFile(try harness.file(), to: harness.destination, replacing: true)
            #expect(harness.downloadedFile() == harness.fake.configuration.workbook)
            #expect(Self.mode(harness.destination.path) == mode_t(mode) & 0o777)
        }
    }

    /// A symlink is replaced by the new file, which gets the usual mode, not its target's.
    @Test func aReplacedSymlinkTakesNothingFromItsTarget() async throws {
        try await ClientHarness.with(configure: { $0.alreadyExported = true }) { harness in
            let target = harness.directory.appendingPathComponent("elsewhere.bin")
            try Data("target".utf8).write(to: target)
            chmod(target.path, 0o4751)
            #expect(symlink(target.path, harness.destination.path) == 0)
            try await harness.client().downloadResultFile(try harness.file(), to: harness.destination, replacing: true)
            var info = stat()
            #expect(lstat(harness.destination.path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG)
            #expect(Self.mode(harness.destination.path) == 0o666 & ~Self.umaskNow())
            #expect(FileManager.default.contents(atPath: target.path) == Data("target".utf8))
            #expect(Self.mode(target.path) == 0o4751)
        }
    }

    /// A body that never ends stops at the limit, leaves nothing, and is asked for once (the
    /// memory this takes is measured on the command, in DownloadSafetyCommandTests).
    @Test func anEndlessBodyStopsAtTheLimit() async throws {
        try await ClientHarness.with(configure: { $0.alreadyExported = true }) { harness in
            await harness.fake.inject(.endlessBody, on: .download)
            let received = Recorded<Int64>()
            let client = try harness.client(maxDownloadBytes: 5_000_000)
            let error = await expectClientError(.limitExceeded) {
                try await client.downloadResultFile(try harness.file(), to: harness.destination) { received.append($0) }
            }
            #expect(error?.message.contains("limit of 5000000 bytes") == true)
            #expect((received.values.last ?? 0) <= 5_000_000)
            #expect(harness.leftovers.isEmpty)
            #expect(await harness.fake.requests(to: .download).count == 1)
        }
    }

    @Test func anExistingFileIsNotReplacedUnlessAsked() async throws {
        try await ClientHarness.with(configure: { $0.alreadyExported = true }) { harness in
            try Data("old".utf8).write(to: harness.destination)
            let error = await expectClientError(.localFile) {
                try await harness.client().downloadResultFile(try harness.file(), to: harness.destination)
            }
            #expect(error?.message.contains("exists and was not replaced") == true)
            #expect(error?.message.contains("--force") == true)
            #expect(harness.downloadedFile() == Data("old".utf8))
            #expect(await harness.fake.requests(to: .download).isEmpty)
        }
    }

    @Test func aFileAppearingDuringTheDownloadIsNotReplaced() async throws {
        try await ClientHarness.with(configure: { $0.alreadyExported = true }) { harness in
            let destination = harness.destination
            _ = await expectClientError(.localFile) {
                try await harness.client().downloadResultFile(try harness.file(), to: destination) { _ in
                    if !FileManager.default.fileExists(atPath: destination.path) {
                        try? Data("someone else's".utf8).write(to: destination)
                    }
                }
            }
            #expect(harness.downloadedFile() == Data("someone else's".utf8))
            #expect(harness.leftovers == ["report.xlsx"])
        }
    }

    @Test func temporaryFilesAreAnnouncedBeforeTheyExistAndUntilTheyAreGone() async throws {
        try await ClientHarness.with(configure: { $0.alreadyExported = true }) { harness in
            await harness.fake.inject(.truncatedBody, on: .download, times: 2)
            let events = Recorded<String>()
            let hooks = TemporaryFileHooks(
                willCreate: { path in
                    events.append("create \(URL(fileURLWithPath: path).lastPathComponent) exists=\(FileManager.default.fileExists(atPath: path))")
                },
                didRemove: { path in
                    events.append("remove \(URL(fileURLWithPath: path).lastPathComponent) exists=\(FileManager.default.fileExists(atPath: path))")
                })
            let client = try harness.client(maxAttempts: 2)
            _ = await expectClientError(.network) {
                try await client.downloadResultFile(try harness.file(), to: harness.destination, temporaryFiles: hooks)
            }
            try await client.downloadResultFile(try harness.file(), to: harness.destination, temporaryFiles: hooks)
            let names = events.values
            #expect(names.count == 4)
            for (index, event) in names.enumerated() {
                let parts = event.split(separator: " ")
                #expect(parts[0] == (index % 2 == 0 ? "create" : "remove"))
                #expect(parts[1].hasPrefix(".report.xlsx.drsdiff-tmp-") && parts[1].count == ".report.xlsx.drsdiff-tmp-".count + 6)
                #expect(parts[2] == "exists=false")
            }
            #expect(harness.leftovers == ["report.xlsx"])
        }
    }

    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
    }

    static func umaskNow() -> mode_t {
        let current = umask(0o022)
        umask(current)
        return current
    }
}

final class Recorded<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Value] = []

    func append(_ value: Value) { lock.withLock { recorded.append(value) } }
    var values: [Value] { lock.withLock { recorded } }
}
