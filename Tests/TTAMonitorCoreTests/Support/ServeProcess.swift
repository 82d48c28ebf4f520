import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built binary running `serve` in the background, as systemd would start it: its log
/// (stderr) goes to a file the test reads while it runs; signals are sent by pid.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let logPath: String
    let startedAt = Date()

    /// Starts `tta-monitor <arguments>` in `directory` with a clean environment plus `environment`.
    init(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws {
        logPath = directory + "/.serve-\(UUID().uuidString).log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.executableURL = URL(fileURLWithPath: BinaryRunner.binaryPath)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = BinaryEnvironment.clean(home: directory, environment)
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try log.close()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    var pid: Int32 { process.processIdentifier }

    /// The log so far.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// The log's lines with `event=<event>` (logfmt).
    func events(_ event: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { $0.contains(" event=\(event) ") || $0.hasSuffix(" event=\(event)") }
    }

    /// Waits until `condition` holds (polling every 50 ms) or `timeout` passes; whether it held.
    @discardableResult
    static func waitUntil(timeout: Double, _ condition: () throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return try condition()
    }

    /// Sends `signal`.
    func send(_ signal: Int32) { kill(pid, signal) }

    /// Waits for the process to end within `timeout` seconds: its exit status, nil if it is still running.
    func waitForExit(timeout: Double) async -> Int32? {
        await Self.waitUntil(timeout: timeout) { !process.isRunning }
        return process.isRunning ? nil : process.terminationStatus
    }
}
