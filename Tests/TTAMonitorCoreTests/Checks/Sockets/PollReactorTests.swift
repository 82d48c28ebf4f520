import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct PollReactorTests {
    /// A pipe whose read end becomes readable when a byte is written.
    final class Pipe: @unchecked Sendable {
        let readEnd: Int32
        let writeEnd: Int32
        init() {
            var ends: [Int32] = [-1, -1]
            precondition(pipe(&ends) == 0)
            (readEnd, writeEnd) = (ends[0], ends[1])
        }
        func poke() { var byte: UInt8 = 1; _ = write(writeEnd, &byte, 1) }
        deinit { close(readEnd); close(writeEnd) }
    }

    @Test func resumesWhenTheDescriptorBecomesReadable() async throws {
        let pipe = Pipe()
        let start = ContinuousClock.now
        async let waited: Void = PollReactor.shared.wait(
            until: .readable, on: pipe.readEnd, deadline: .now + .seconds(5))
        try await Task.sleep(for: .milliseconds(50))
        pipe.poke()
        try await waited
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test func throwsAtTheDeadline() async {
        let pipe = Pipe()
        let start = ContinuousClock.now
        await #expect(throws: PollReactor.WaitError.deadlinePassed) {
            try await PollReactor.shared.wait(until: .readable, on: pipe.readEnd, deadline: .now + .milliseconds(100))
        }
        let elapsed = ContinuousClock.now - start
        #expect(elapsed >= .milliseconds(100))
        // Generous upper bound: CI has 2 cores shared with parallel suites; a broken timeout hangs for good.
        #expect(elapsed < .milliseconds(1_500))
    }

    @Test func cancellationResumesTheWaiterAtOnce() async {
        let pipe = Pipe()
        let start = ContinuousClock.now
        let task = Task {
            try await PollReactor.shared.wait(until: .readable, on: pipe.readEnd, deadline: .now + .seconds(10))
        }
        try? await Task.sleep(for: .milliseconds(50))
        task.cancel()
        let result = await task.result
        #expect(throws: PollReactor.WaitError.cancelled) { try result.get() }
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test func anAlreadyCancelledTaskDoesNotWait() async {
        let pipe = Pipe()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await PollReactor.shared.wait(until: .readable, on: pipe.readEnd, deadline: .now + .seconds(10))
        }
        let result = await task.result
        #expect(throws: PollReactor.WaitError.cancelled) { try result.get() }
    }

    /// A long wait must not hold back a shorter one: each ends at its own deadline, and
    /// the shortest well before the longest.
    @Test func eachWaiterEndsAtItsOwnDeadline() async {
        let pipe = Pipe()
        let budgets = [50, 3_000, 150, 250, 100].map { Duration.milliseconds($0) }
        let start = ContinuousClock.now
        let ended = await withTaskGroup(of: (Duration, Duration).self) { group in
            for budget in budgets {
                group.addTask {
                    _ = try? await PollReactor.shared.wait(until: .readable, on: pipe.readEnd, deadline: start + budget)
                    return (budget, ContinuousClock.now - start)
                }
            }
            return await group.reduce(into: [Duration: Duration]()) { $0[$1.0] = $1.1 }
        }
        #expect(ended.allSatisfy { budget, elapsed in elapsed >= budget }, "\(ended)")
        // Bounds leave room for a loaded 2-core CI machine; a waiter held back by the long
        // one would end at 3 s.
        #expect(ended[.milliseconds(50)]! < .milliseconds(2_000), "\(ended)")
        #expect(ended[.milliseconds(50)]! < ended[.milliseconds(3_000)]!, "\(ended)")
        #expect(ended[.milliseconds(3_000)]! < .milliseconds(5_000), "\(ended)")
    }

    @Test func pollTimeoutRoundsUpAndWaitsForeverWithoutWaiters() {
        #expect(PollReactor.timeoutMilliseconds(until: nil) == -1)
        #expect(PollReactor.timeoutMilliseconds(until: .now - .seconds(1)) == 0)
        let soon = PollReactor.timeoutMilliseconds(until: .now + .microseconds(300))
        #expect(soon == 1)
    }
}
