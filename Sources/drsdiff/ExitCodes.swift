import ArgumentParser

/// Every exit status drsdiff uses, in one place: scripts branch on these, so they never change meaning.
///
/// 0–2 are verdicts (`check`), 3–19 unreadable input, 20–29 the DRS service, 64 usage, 74 output.
enum Exit {
    static let success: Int32 = 0
    /// `check`: the report shows inconsistencies.
    static let inconsistent: Int32 = 1
    /// `check`: some comparisons are incomplete or failed.
    static let incomplete: Int32 = 2

    static let fileNotReadable: Int32 = 3
    static let notAZip: Int32 = 10
    static let encryptedOrLegacy: Int32 = 11
    static let xlsb: Int32 = 12
    static let corruptArchive: Int32 = 13
    /// A safety limit: the reader's (zip bomb, entries…) or the download's size (`--max-download-bytes`).
    static let limitExceeded: Int32 = 14
    static let malformedPackage: Int32 = 15
    static let unknownSheet: Int32 = 16
    static let unsafeXML: Int32 = 17

    static let network: Int32 = 20
    static let authentication: Int32 = 21
    static let serviceError: Int32 = 22
    static let exportFailed: Int32 = 23
    /// The export did not finish within `--wait-timeout`, or the command within `--deadline`.
    static let timedOut: Int32 = 24
    static let invalidResponse: Int32 = 25
    /// `--latest`, `fetch --all`: the job has no compare job of the type, or none finished.
    static let noComparison: Int32 = 26

    static let usage: Int32 = 64
    static let outputFailed: Int32 = 74
}
