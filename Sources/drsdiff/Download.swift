import ArgumentParser
import DRSClient
import Foundation

struct Download: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a comparison result file from DRS, wait for it, and download it (.xlsx).",
        discussion: """
            Credentials come from the environment: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK \
            (+ HUAWEICLOUD_SDK_SECURITY_TOKEN), DRSDIFF_AUTH_TOKEN or --token-file, or \
            DRSDIFF_IAM_USER, DRSDIFF_IAM_ACCOUNT and DRSDIFF_IAM_PASSWORD (asked for at a terminal \
            when missing). The file appears only once complete: a failed or interrupted download \
            leaves nothing behind. See docs/download.md.
            """)

    @OptionGroup(title: "Result file and service")
    var service: ServiceOptions

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Write the .xlsx here, or to stdout with - (default: <job>_<type>[_<compare job>].xlsx).",
            valueName: "path"))
    var output: String?

    func validate() throws {
        if output == "-" && isatty(STDOUT_FILENO) == 1 {
            throw ValidationError("refusing to write a binary .xlsx to a terminal: redirect stdout or use -o PATH")
        }
        var isDirectory: ObjCBool = false
        if let output, FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ValidationError("-o \(output) is a directory: give the file's path")
        }
    }

    func run() throws {
        try reportingServiceFailures {
            guard output == "-" else {
                let path = try output ?? service.resultFile().defaultFileName
                try service.download(to: URL(fileURLWithPath: path))
                return
            }
            // The file is checked whole before one byte reaches stdout, and retries cannot
            // rewind a pipe: so it goes through a private temporary directory first.
            let directory = try ScratchDirectory()
            defer { directory.remove() }
            let file = directory.url.appendingPathComponent(try service.resultFile().defaultFileName)
            try service.download(to: file)
            try copyToStandardOutput(file)
        }
    }

    private func copyToStandardOutput(_ file: URL) throws {
        guard let input = FileHandle(forReadingAtPath: file.path) else {
            throw DRSClientError(.localFile, "cannot read back \(file.path)")
        }
        defer { try? input.close() }
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            do {
                try FileHandle.standardOutput.write(contentsOf: chunk)
            } catch {
                throw DRSClientError(.localFile, "cannot write to standard output: \(error.localizedDescription)")
            }
        }
    }
}

/// A directory only this process uses, removed when done.
struct ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("drsdiff-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(
                at: url, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw DRSClientError(.localFile, "cannot create a temporary directory: \(error.localizedDescription)")
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
