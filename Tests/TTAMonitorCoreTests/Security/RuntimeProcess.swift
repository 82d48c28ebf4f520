import Foundation
@testable import TTAMonitorCore
#if canImport(Glibc)
import Glibc
#endif

/// The built binary started in the background, so a test can watch it, signal it and wait
/// for it. It runs under `env --default-signal` so that SIGINT, SIGTERM and SIGHUP reach it
/// with their default disposition whatever the test runner ignores.
final class RuntimeProcess: @unchecked Sendable {
    let process = Process()
    private let outPath: String
    private let errPath: String

    /// Starts `tta-monitor arguments` in `directory` (HOME there, a clean environment).
    /// `stdout` replaces the captured stdout (e.g. /dev/full or a broken pipe).
    init(_ arguments: [String], in directory: String, stdout: FileHandle? = nil) throws {
        outPath = directory + "/.runtime-stdout-\(UUID().uuidString)"
        errPath = directory + "/.runtime-stderr-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["--default-signal=INT,TERM,HUP,PIPE", BinaryRunner.binaryPath] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory, "LANG": "C.UTF-8"]
        process.standardOutput = try stdout ?? FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var pid: pid_t { process.processIdentifier }

    /// Sends `signal` to the process.
    func send(_ signal: Int32) { kill(pid, signal) }

    /// Waits up to `seconds` for the exit; nil (after a SIGKILL) when it did not come.
    func waitForExit(seconds: Double) async throws -> (reason: Process.TerminationReason, status: Int32)? {
        let process = self.process
        return try await offloaded {
            let giveUpAt = Date().addingTimeInterval(seconds)
            while process.isRunning, Date() < giveUpAt { Thread.sleep(forTimeInterval: 0.01) }
            guard !process.isRunning else {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return nil
            }
            process.waitUntilExit()
            return (process.terminationReason, process.terminationStatus)
        }
    }

    var out: String { (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "" }
    var err: String { (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" }

    /// Removes the capture files (they live in the test's directory).
    func discardCaptures() {
        unlink(outPath)
        unlink(errPath)
    }
}

/// Polling with generous limits, for a loaded 2-core machine.
enum RuntimeWait {
    /// Polls `condition` every 5 ms for up to `seconds`; whether it became true.
    static func until(seconds: Double, _ condition: @escaping @Sendable () -> Bool) async throws -> Bool {
        try await offloaded {
            let giveUpAt = Date().addingTimeInterval(seconds)
            while Date() < giveUpAt {
                if condition() { return true }
                Thread.sleep(forTimeInterval: 0.005)
            }
            return condition()
        }
    }

    /// Whether process `pid` has a handler for `signal` (its `SigCgt` mask in /proc), i.e.
    /// whether it got far enough to handle it rather than die of it.
    static func catches(_ signal: Int32, pid: pid_t) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
              let mask = UInt64(line.dropFirst(7).trimmingCharacters(in: .whitespaces), radix: 16) else { return false }
        return mask & (1 << UInt64(signal - 1)) != 0
    }

    /// Pids of the processes whose command line contains `marker`.
    static func processes(containing marker: String) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { name -> pid_t? in
            guard let pid = pid_t(name), pid != getpid(),
                  let data = FileManager.default.contents(atPath: "/proc/\(name)/cmdline") else { return nil }
            let line = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            guard line.contains(marker) else { return nil }
            // A zombie waiting for init to reap it is gone for every purpose here.
            let stat = (try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8)) ?? ""
            return stat.split(separator: ")").last?.split(separator: " ").first == "Z" ? nil : pid
        }
    }
}
