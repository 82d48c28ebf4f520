import Foundation
@testable import TTAMonitorCore

/// Runs the built `tta-monitor` executable, as a user or a cron job would.
///
/// The binary is found beside the test bundle (SwiftPM builds it because the test target
/// depends on it), or at `$TTA_MONITOR_BIN`.
enum BinaryRunner {
    struct Outcome: Sendable {
        let code: Int32
        let out: String
        let err: String
        let seconds: Double
    }

    static var binaryPath: String {
        if let override = ProcessInfo.processInfo.environment["TTA_MONITOR_BIN"] { return override }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        // The test binary may sit inside an .xctest bundle directory.
        while !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("tta-monitor").path),
              directory.path != "/" {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("tta-monitor").path
    }

    /// Runs the binary with `arguments` in `directory`, with a clean environment plus `environment`
    /// (HOME points into the directory so nothing outside the test is touched).
    /// `executable` runs another program instead (e.g. `/usr/bin/time` wrapping the binary).
    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:],
                    executable: String? = nil) async throws -> Outcome {
        try await offloaded { try runBlocking(arguments, in: directory, environment: environment, executable: executable) }
    }

    private static func runBlocking(_ arguments: [String], in directory: String, environment: [String: String],
                                    executable: String?) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? binaryPath)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = BinaryEnvironment.clean(home: directory, environment)
        // Files rather than pipes: nothing can fill up and block while we wait.
        let outPath = directory + "/.stdout-\(UUID().uuidString)"
        let errPath = directory + "/.stderr-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let outHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        try outHandle.close()
        try errHandle.close()
        let out = try String(contentsOfFile: outPath, encoding: .utf8)
        let err = try String(contentsOfFile: errPath, encoding: .utf8)
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
        return Outcome(code: process.terminationStatus, out: out, err: err, seconds: seconds)
    }
}

/// Reads rows from the database a run wrote, as text.
enum SQLiteRows {
    static func strings(_ path: String, _ sql: String) throws -> [[String]] {
        let database = try Database(path: path)
        let statement = try database.prepare(sql)
        var rows: [[String]] = []
        while try statement.step() {
            var row: [String] = []
            var column: Int32 = 0
            while column < statement.columnCount {
                row.append(statement.text(column) ?? "NULL")
                column += 1
            }
            rows.append(row)
        }
        return rows
    }
}
