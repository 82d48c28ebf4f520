import Foundation
import Testing
@testable import TTAMonitorCore

/// Issue 14, item 11: a database deleted, or replaced by another (`mv other.db monitor.db`),
/// while `check` runs makes the run fail with exit 74 and say so; it never reports the run
/// as stored, and the file now at the path is left intact.
@Suite(.serialized) struct FilesDatabaseSwapTests {
    enum Swap: String, CaseIterable { case replaced, deleted }

    @Test("check fails with 74 when its database is replaced or deleted mid-run", arguments: Swap.allCases)
    func swappedDuringCheck(swap: Swap) async throws {
        let directory = try TemporaryDirectory()
        let marker = directory.file("probing")
        try directory.write("tta_config.yaml", """
            monitoring:
              storage: {path: monitor.db}
              checks:
                - {name: slow, type: command, command: "touch '\(marker)'; sleep 2; echo fine", timeout: 30s}

            """)
        // Two databases with one stored run each; `other.db` is the one moved over monitor.db.
        #expect(try await BinaryRunner.run(["check", "--db", "other.db"], in: directory.path).code == 0)
        #expect(try await BinaryRunner.run(["check"], in: directory.path).code == 0)
        try FileManager.default.removeItem(atPath: marker)

        let path = directory.path
        let running = Task { try await BinaryRunner.run(["check"], in: path) }
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: marker), Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(FileManager.default.fileExists(atPath: marker), "the check never started")
        switch swap {
        case .replaced: #expect(rename(directory.file("other.db"), directory.file("monitor.db")) == 0)
        case .deleted: #expect(unlink(directory.file("monitor.db")) == 0)
        }
        let run = try await running.value

        #expect(run.code == 74, "\(run.out)\(run.err)")
        #expect(run.err.contains("the database file was deleted or replaced while tta-monitor was using it; nothing was stored"), "\(run.err)")
        #expect(!run.out.contains("stored as run"), "\(run.out)")
        if swap == .replaced {
            let database = directory.file("monitor.db")
            #expect(try SQLiteRows.strings(database, "PRAGMA integrity_check") == [["ok"]])
            #expect(try SQLiteRows.strings(database, "SELECT count(*) FROM runs") == [["1"]])
            let status = try await BinaryRunner.run(["status"], in: directory.path)
            #expect(status.code == 0, "\(status.err)")
        }
    }
}
