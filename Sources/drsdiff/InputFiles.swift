import ArgumentParser
import Foundation
import XLSXReader
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The reports a multi-file command (`summary`, `check`, `diff`) was given. `-` is standard input:
/// a workbook when it starts like one (a ZIP, a legacy .xls, any binary, or `<` as HTML and XML
/// do, so the reader can say what it is), else a list of paths, one per line (blank lines skipped).
/// A directory, where the command takes one (`summary`, `check`), stands for its .xlsx reports.
struct InputFiles {
    var paths: [String]
    /// Whether some paths came from a list on standard input: outputs then take their several-files form.
    var fromList = false
    /// Standard input, when `-` is a workbook.
    var standardInput: StandardInput?

    /// `expandingDirectories`: a directory becomes its .xlsx reports (``reports(in:)``), and the
    /// output takes its several-files form. `diff` pairs two directories itself, so it passes false.
    static func expand(_ arguments: [String], expandingDirectories: Bool = false) throws -> InputFiles {
        var files = InputFiles(paths: [])
        for argument in arguments {
            if expandingDirectories, argument != "-", isDirectory(argument) {
                let names = try reports(in: argument)
                if names.isEmpty { throw ValidationError("no .xlsx reports in \(argument)") }
                files.paths += names.map { join(argument, $0) }
                files.fromList = true
                continue
            }
            guard argument == "-" else {
                files.paths.append(argument)
                continue
            }
            guard files.standardInput == nil, !files.fromList else {
                throw ValidationError("- (standard input) can be given once")
            }
            let input = StandardInput()
            if let list = try input.pathList() {
                files.paths += list
                files.fromList = true
            } else {
                files.paths.append("-")
                files.standardInput = input
            }
        }
        return files
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The names of a directory's reports: its .xlsx files (any case), not hidden ones (`._x.xlsx`
    /// from macOS, `.~lock` files), sorted by name. The one listing `summary`, `check` and `diff` share.
    static func reports(in directory: String) throws -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            Console.error("\(directory): cannot list the directory: \((error as NSError).localizedDescription)")
            throw ExitCode(Exit.fileNotReadable)
        }
        return names.filter { $0.lowercased().hasSuffix(".xlsx") && !$0.hasPrefix(".") && !isDirectory(join(directory, $0)) }.sorted()
    }

    static func join(_ directory: String, _ name: String) -> String {
        (directory.hasSuffix("/") ? directory : directory + "/") + name
    }
}

/// Standard input, read once: its first bytes decide whether it is a workbook or a list of
/// paths; a workbook is then spooled with those bytes in front (see ``openWorkbook``).
final class StandardInput {
    /// What was read to decide (all of it, for a list).
    private(set) var head: [UInt8] = []
    /// Standard input is a regular file: read it in place, the bytes peeked at did not move it.
    private(set) var isRegularFile = false

    /// The paths listed on standard input, or nil when it holds a workbook.
    func pathList() throws -> [String]? {
        var info = stat()
        isRegularFile = fstat(STDIN_FILENO, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        head = readBytes(limit: 64 << 10, at: isRegularFile ? 0 : nil)
        guard StandardInput.isText(head) else { return nil }
        var text = head
        if !isRegularFile {
            text += readBytes(limit: .max, at: nil)
        } else {
            text = readBytes(limit: .max, at: 0)
        }
        guard StandardInput.isText(text), let list = String(validating: text, as: UTF8.self) else { return nil }
        return list.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            .map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// Up to `limit` bytes, from `offset` without moving the file position (a regular file), or
    /// consumed from the stream.
    private func readBytes(limit: Int, at offset: off_t?) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var position = offset ?? 0
        while bytes.count < limit {
            let wanted = min(chunk.count, limit - bytes.count)
            let count = chunk.withUnsafeMutableBytes { buffer in
                offset == nil ? read(STDIN_FILENO, buffer.baseAddress, wanted) : pread(STDIN_FILENO, buffer.baseAddress, wanted, position)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[0..<count]
            position += off_t(count)
        }
        return bytes
    }

    /// Text a list of paths can be: not empty, no NUL, not starting like a ZIP, an OLE2 file
    /// (.xls) or markup.
    private static func isText(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }) else { return false }
        if bytes.starts(with: [0x50, 0x4B]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) || first == UInt8(ascii: "<") { return false }
        return !bytes.contains(0)
    }
}
