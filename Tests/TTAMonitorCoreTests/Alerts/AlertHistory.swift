import Foundation
@testable import TTAMonitorCore

/// A sandbox for alert tests: a config with checks and rules, a database, history rows
/// written straight into it with chosen timestamps, and the binary run with a chosen "now".
struct AlertSandbox {
    let directory: TemporaryDirectory
    var dbPath: String { directory.file("monitor.db") }
    var configPath: String { directory.file("tta_config.yaml") }

    /// Writes the config: `checks` are command checks (never run by `alerts evaluate`),
    /// each `name` or `name<-dependency`; `alerts` is the body of `monitoring.alerts`.
    init(checks: [String], alerts: String) throws {
        directory = try TemporaryDirectory()
        var yaml = "monitoring:\n  storage: {path: monitor.db}\n  checks:\n"
        for entry in checks {
            let parts = entry.split(separator: "<").map(String.init)
            yaml += "    - {name: \(parts[0]), type: command, command: [test, -f, \(directory.file(parts[0] + ".up"))]"
            if parts.count > 1 { yaml += ", depends_on: [\(parts[1].dropFirst())]" }
            yaml += "}\n"
        }
        yaml += "  alerts:\n" + alerts.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
        try yaml.write(toFile: configPath, atomically: true, encoding: .utf8)
        _ = try Database(path: dbPath)
    }

    /// Adds results for `component`: one per (ts, status, latency, details JSON).
    func addResults(_ component: String, _ rows: [(ts: Int64, status: Int, latency: Double?, details: String?)]) throws {
        let database = try Database(path: dbPath)
        try database.writeTransaction { () throws(StoreError) in
            try database.prepare("INSERT OR IGNORE INTO components (name, kind) VALUES (?, 'command')").run([.text(component)])
            try database.execute("INSERT OR IGNORE INTO runs (id, started_at, finished_at, checks, worst_status, tool_version) VALUES (1, 0, 0, 1, 0, 'test')")
            let id = try database.scalarInt("SELECT id FROM components WHERE name = ?", [.text(component)])!
            let insert = try database.prepare("""
                INSERT INTO check_results (run_id, component_id, ts, status, reported_status, latency_ms, message, details)
                VALUES (1, ?, ?, ?, ?, ?, 'generated', ?)
                """)
            for row in rows {
                try insert.run([.integer(id), .integer(row.ts), .integer(Int64(row.status)), .integer(Int64(row.status)),
                                row.latency.map { .real($0) } ?? .null, row.details.map { .text($0) } ?? .null])
            }
        }
    }

    /// Adds `count` results every `stepMs` ending at `end`, all with `status`.
    func addStatuses(_ component: String, status: Int, count: Int, end: Int64, stepMs: Int64 = 60_000) throws {
        try addResults(component, (0..<count).map { (end - Int64(count - 1 - $0) * stepMs, status, 10, nil) })
    }

    /// Runs the binary with this sandbox's config and database at `now` (ms).
    func run(_ arguments: [String], now: Int64? = nil) async throws -> BinaryRunner.Outcome {
        var environment: [String: String] = [:]
        if let now { environment["TTA_MONITOR_NOW_MS"] = String(now) }
        return try await BinaryRunner.run(["--config", configPath] + arguments, in: directory.path, environment: environment)
    }

    /// `alerts evaluate --json` at `now`, parsed; fails the test on a non-zero exit.
    func evaluate(now: Int64) async throws -> JSONValue {
        let run = try await run(["--json", "alerts", "evaluate"], now: now)
        guard run.code == 0 else { throw SandboxFailure(message: "evaluate exited \(run.code): \(run.err)") }
        return try JSONParser.parse(run.out)
    }

    /// Outbox rows as `channel event` strings, oldest first.
    func outbox(event: String? = nil) throws -> [String] {
        try SQLiteRows.strings(dbPath, "SELECT channel, event FROM notifications ORDER BY id")
            .filter { event == nil || $0[1] == event }.map { "\($0[0]) \($0[1])" }
    }

    /// Alerts as `rule component state` strings, by id.
    func alerts() throws -> [String] {
        try SQLiteRows.strings(dbPath, "SELECT rule, COALESCE(component, '-'), state FROM alerts ORDER BY id")
            .map { $0.joined(separator: " ") }
    }
}

/// A sandbox step that went wrong.
struct SandboxFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
