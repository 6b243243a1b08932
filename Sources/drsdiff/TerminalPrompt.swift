import DRSClient
import Foundation

/// Asks for missing sign-in details at the terminal: questions on stderr (stdout carries only
/// data), answers from stdin, the password without echo.
enum TerminalPrompt {
    /// A prompt when stdin is a terminal; nil otherwise, so scripts fail instead of hanging.
    static func ifInteractive() -> CredentialPrompt? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        return CredentialPrompt(
            readLine: { label in try ask(label, echo: true) },
            readSecret: { label in try ask(label, echo: false) })
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private static func ask(_ label: String, echo: Bool) throws -> String {
        Console.write("\(label.prefix(1).uppercased() + label.dropFirst()): ")
        guard echo else { return try withoutEcho { try readAnswer() } }
        return try readAnswer()
    }

    private static func readAnswer() throws -> String {
        guard let line = Swift.readLine(strippingNewline: true) else {
            throw Failure(description: "standard input ended")
        }
        return line
    }

    private static func withoutEcho<T>(_ body: () throws -> T) throws -> T {
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else {
            throw Failure(description: "cannot turn off echo on this terminal")
        }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        // Ctrl-C at the prompt must not leave the terminal without echo.
        SignalCleanup.restoreTerminalOnSignal(saved)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            SignalCleanup.forgetTerminal()
            Console.write("\n")
        }
        return try body()
    }
}
