import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct RetentionEndToEndTests {
    typealias History = RetentionHistory

    @Test func purgeThroughTheBinaryThenStatusShowsLastPurge() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("monitor.db")
        let now = WallClock.nowMilliseconds()
        do {
            let database = try Database(path: path)
            try History.add(database, component: "api", from: now - 20 * History.day, count: 3_000, stepMs: 600_000, metrics: true)
        }
        let dry = try await BinaryRunner.run(["--json", "--db", path, "retention", "purge", "--dry-run"], in: directory.path)
        #expect(dry.code == 0, "\(dry.err)")
        let dryDocument = try JSONParser.parse(dry.out)
        let wouldRemove = dryDocument["rows_removed"]
        #expect(dryDocument["dry_run"] == .bool(true))

        let real = try await BinaryRunner.run(["--json", "--db", path, "retention", "purge"], in: directory.path)
        #expect(real.code == 0, "\(real.err)")
        let document = try JSONParser.parse(real.out)
        #expect(document["rows_removed"] == wouldRemove)
        #expect(document["schema_version"] == .int(1))
        guard case .array(let datasets)? = document["datasets"] else { Issue.record("no datasets"); return }
        #expect(datasets.count == RetentionConfig.Dataset.allCases.count)
        let alerts = datasets.first { $0["name"] == .string("alerts") }
        #expect(alerts?["rows"] == .int(0))
        #expect(alerts?["note"] != .null)

        let status = try await BinaryRunner.run(["--json", "--db", path, "status"], in: directory.path)
        let lastPurge = try JSONParser.parse(status.out)["last_purge"]
        #expect(lastPurge?["dry_run"] == .bool(false))
        #expect(lastPurge?["rows_removed"] == wouldRemove)
        #expect(lastPurge?["datasets"]?["checks"]?["rows"] != nil)
    }

    @Test func tableOutputAndDatasetSelection() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("monitor.db")
        do {
            let database = try Database(path: path)
            try History.add(database, component: "api", from: WallClock.nowMilliseconds() - 10 * History.day, count: 100, stepMs: 600_000)
        }
        let run = try await BinaryRunner.run(["--db", path, "retention", "purge", "--dataset", "checks", "--dataset", "alerts"], in: directory.path)
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.contains("checks") && run.out.contains("alerts") && !run.out.contains("metrics"))
        #expect(run.out.contains("nothing stored yet"))
        #expect(run.out.contains("Removed 100 rows"))
        let typo = try await BinaryRunner.run(["--db", path, "retention", "purge", "--dataset", "chekcs"], in: directory.path)
        #expect(typo.code == 64)
    }
}
