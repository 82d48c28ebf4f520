import Testing
@testable import TTAMonitorCore

/// Stored enumerations through the binary: the states and severities a database holds come
/// out as the same words, and a value no version of the tool writes is reported with its
/// column instead of being shown as some default.
@Suite struct StoredEnumerationsEndToEndTests {
    static func insertAlert(_ database: Database, id: Int64, state: String, severity: String) throws {
        try database.prepare("""
            INSERT INTO alerts (id, fingerprint, rule, kind, severity, state, labels, summary, started_at, fired_at,
                                last_evaluated_at)
            VALUES (?, ?, 'api-down', 'status', ?, ?, '{}', 'api is CRITICAL', 1764900000000, 1764900060000, 1764900060000)
            """).run([.integer(id), .text("fp-\(id)"), .text(severity), .text(state)])
    }

    @Test func storedStatesAndSeveritiesComeOutAsTheirWords() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("monitor.db")
        do {
            let database = try Database(path: path)
            try Self.insertAlert(database, id: 1, state: "firing", severity: "critical")
            try Self.insertAlert(database, id: 2, state: "pending", severity: "info")
        }
        let list = try await BinaryRunner.run(["--db", path, "alerts", "list", "--state", "all", "--json"], in: directory.path)
        #expect(list.code == 0, "\(list.err)")
        let document = try JSONParser.parse(list.out)
        guard case .array(let alerts)? = document["alerts"] else {
            Issue.record("no alerts array: \(list.out)")
            return
        }
        let pairs = alerts.compactMap { alert in
            alert["state"]?.scalarText.flatMap { state in alert["severity"]?.scalarText.map { "\(state)/\($0)" } }
        }
        #expect(Set(pairs) == ["firing/critical", "pending/info"])

        let firing = try await BinaryRunner.run(["--db", path, "alerts", "list"], in: directory.path)
        #expect(firing.code == 0 && firing.out.contains("firing") && firing.out.contains("critical") && !firing.out.contains("pending"))
    }

    @Test func aStateNoVersionWritesIsAnErrorNamingTheColumn() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("monitor.db")
        do {
            let database = try Database(path: path)
            try Self.insertAlert(database, id: 1, state: "exploded", severity: "critical")
        }
        let run = try await BinaryRunner.run(["--db", path, "alerts", "list", "--state", "all"], in: directory.path)
        #expect(run.code == 74, "\(run.code) \(run.out) \(run.err)")
        #expect(run.err.contains("column \"state\" holds \"exploded\""), "\(run.err)")
    }
}
