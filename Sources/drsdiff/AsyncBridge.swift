import Dispatch
import Foundation

/// Runs async work from a synchronous command (the root command is synchronous) and waits for
/// it. Signals need nothing here: ``SignalCleanup`` removes the temporary files and ends the
/// process, whatever the work was doing.
func runAsync<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let outcome = Outcome<T>()
    let finished = DispatchSemaphore(value: 0)
    Task {
        do {
            outcome.set(.success(try await work()))
        } catch {
            outcome.set(.failure(error))
        }
        finished.signal()
    }
    finished.wait()
    return try outcome.value!.get()
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
