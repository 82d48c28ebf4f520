import Foundation
import Testing
@testable import TTAMonitorCore

/// Issue 14, item 22: the default database lives under an absolute `XDG_STATE_HOME` or
/// `HOME`, never in the working directory or `/`; a relative `XDG_STATE_HOME` is ignored
/// (XDG); directories are created only for that default location, never for `--db`,
/// `monitoring.storage.path` or `$TTA_MONITOR_DB`; a dangling link is not followed.
@Suite(.serialized) struct FilesDatabaseLocationTests {
    static func fixture(storage: String? = nil) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", """
            monitoring:
            \(storage.map { "  storage: {path: \($0)}\n" } ?? "")  checks:
                - {name: one, type: command, command: "echo fine"}

            """)
        return directory
    }

    /// Runs the binary with `unset` removed from its environment (BinaryRunner always sets HOME).
    static func run(_ arguments: [String], in directory: TemporaryDirectory, unset: [String] = [],
                    environment: [String: String] = [:]) async throws -> BinaryRunner.Outcome {
        let removals = unset.flatMap { ["-u", $0] }
        return try await BinaryRunner.run(removals + [BinaryRunner.binaryPath] + arguments, in: directory.path,
                                          environment: environment, executable: "/usr/bin/env")
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test("without a usable HOME the command stops with 78 and writes no database anywhere",
          arguments: [("unset", nil), ("empty", ""), ("relative", "home")] as [(String, String?)])
    func noHome(label: String, home: String?) async throws {
        let directory = try Self.fixture()
        let rootStateExisted = Self.exists("/.local/state/tta-monitor")
        let run = try await Self.run(["check"], in: directory, unset: home == nil ? ["HOME"] : [],
                                     environment: home.map { ["HOME": $0] } ?? [:])
        #expect(run.code == 78, "\(label): \(run.err)")
        #expect(run.err.contains("no database location: HOME is not set to an absolute path"), "\(label): \(run.err)")
        #expect(run.err.contains("pass --db PATH"), "\(label)")
        #expect(!Self.exists(directory.file(".local")) && !Self.exists(directory.file("home")), "\(label)")
        #expect(Self.exists("/.local/state/tta-monitor") == rootStateExisted, "\(label)")
        // A regression would leave a database in /: take away what this test made.
        if !rootStateExisted, Self.exists("/.local/state/tta-monitor") { try? FileManager.default.removeItem(atPath: "/.local/state/tta-monitor") }
    }

    @Test("a relative XDG_STATE_HOME is ignored with a note; the default directories are created 0700")
    func relativeStateHome() async throws {
        let directory = try Self.fixture()
        let home = directory.file("home")
        let run = try await Self.run(["check"], in: directory, environment: ["HOME": home, "XDG_STATE_HOME": "state"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.err.contains("XDG_STATE_HOME is not an absolute path and is ignored"), "\(run.err)")
        #expect(!Self.exists(directory.file("state")))
        #expect(Self.exists(home + "/.local/state/tta-monitor/monitor.db"))
        var info = stat()
        #expect(stat(home + "/.local/state/tta-monitor", &info) == 0 && info.st_mode & 0o777 == 0o700)
    }

    @Test("an absolute XDG_STATE_HOME is used, its missing directories created")
    func absoluteStateHome() async throws {
        let directory = try Self.fixture()
        let state = directory.file("xdg/state")
        let run = try await Self.run(["check"], in: directory, environment: ["XDG_STATE_HOME": state])
        #expect(run.code == 0, "\(run.err)")
        #expect(!run.err.contains("ignored"))
        #expect(Self.exists(state + "/tta-monitor/monitor.db"))
    }

    @Test("a database path the user chose in a missing directory is refused (74), the directory not created",
          arguments: ["flag", "config", "environment"])
    func chosenPathInMissingDirectory(source: String) async throws {
        let directory = try Self.fixture(storage: source == "config" ? "missing/dir/x.db" : nil)
        let arguments = source == "flag" ? ["--db", "missing/dir/x.db", "check"] : ["check"]
        let run = try await Self.run(arguments, in: directory,
                                     environment: source == "environment" ? ["TTA_MONITOR_DB": "missing/dir/x.db"] : [:])
        #expect(run.code == 74, "\(source): \(run.err)")
        #expect(run.err.contains("directory 'missing/dir' does not exist; create it first"), "\(source): \(run.err)")
        #expect(!Self.exists(directory.file("missing")), "\(source)")
    }

    @Test("a dangling link at the database path is not followed to create its target")
    func danglingLink() async throws {
        let directory = try Self.fixture()
        let target = directory.file("elsewhere.db")
        try FileManager.default.createSymbolicLink(atPath: directory.file("monitor.db"), withDestinationPath: target)
        let run = try await Self.run(["--db", "monitor.db", "check"], in: directory)
        #expect(run.code == 74, "\(run.err)")
        #expect(run.err.contains("symbolic link to a missing file; refusing to create the database through it"), "\(run.err)")
        #expect(!Self.exists(target))
    }
}
