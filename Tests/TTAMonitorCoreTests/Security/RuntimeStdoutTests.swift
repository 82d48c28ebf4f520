import Foundation
import Testing
@testable import TTAMonitorCore
#if canImport(Glibc)
import Glibc
#endif

/// Standard output that cannot be written: every command exits 74 and says so on stderr
/// (`>/dev/full`, a closed descriptor), whatever its verdict would have been; a reader that
/// went away (EPIPE) ends the process quietly by SIGPIPE, as `| head` expects.
@Suite(.serialized) struct RuntimeStdoutTests {
    /// A directory with a config (one passing command check), a database with a run and
    /// some history, for commands that print something.
    static func prepared() async throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", """
            monitoring:
              storage: {path: monitor.db}
              checks:
                - {name: ok, type: command, command: "true"}
                - {name: failing, type: command, command: "exit 2"}
            """)
        let first = try await BinaryRunner.run(["check", "-q"], in: directory.path)
        #expect(first.code == 2, "\(first.err)")
        let database = try Database(path: directory.file("monitor.db"))
        try RetentionHistory.add(database, component: "api", from: WallClock.nowMilliseconds() - 2 * RetentionHistory.day,
                                 count: 20_000, stepMs: 5_000)
        return directory
    }

    static let commands: [[String]] = [
        ["version"], ["--help"], ["help", "check"], ["check"], ["check", "--json"], ["check", "ok"], ["status"],
        ["--json", "status"], ["config", "show"], ["config", "validate"], ["alerts", "list"],
        ["export", "--format", "csv", "--report", "checks", "--since", "7d"], ["export", "--format", "json", "--report", "status"],
        ["retention", "purge", "--dry-run"], ["carbon", "report", "--since", "7d"],
    ]

    @Test("every command exits 74 with a message when stdout is /dev/full")
    func fullDevice() async throws {
        let directory = try await Self.prepared()
        for arguments in Self.commands {
            let full = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
            let run = try RuntimeProcess(arguments, in: directory.path, stdout: full)
            let ended = try await run.waitForExit(seconds: 60)
            try full.close()
            #expect(ended?.reason == .exit && ended?.status == 74, "\(arguments): \(String(describing: ended)) \(run.err)")
            #expect(run.err.contains("Error: cannot write to standard output: No space left on device"), "\(arguments): \(run.err)")
            run.discardCaptures()
        }
    }

    @Test("a closed stdout (>&-) is exit 74 too")
    func closedDescriptor() async throws {
        let directory = try await Self.prepared()
        let run = try await BinaryRunner.run(["-c", "exec \"$0\" status >&-", BinaryRunner.binaryPath], in: directory.path,
                                             executable: "/bin/sh")
        #expect(run.code == 74, "\(run.err)")
        #expect(run.err.contains("cannot write to standard output"), "\(run.err)")
    }

    @Test("a reader that went away ends the process quietly by SIGPIPE (141 in a shell)")
    func brokenPipe() async throws {
        let directory = try await Self.prepared()
        for arguments in [["status"], ["check"], ["export", "--format", "csv", "--report", "checks", "--since", "7d"], ["--help"]] {
            var ends: [Int32] = [-1, -1]
            #expect(pipe(&ends) == 0)
            close(ends[0])   // no reader from the start: the first write fails with EPIPE
            let writer = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
            let run = try RuntimeProcess(arguments, in: directory.path, stdout: writer)
            let ended = try await run.waitForExit(seconds: 60)
            try writer.close()
            #expect(ended?.reason == .uncaughtSignal && ended?.status == SIGPIPE, "\(arguments): \(String(describing: ended)) \(run.err)")
            #expect(run.err.isEmpty, "\(arguments): \(run.err)")
            run.discardCaptures()
        }
    }
}
