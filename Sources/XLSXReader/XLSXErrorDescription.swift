// Only the protocol, from the smallest Foundation module that has it: the reader itself uses none of Foundation.
#if canImport(FoundationEssentials)
import protocol FoundationEssentials.LocalizedError
#else
import protocol Foundation.LocalizedError
#endif

/// `error.localizedDescription` is the sentence the CLI prints after `drsdiff: error: `: file,
/// part, place, what went wrong and what to do (``XLSXError/description``), not Foundation's
/// "The operation could not be completed".
extension XLSXError: LocalizedError {
    public var errorDescription: String? { description }
}
