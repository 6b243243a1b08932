import Foundation
import TestPacing
import Testing

@Suite struct HeavyTestGateTests {
    /// Records how many bodies run at once.
    actor Meter {
        private(set) var current = 0
        private(set) var highest = 0
        private(set) var finished = 0
        func begin() { current += 1; highest = max(highest, current) }
        func end() { current -= 1; finished += 1 }
    }

    @Test func noMoreThanTheWidthRunAtOnceAndEveryoneGetsAPlace() async {
        let gate = HeavyTestGate(width: 2)
        let meter = Meter()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    await gate.enter()
                    await meter.begin()
                    try? await Task.sleep(for: .milliseconds(5))
                    await meter.end()
                    await gate.leave()
                }
            }
        }
        #expect(await meter.highest <= 2)
        #expect(await meter.finished == 12)
        #expect(await gate.occupied == 0)
    }

    @Test func aWaitingTestGetsThePlaceThatIsLeft() async {
        let gate = HeavyTestGate(width: 1)
        await gate.enter()
        let waiter = Task {
            await gate.enter()
            return true
        }
        // The waiter cannot have entered: the only place is held.
        try? await Task.sleep(for: .milliseconds(20))
        #expect(await gate.occupied == 1)
        await gate.leave()
        #expect(await waiter.value)
        #expect(await gate.occupied == 1)
        await gate.leave()
        #expect(await gate.occupied == 0)
    }

    /// More bodies than the pool has threads, each blocked until all have started: on the
    /// shared pool the last ones would never start; on threads of their own they all do.
    @Test func synchronousWaitsHoldNoThreadOfThePool() async {
        let count = ProcessInfo.processInfo.activeProcessorCount + 2
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<count {
                group.addTask(executorPreference: ThreadPerJobExecutor.shared) {
                    started.signal()
                    release.wait()
                }
            }
            let everyoneStarted = await withCheckedContinuation { continuation in
                Thread.detachNewThread {
                    // 60 s: a hang guard; they start within milliseconds.
                    let all = (0..<count).allSatisfy { _ in started.wait(timeout: .now() + 60) == .success }
                    for _ in 0..<count { release.signal() }
                    continuation.resume(returning: all)
                }
            }
            #expect(everyoneStarted)
        }
    }
}
