import DRSFakeService
import Foundation
import TestPacing
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built `drsdiff` binary for the download and fetch tests, against a fake DRS.
enum DownloadCommandRunner {
    struct Result {
        let status: Int32
        /// True when the process was killed by a signal (`status` is then the signal number).
        let killedBySignal: Bool
        let stdout: Data
        let stderr: String
        /// The drsdiff process's own peak resident memory (see ``BinaryRunner/Result``).
        let peakMegabytes: Double

        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Credentials for each kind, as a user would export them, for the fake's secrets.
    static func environment(_ kind: CredentialKind, fake: FakeDRSService) -> [String: String] {
        let configuration = fake.configuration
        switch kind {
        case .accessKey:
            return ["HUAWEICLOUD_SDK_AK": configuration.accessKey.id, "HUAWEICLOUD_SDK_SK": configuration.accessKey.secretKey.value]
        case .token:
            return ["DRSDIFF_AUTH_TOKEN": configuration.givenToken.value]
        case .password:
            return [
                "DRSDIFF_IAM_USER": configuration.login.user, "DRSDIFF_IAM_ACCOUNT": configuration.login.account,
                "DRSDIFF_IAM_PASSWORD": configuration.login.password.value,
            ]
        case .none:
            return [:]
        }
    }

    enum CredentialKind {
        case accessKey, token, password, none
    }

    /// The options that aim the command at `fake`'s job.
    static func serviceArguments(_ fake: FakeDRSService, compareType: String = "objects_comparison") -> [String] {
        var arguments = [
            "--region", fake.configuration.region, "--job-id", fake.configuration.jobID, "--compare-type", compareType,
            "--endpoint", fake.baseURL.absoluteString, "--iam-endpoint", fake.baseURL.absoluteString,
        ]
        if compareType != "objects_comparison" { arguments += ["--compare-job-id", fake.configuration.compareJobID] }
        return arguments
    }

    /// Runs drsdiff with only the given environment (plus PATH, HOME and TMPDIR), stdin from
    /// /dev/null, and hands its output to the secret-leak check.
    /// - Parameter whileRunning: called on another thread once the process started, with its pid.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil, timeout: TimeInterval = 300,
        stdout: BinaryRunner.Output = .captured, whileRunning: (@Sendable (Int32) -> Void)? = nil
    ) async throws -> Result {
        let inherited = ProcessInfo.processInfo.environment
        // Sanitizer settings (CI's leak suppressions, scripts/sanitize.sh) reach the binary too.
        let sanitizerSettings = inherited.filter { ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS"].contains($0.key) }
        let variables = environment.merging(
            ["PATH": inherited["PATH"] ?? "/usr/bin:/bin", "HOME": inherited["HOME"] ?? "/tmp",
             "TMPDIR": inherited["TMPDIR"] ?? NSTemporaryDirectory()].merging(sanitizerSettings) { own, _ in own }) { mine, _ in mine }
        let run = try await BinaryRunner.runOffPool(
            arguments, stdout: stdout, environment: variables, directory: directory?.path, timeout: timeout,
            whileRunning: whileRunning)
        if run.timedOut { throw TimedOut(arguments: arguments) }
        let result = Result(status: run.signal ?? run.status, killedBySignal: run.signal != nil, stdout: Data(run.stdout), stderr: run.stderr,
            peakMegabytes: run.peakMegabytes)
        SecretLeakCheck.record(result.stdoutText)
        SecretLeakCheck.record(result.stderr)
        return result
    }

    struct TimedOut: Error, CustomStringConvertible {
        let arguments: [String]
        var description: String { "drsdiff \(arguments.first ?? "") did not finish in time" }
    }
}

/// A fresh fake DRS and an empty working directory for one command-line test (and one for the
/// test's own input files, such as token files, which are not the command's output).
struct ServiceCommandHarness {
    let fake: FakeDRSService
    let directory: URL
    let inputs: URL

    static func with(
        configure: (inout FakeDRSService.Configuration) -> Void = { _ in },
        _ body: (ServiceCommandHarness) async throws -> Void
    ) async throws {
        var configuration = FakeDRSService.Configuration()
        configure(&configuration)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drsdiff-cli-\(UUID().uuidString)")
        let inputs = directory.appendingPathExtension("inputs")
        for made in [directory, inputs] {
            try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
        }
        let harness = ServiceCommandHarness(fake: try await FakeDRSService.start(configuration), directory: directory, inputs: inputs)
        defer {
            // Whatever the command left on disk is output too: it must not hold a secret.
            SecretLeakCheck.recordFiles(in: directory)
            try? FileManager.default.removeItem(at: directory)
            try? FileManager.default.removeItem(at: inputs)
        }
        do {
            try await body(harness)
        } catch {
            await harness.fake.stop()
            throw error
        }
        await harness.fake.stop()
    }

    var workbook: Data { fake.configuration.workbook }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    var contents: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    func file(_ name: String) -> Data? { FileManager.default.contents(atPath: path(name)) }

    /// Writes an input file (beside the working directory) with the given mode; 0600 is what a
    /// token file must have.
    func writeInput(_ name: String, _ text: String, mode: mode_t = 0o600) throws -> String {
        let path = inputs.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode)
        return path
    }
}

@Suite(.heavy) struct BuiltBinaryTests {
    @Test func theBinaryIsBuilt() throws {
        #expect(FileManager.default.isExecutableFile(atPath: try BinaryRunner.binary()))
    }
}
