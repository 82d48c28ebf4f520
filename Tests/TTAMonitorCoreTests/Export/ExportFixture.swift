import Foundation
import Testing
@testable import TTAMonitorCore

/// A database with everything an export reads: components with results (tricky messages
/// included), a firing and a resolved alert, and carbon runs — all in the last few hours.
enum ExportFixture {
    /// Messages that break naive CSV, JSON and PDF writers.
    static let trickyMessages = [
        "plain ok",
        "comma, inside",
        "quote \"here\" and 'there'",
        "line one\nline two\r\nline three",
        "parens ( ) and backslash \\ in PDF strings",
        "emoji 🚀 and CJK 日本語 and accents éàü",
        "a very long message that goes on and on so that the PDF table has to wrap it across several lines "
            + "of its message column; it keeps going with more words, numbers 1234567890 and a URL "
            + "https://example.invalid/a/really/long/path/without/spaces/that/must/be/broken/somewhere/ok",
    ]

    static let components = ["api", "neo4j", "redis-cache"]

    /// Writes the fixture into `path`; `results` per component, one a minute ending at `now`.
    static func make(_ path: String, now: Int64, results: Int = 60) throws {
        let database = try Database(path: path)
        try database.writeTransaction { () throws(StoreError) in
            try database.execute("INSERT INTO runs (id, started_at, finished_at, checks, worst_status, tool_version) VALUES (1, 0, 0, 3, 2, 'test')")
            let insertComponent = try database.prepare("""
                INSERT INTO components (name, kind, critical, interval_ms, last_status, last_ts, status_since, consecutive, last_message)
                VALUES (?, 'http', ?, 60000, ?, ?, ?, 1, ?)
                """)
            let insertResult = try database.prepare("""
                INSERT INTO check_results (run_id, component_id, ts, status, reported_status, latency_ms, message, details)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (index, name) in components.enumerated() {
                let lastStatus = index == 1 ? 2 : 0
                try insertComponent.run([.text(name), .integer(index == 0 ? 1 : 0), .integer(Int64(lastStatus)), .integer(now - 1_000),
                                         .integer(now - 600_000), .text(trickyMessages[(index + 3) % trickyMessages.count])])
                let id = database.lastInsertRowID
                for step in 0..<results {
                    let ts = now - 1_000 - Int64(results - 1 - step) * 60_000
                    let status: Int64 = step % 10 == 9 ? 2 : step % 7 == 6 ? 1 : 0
                    let message = trickyMessages[(step + index) % trickyMessages.count]
                    try insertResult.run([.integer(id), .integer(ts), .integer(status), step % 5 == 0 ? .integer(status) : .null,
                                          step % 11 == 10 ? .null : .real(Double(step % 17) * 2.5 + 1.25), .text(message),
                                          .text("{\"step\":\(step)}")])
                }
            }
            try database.prepare("""
                INSERT INTO alerts (fingerprint, rule, kind, component, severity, state, labels, summary, started_at, fired_at,
                                    resolved_at, last_evaluated_at)
                VALUES (?, ?, 'status', ?, ?, ?, '{"check":"neo4j"}', ?, ?, ?, ?, ?)
                """).run([.text("fp-1"), .text("neo4j-down"), .text("neo4j"), .text("critical"), .text("firing"),
                          .text("neo4j is CRITICAL: connection refused, \"bolt\" handshake failed"), .integer(now - 3_600_000),
                          .integer(now - 3_500_000), .null, .integer(now)])
            try database.prepare("""
                INSERT INTO alerts (fingerprint, rule, kind, component, severity, state, labels, summary, started_at, fired_at,
                                    resolved_at, last_evaluated_at)
                VALUES (?, ?, 'threshold', ?, ?, 'resolved', '{}', ?, ?, ?, ?, ?)
                """).run([.text("fp-2"), .text("api-slow"), .text("api"), .text("warning"), .text("api latency above 500 ms"),
                          .integer(now - 7_200_000), .integer(now - 7_100_000), .integer(now - 6_000_000), .integer(now)])
            let carbon = try database.prepare("""
                INSERT INTO carbon_runs (source, row_key, ts, local_day, project, label, component, model, duration_s, energy_kwh, emissions_kg)
                VALUES (?, ?, ?, '2026-11-23', ?, ?, ?, ?, ?, ?, ?)
                """)
            try carbon.run([.text("codecarbon"), .text("k1"), .integer(now - 5_400_000), .text("tta-training"), .null, .null,
                            .text("llama-3-8b"), .real(3_600), .real(0.75), .real(0.25)])
            try carbon.run([.text("measure"), .text("k2"), .integer(now - 1_800_000), .null, .text("nightly, \"batch\""),
                            .text("api"), .null, .real(600), .real(0.25), .real(0.05)])
        }
    }

    /// Runs the built binary against `db`.
    static func export(_ arguments: [String], db: String, in directory: TemporaryDirectory) async throws -> BinaryRunner.Outcome {
        try await BinaryRunner.run(["--db", db, "export"] + arguments, in: directory.path)
    }

    /// `python3`, which the CSV and JSON tests parse with.
    static func python() throws -> String {
        try ReportConsumers.tool("python3", package: "python3")
    }
}
