import Foundation

/// How hard the reliability suite pushes. CI runs the short variants; the long ones (the
/// figures in CONTRIBUTING.md) run with `TTA_RELIABILITY_LONG=1 scripts/test.sh --filter` and the
/// suite names (see CONTRIBUTING.md, "Reliability suite").
enum ReliabilityMode {
    static var isLong: Bool { ProcessInfo.processInfo.environment["TTA_RELIABILITY_LONG"] == "1" }
    /// Seconds the concurrency scenario runs.
    static var concurrencySeconds: Double { isLong ? 60 : 8 }
    /// `kill -9`s per crash scenario.
    static var crashes: Int { isLong ? 100 : 12 }
}

/// Runs the built binary over and over on a thread of its own until a deadline, counting
/// what each invocation reported; for processes that must overlap for real.
final class BinaryLoop: @unchecked Sendable {
    struct Tally: Sendable {
        var runs = 0
        var exitCodes: [Int32: Int] = [:]
        var lockedErrors = 0
        /// The longest one invocation took (s): for `check`, the worst a writer waited in all.
        var longestSeconds = 0.0
        var stderrSamples: [String] = []
    }

    private let lock = NSLock()
    private var tally = Tally()
    private let done = DispatchSemaphore(value: 0)

    /// Starts looping `arguments` in `directory` until `deadline`, pausing `pause` between runs.
    init(_ arguments: [String], in directory: String, until deadline: Date, pause: TimeInterval = 0,
         environment: [String: String] = [:]) {
        Thread.detachNewThread { [self] in
            while Date() < deadline {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: BinaryRunner.binaryPath)
                process.arguments = arguments
                process.currentDirectoryURL = URL(fileURLWithPath: directory)
                process.environment = BinaryEnvironment.clean(home: directory, environment)
                let errorPipe = Pipe()
                process.standardOutput = FileHandle.nullDevice
                process.standardError = errorPipe
                process.standardInput = FileHandle.nullDevice
                let started = Date()
                do { try process.run() } catch { break }
                let errorText = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                let seconds = Date().timeIntervalSince(started)
                lock.withLock {
                    tally.runs += 1
                    tally.longestSeconds = max(tally.longestSeconds, seconds)
                    tally.exitCodes[process.terminationStatus, default: 0] += 1
                    if errorText.lowercased().contains("locked") || errorText.lowercased().contains("busy") { tally.lockedErrors += 1 }
                    if ![0, 1, 2, 3].contains(process.terminationStatus), tally.stderrSamples.count < 5 {
                        tally.stderrSamples.append("exit \(process.terminationStatus): \(errorText)")
                    }
                }
                if pause > 0 { Thread.sleep(forTimeInterval: pause) }
            }
            done.signal()
        }
    }

    /// Waits (on a thread of its own) for the loop to end and returns its tally.
    func finish() async throws -> Tally {
        let semaphore = done
        try await offloaded { semaphore.wait() }
        return lock.withLock { tally }
    }
}
