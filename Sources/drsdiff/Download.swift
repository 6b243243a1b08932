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
            leaves nothing behind. An existing file is replaced only with --force. See docs/download.md.
            """)

    @OptionGroup(title: "Service and job")
    var service: ServiceOptions

    @Option(help: ArgumentHelp("The comparison whose result file to get.", valueName: "type"))
    var compareType: CompareType

    @OptionGroup(title: "Result file")
    var result: ResultFileOptions

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Write the .xlsx here, or to stdout with - (default: <job>_<type>[_<compare job>].xlsx).",
            valueName: "path"))
    var output: String?

    @Flag(help: "Replace the output file if it exists (without it, an existing file is never replaced).")
    var force = false

    func validate() throws {
        try result.validate(for: compareType)
        if output == "-" && isatty(STDOUT_FILENO) == 1 {
            throw ValidationError("refusing to write a binary .xlsx to a terminal: redirect stdout or use -o PATH")
        }
        var isDirectory: ObjCBool = false
        if let output, FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ValidationError("-o \(output) is a directory: give the file's path")
        }
        // With --latest the default name is known only once the compare job is; run() checks it then.
        if output != "-", !force, !result.latest, let path = try? outputPath(service.jobId, result.compareJobId), fileExists(path) {
            throw ValidationError("\(path) exists: use --force to replace it")
        }
    }

    /// Where the file goes: `-o`, else the result file's own name in the current directory.
    private func outputPath(_ jobID: String, _ compareJobID: String?) throws(DRSClientError) -> String {
        if let output { return output }
        return try CompareResultFile(jobID: jobID, compareType: compareType, compareJobID: compareJobID).defaultFileName
    }

    func run() throws {
        try reportingServiceFailures {
            let session = try ServiceSession(service, result)
            let compareType = compareType
            guard output == "-" else {
                let output = output, force = force
                try runAsync {
                    let file = try await session.resolveFile(compareType)
                    let path = output ?? file.defaultFileName
                    if !force && fileExists(path) {
                        throw DRSClientError(.configuration, "\(path) exists: use --force to replace it")
                    }
                    try await session.download(file, to: URL(fileURLWithPath: path), replacing: force)
                }
                return
            }
            // The file is checked whole before one byte reaches stdout, and retries cannot
            // rewind a pipe: so it goes through a private temporary directory first.
            let directory = try ScratchDirectory()
            defer { directory.remove() }
            let copy = try runAsync {
                let file = try await session.resolveFile(compareType)
                let copy = directory.file(named: file.defaultFileName)
                try await session.download(file, to: copy, replacing: false)
                return copy
            }
            try copyToStandardOutput(copy)
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

/// Whether anything (a file, a directory, a dangling symbolic link) has this name.
func fileExists(_ path: String) -> Bool {
    (try? FileManager.default.attributesOfItem(atPath: path)) != nil
}
