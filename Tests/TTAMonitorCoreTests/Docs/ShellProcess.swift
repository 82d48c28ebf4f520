import Foundation

/// Runs a program to completion and captures what it printed, for the tests that run
/// shells, `mandoc` and syntax checkers.
struct ShellProcess {
    /// What the program did.
    struct Outcome: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The full path of `name` on `$PATH`, or nil when it is not installed.
    static func find(_ name: String) -> String? {
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in searchPath.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Whether `name` is installed.
    static func isInstalled(_ name: String) -> Bool { find(name) != nil }

    /// Runs `executable` with `arguments` and standard input from /dev/null; `environment`
    /// replaces the process environment when given.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                    workingDirectory: String? = nil) async throws -> Outcome {
        try await offloaded { try runBlocking(executable, arguments, environment: environment, workingDirectory: workingDirectory) }
    }

    private static func runBlocking(_ executable: String, _ arguments: [String], environment: [String: String]?,
                                    workingDirectory: String?) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read stderr on another thread and stdout here, both before waiting: a child that
        // fills one pipe while we wait on the other would otherwise never finish.
        let errorData = DataBox()
        let readingErrors = DispatchGroup()
        readingErrors.enter()
        // A thread of its own, not a Dispatch queue: on Linux those share the cooperative
        // pool's threads, and a blocked read there stalls unrelated async tests.
        Thread.detachNewThread {
            errorData.value = stderr.fileHandleForReading.readDataToEndOfFile()
            readingErrors.leave()
        }
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        readingErrors.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errorData.value, as: UTF8.self))
    }
}

/// The stderr bytes, handed from the reader to the caller; the dispatch group orders the
/// write before the read.
private final class DataBox: @unchecked Sendable {
    var value = Data()
}
