import Foundation
import Testing
@testable import TTAMonitorCore

/// CSV, JSON and JSON Lines through the real binary, read back by Python's csv and json
/// modules and by jq.
@Suite struct ExportRowsEndToEndTests {
    @Test func csvRoundTripsTrickyMessagesThroughPythonsCSVModule() async throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("monitor.db")
        let now = WallClock.nowMilliseconds()
        try ExportFixture.make(db, now: now)
        let run = try await ExportFixture.export(["--format", "csv", "--report", "checks", "--output", "checks.csv"], db: db, in: directory)
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.isEmpty)
        let raw = try Data(contentsOf: URL(fileURLWithPath: directory.file("checks.csv")))
        let text = String(decoding: raw, as: UTF8.self)
        #expect(text.hasPrefix("check,kind,ts,status,reported_status,latency_ms,message,details,run_id\r\n"))
        #expect(text.hasSuffix("\r\n"))

        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline='') as f:
                rows = list(csv.reader(f, strict=True))
            print(json.dumps(rows))
            """
        let parsed = try await ShellProcess.run(try ExportFixture.python(), ["-c", script, directory.file("checks.csv")])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        guard case .array(let rows) = try JSONParser.parse(parsed.stdout) else { Issue.record("not an array"); return }
        let stored = try SQLiteRows.strings(db, """
            SELECT c.name, r.message, r.status, ifnull(r.latency_ms, ''), r.ts FROM check_results AS r
            JOIN components AS c ON c.id = r.component_id ORDER BY r.ts, r.id
            """)
        #expect(rows.count == stored.count + 1)
        for (row, expected) in zip(rows.dropFirst(), stored) {
            guard case .array(let fields) = row else { Issue.record("row is not an array"); continue }
            #expect(fields.count == 9)
            #expect(fields[0] == .string(expected[0]))
            #expect(fields[6] == .string(expected[1]))
            #expect(fields[3] == .string(CheckStatus(rawValue: Int(expected[2])!)!.description))
            #expect(fields[2] == .string(Timestamps.rfc3339(milliseconds: Int64(expected[4])!)))
            if expected[3].isEmpty { #expect(fields[5] == .string("")) } else { #expect(Double(fields[5].scalarText ?? "") == Double(expected[3])) }
        }
        #expect(stored.contains { $0[1].contains("\r\n") } && stored.contains { $0[1].contains("\"") })
    }

    @Test func jsonAndJSONLinesParseWithJqAndPython() async throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("monitor.db")
        try ExportFixture.make(db, now: WallClock.nowMilliseconds())
        let expectedRows = ExportFixture.components.count * 60
        for report in ["checks", "status", "alerts", "carbon"] {
            let json = try await ExportFixture.export(["--format", "json", "--report", report, "--output", "\(report).json"], db: db, in: directory)
            #expect(json.code == 0, "\(json.err)")
            let jsonl = try await ExportFixture.export(["--format", "jsonl", "--report", report, "--output", "-"], db: db, in: directory)
            #expect(jsonl.code == 0, "\(jsonl.err)")
            try jsonl.out.write(toFile: directory.file("\(report).jsonl"), atomically: true, encoding: .utf8)

            let jq = try ReportConsumers.tool("jq", package: "jq")
            let count = try await ShellProcess.run(jq, ["-r", "[.schema_version, .report, .row_count, (.rows | length)] | @tsv",
                                                        directory.file("\(report).json")])
            #expect(count.status == 0, "\(count.stderr)")
            let fields = count.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\t").map(String.init)
            let rows = Int(fields.last ?? "") ?? -1
            #expect(fields.prefix(3) == ["1", report, String(rows)])
            switch report {
            case "checks": #expect(rows == expectedRows)
            case "status": #expect(rows == ExportFixture.components.count)
            default: #expect(rows == 2)
            }
            let lines = try await ShellProcess.run(jq, ["-s", "-r", "[.[0].type, .[0].report, (length - 1)] | @tsv",
                                                        directory.file("\(report).jsonl")])
            #expect(lines.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "header\t\(report)\t\(rows)", "\(lines.stderr)")

            let script = """
                import json, sys
                doc = json.load(open(sys.argv[1]))
                lines = [json.loads(line) for line in open(sys.argv[2])]
                assert lines[0]["type"] == "header" and lines[0]["schema_version"] == 1
                assert lines[1:] == doc["rows"], "jsonl rows differ from json rows"
                assert doc["columns"] == lines[0]["columns"] == (list(doc["rows"][0].keys()) if doc["rows"] else doc["columns"])
                print(len(doc["rows"]))
                """
            let python = try await ShellProcess.run(try ExportFixture.python(),
                                                    ["-c", script, directory.file("\(report).json"), directory.file("\(report).jsonl")])
            #expect(python.status == 0, "\(python.stderr)")
            #expect(python.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == String(rows))
        }
        // The stored details are embedded as JSON, not as a string.
        let document = try JSONParser.parse(try String(contentsOfFile: directory.file("checks.json"), encoding: .utf8))
        guard case .array(let rows)? = document["rows"] else { Issue.record("no rows"); return }
        #expect(rows.first?["details"]?["step"] == .int(0))
        #expect(rows.contains { $0["message"]?.scalarText?.contains("🚀") == true })
    }

    @Test func statusRowsCarryAvailabilityAndFiltersByCheck() async throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("monitor.db")
        try ExportFixture.make(db, now: WallClock.nowMilliseconds())
        let run = try await ExportFixture.export(["--format", "json", "--check", "neo4j"], db: db, in: directory)
        #expect(run.code == 0, "\(run.err)")
        let document = try JSONParser.parse(run.out)
        #expect(document["report"] == .string("status"))
        guard case .array(let rows)? = document["rows"] else { Issue.record("no rows"); return }
        #expect(rows.count == 1)
        #expect(rows.first?["check"] == .string("neo4j"))
        #expect(rows.first?["status"] == .string("CRITICAL"))
        #expect(rows.first?["results"] == .int(60))
        // 6 of 60 results are CRITICAL (every tenth); none UNKNOWN.
        #expect(rows.first?["availability_percent"] == .double(90))

        let typo = try await ExportFixture.export(["--format", "csv", "--check", "neo4k"], db: db, in: directory)
        #expect(typo.code == 64)
        #expect(typo.err.contains("Did you mean 'neo4j'?"))
    }

    @Test func emptyPeriodIsAValidEmptyExport() async throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("monitor.db")
        try ExportFixture.make(db, now: WallClock.nowMilliseconds())
        let period = ["--since", "2020-01-01", "--until", "2020-01-02T00:00:00Z"]
        let csv = try await ExportFixture.export(["--format", "csv", "--report", "checks"] + period, db: db, in: directory)
        #expect(csv.code == 0, "\(csv.err)")
        #expect(csv.out == "check,kind,ts,status,reported_status,latency_ms,message,details,run_id\r\n")
        let json = try await ExportFixture.export(["--format", "json", "--report", "alerts"] + period, db: db, in: directory)
        #expect(json.code == 0)
        let document = try JSONParser.parse(json.out)
        #expect(document["rows"] == .array([]))
        #expect(document["row_count"] == .int(0))
        #expect(document["since"] == .string("2020-01-01T00:00:00.000Z"))
        #expect(document["until"] == .string("2020-01-02T00:00:00.000Z"))
    }

    @Test func usageAndInputErrors() async throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("monitor.db")
        let missing = try await ExportFixture.export(["--format", "csv"], db: db, in: directory)
        #expect(missing.code == 66, "\(missing.err)")
        #expect(missing.err.contains("no database yet"))
        #expect(!FileManager.default.fileExists(atPath: db))
        try ExportFixture.make(db, now: WallClock.nowMilliseconds())
        let noFormat = try await ExportFixture.export(["--report", "checks"], db: db, in: directory)
        #expect(noFormat.code == 64)
        #expect(noFormat.err.contains("Missing '--format <format>'"))
        let jsonFlag = try await ExportFixture.export(["--json", "--report", "alerts"], db: db, in: directory)
        #expect(jsonFlag.code == 0)
        #expect(try JSONParser.parse(jsonFlag.out)["report"] == .string("alerts"))
        let badTime = try await ExportFixture.export(["--format", "csv", "--since", "yesterday-ish"], db: db, in: directory)
        #expect(badTime.code == 64)
        #expect(badTime.err.contains("'--since <time>'"))
        let reversed = try await ExportFixture.export(["--format", "csv", "--since", "1h", "--until", "2h"], db: db, in: directory)
        #expect(reversed.code == 64)
        let pushCSV = try await ExportFixture.export(["--format", "csv", "--push", "http://127.0.0.1:9/"], db: db, in: directory)
        #expect(pushCSV.code == 64)
    }
}
