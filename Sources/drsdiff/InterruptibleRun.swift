import Dispatch
import Foundation

/// Runs async work from a synchronous command (the root command is synchronous) and turns
/// Ctrl-C or SIGTERM into task cancellation, so a download in flight removes its temporary
/// file before the process ends the way an interrupted process should (killed by the signal).
enum InterruptibleRun {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Outcome<T>()
        let finished = DispatchSemaphore(value: 0)
        let task = Task {
            do {
                outcome.set(.success(try await work()))
            } catch {
                outcome.set(.failure(error))
            }
            finished.signal()
        }
        let received = Outcome<Int32>()
        let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                received.set(.success(number))
                task.cancel()
            }
            source.resume()
            return source
        }
        finished.wait()
        for source in sources { source.cancel() }
        if case .success(let number)? = received.value {
            dieBySignal(number)
        }
        for number in [SIGINT, SIGTERM] { signal(number, SIG_DFL) }
        return try outcome.value!.get()
    }
}

/// Ends the process the way the signal would have, so the shell sees an interrupted command.
private func dieBySignal(_ number: Int32) -> Never {
    signal(number, SIG_DFL)
    // A parent may have started us with the signal blocked; it must get through now.
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, number)
    sigprocmask(SIG_UNBLOCK, &set, nil)
    raise(number)
    exit(128 + number)
}

/// A value handed from one thread to another.
private final class Outcome<T: Sendable>: @unchecked Sendable {
    // @unchecked: the value is only read and written under `lock`.
    private let lock = NSLock()
    private var stored: Result<T, any Error>?

    func set(_ result: Result<T, any Error>) {
        lock.withLock { stored = result }
    }

    var value: Result<T, any Error>? { lock.withLock { stored } }
}
