import Foundation
import Testing
@testable import TTAMonitorCore

/// Issue 14, item 10: everything tta-monitor writes that holds monitoring data is created
/// 0600 whatever the umask (or with `monitoring.storage.mode`), and looser files it finds
/// (the database, the `file` channel's file) are tightened.
@Suite(.serialized) struct FilesModeTests {
    static func config(mode: String? = nil) -> String {
        """
        monitoring:
          storage: {path: monitor.db\(mode.map { ", mode: \($0)" } ?? "")}
          checks:
            - {name: one, type: command, command: "echo fine"}
          alerts:
            channels:
              - {name: jsonl, type: file, path: alerts.jsonl}

        """
    }

    /// Runs the binary under umask 022, as cron and most shells do.
    static func run(_ arguments: [String], in directory: TemporaryDirectory) async throws -> BinaryRunner.Outcome {
        try await BinaryRunner.run(["-c", "umask 022; exec \"$0\" \"$@\"", BinaryRunner.binaryPath] + arguments,
                                   in: directory.path, executable: "/bin/sh")
    }

    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
    }

    /// Runs every writer once and returns the files they wrote.
    static func writeEverything(in directory: TemporaryDirectory) async throws -> [String] {
        let check = try await run(["check", "--output", "junit=report.xml", "--output", "openmetrics=tta.prom"], in: directory)
        #expect(check.code == 0, "\(check.err)")
        for (format, name) in [("csv", "checks.csv"), ("json", "checks.json"), ("pdf", "checks.pdf")] {
            let export = try await run(["export", "--format", format, "--report", "checks", "--output", name], in: directory)
            #expect(export.code == 0, "\(format): \(export.err)")
        }
        let notify = try await run(["alerts", "notify-test", "jsonl"], in: directory)
        #expect(notify.code == 0, "\(notify.err)")
        return ["monitor.db", "report.xml", "tta.prom", "checks.csv", "checks.json", "checks.pdf", "alerts.jsonl"]
    }

    @Test("under umask 022 the database, reports, exports and the alert file are all 0600")
    func everythingPrivate() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", Self.config())
        for name in try await Self.writeEverything(in: directory) {
            #expect(Self.mode(directory.file(name)) == 0o600, "\(name)")
        }
    }

    @Test("monitoring.storage.mode: 0640 gives the group read access to every new file")
    func groupReadable() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", Self.config(mode: "0640"))
        for name in try await Self.writeEverything(in: directory) {
            #expect(Self.mode(directory.file(name)) == 0o640, "\(name)")
        }
    }

    @Test("a mode that gives others write access, execute bits or takes the owner's away is a config error",
          arguments: ["0666", "0700", "0400", "'0o646'", "rw-r--r--", "640a"])
    func badModes(mode: String) async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", Self.config(mode: mode))
        let run = try await Self.run(["config", "validate"], in: directory)
        #expect(run.code == 78)
        #expect(run.err.contains("tta_config.yaml:2:"), "\(run.err)")
        #expect(run.err.contains("'monitoring.storage.mode' must be an octal file mode"), "\(run.err)")
    }

    @Test("a 0644 database and a 0644 alert file are tightened to 0600, with a note for the database")
    func looserFilesTightened() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", Self.config())
        #expect(try await Self.run(["check"], in: directory).code == 0)
        let database = directory.file("monitor.db")
        let alerts = try directory.write("alerts.jsonl", "{\"earlier\": true}\n")
        chmod(database, 0o644)
        chmod(alerts, 0o644)

        let status = try await Self.run(["status"], in: directory)
        #expect(status.code == 0, "\(status.err)")
        #expect(status.err.contains("note: tightened the permissions of monitor.db from 0644 to 0600"), "\(status.err)")
        #expect(Self.mode(database) == 0o600)

        let notify = try await Self.run(["alerts", "notify-test", "jsonl"], in: directory)
        #expect(notify.code == 0, "\(notify.err)")
        #expect(Self.mode(alerts) == 0o600)
        let lines = try String(contentsOfFile: alerts, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2 && lines.first == "{\"earlier\": true}")

        let again = try await Self.run(["status"], in: directory)
        #expect(!again.err.contains("tightened"), "\(again.err)")
    }
}
