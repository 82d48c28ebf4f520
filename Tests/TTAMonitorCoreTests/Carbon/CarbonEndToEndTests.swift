import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct CarbonEndToEndTests {
    static let header = "timestamp,project_name,run_id,duration,emissions,energy_consumed,country_name,country_iso_code,region,on_cloud,cloud_provider,cloud_region"

    @Test func realCodeCarbonFileImportsIdempotentlyAndSumsExactly() async throws {
        let source = try await CodeCarbonFixture.directory.value + "/emissions.csv"
        let lines = try String(contentsOfFile: source, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == 3)
        let directory = try TemporaryDirectory()
        let db = directory.file("monitor.db")
        // The file as CodeCarbon left it after its first run, then after the second (appended).
        try directory.write("emissions.csv", lines[0...1].joined(separator: "\n") + "\n")
        let first = try await BinaryRunner.run(["--db", db, "--json", "carbon", "import", "emissions.csv"], in: directory.path)
        #expect(first.code == 0, "\(first.err)")
        #expect(try JSONParser.parse(first.out)["files"] == .array([.object([
            ("file", .string("emissions.csv")), ("rows", .int(1)), ("imported", .int(1)), ("already_present", .int(0)),
            ("malformed", .array([])), ("error", .null)])]))
        try FileManager.default.removeItem(atPath: directory.file("emissions.csv"))
        try FileManager.default.copyItem(atPath: source, toPath: directory.file("emissions.csv"))
        let appended = try await BinaryRunner.run(["--db", db, "carbon", "import", "emissions.csv"], in: directory.path)
        #expect(appended.code == 0, "\(appended.err)")
        #expect(appended.out.contains("emissions.csv     2         1                1          0"), "\(appended.out)")
        let again = try await BinaryRunner.run(["--db", db, "--json", "carbon", "import", directory.file("emissions.csv")], in: directory.path)
        let againFiles = try JSONParser.parse(again.out)["files"]
        guard case .array(let files)? = againFiles else { Issue.record("no files"); return }
        #expect(files[0]["imported"] == .int(0))
        #expect(files[0]["already_present"] == .int(2))
        #expect(try SQLiteRows.strings(db, "SELECT count(*) FROM carbon_runs WHERE source = 'codecarbon'") == [["2"]])
        // Every column is kept: the ones without a column of their own in `extra`.
        let stored = try SQLiteRows.strings(db, "SELECT project, country_iso_code, codecarbon_version, tracking_mode, extra FROM carbon_runs ORDER BY id")
        #expect(stored.map { $0[0] } == ["tta-narrative", "tta-embeddings"])
        #expect(stored[0][1] == "FRA")
        #expect(stored[0][2] == "3.3.2")
        #expect(stored[0][3] == "machine")
        #expect(stored[0][4].contains("\"water_consumed\":") && stored[0][4].contains("\"wue\":"))

        let report = try await BinaryRunner.run(["--db", db, "--json", "carbon", "report", "--since", "2d", "--by", "project"], in: directory.path)
        #expect(report.code == 0, "\(report.err)")
        let document = try JSONParser.parse(report.out)
        #expect(document["schema_version"] == .int(1))
        #expect(document["totals"]?["runs"] == .int(2))
        // Imported totals equal a plain sum of the CSV columns, bit for bit.
        let energySum = try CodeCarbonFixture.pythonSum(source, column: "energy_consumed")
        let emissionsSum = try CodeCarbonFixture.pythonSum(source, column: "emissions")
        let cpuSum = try CodeCarbonFixture.pythonSum(source, column: "cpu_energy")
        #expect(document["totals"]?["energy_kwh"]?.number == energySum)
        #expect(document["totals"]?["emissions_kg"]?.number == emissionsSum)
        #expect(document["totals"]?["cpu_energy_kwh"]?.number == cpuSum)
        guard case .array(let groups)? = document["breakdown"] else { Issue.record("no breakdown"); return }
        #expect(Set(groups.compactMap { $0["key"]?.scalarText }) == ["tta-narrative", "tta-embeddings"])
    }

    @Test func reportImportsFromTTAsOwnReferenceConfig() async throws {
        let source = try await CodeCarbonFixture.directory.value + "/emissions.csv"
        let reference = YAMLReferenceFilesTests.referenceDirectory.appendingPathComponent("tta_config.head.yaml").path
        guard FileManager.default.fileExists(atPath: reference) else {
            print("CarbonEndToEndTests: \(reference) not found; skipped (set TTA_REFERENCE_DIR)")
            return
        }
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", try String(contentsOfFile: reference, encoding: .utf8))
        try FileManager.default.createDirectory(atPath: directory.file("logs/codecarbon"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: directory.file("logs/codecarbon/emissions.csv"))
        let result = try await BinaryRunner.run(["--db", "m.db", "--json", "carbon", "report", "--since", "2d"], in: directory.path)
        #expect(result.code == 0, "\(result.err)")
        let document = try JSONParser.parse(result.out)
        #expect(document["totals"]?["runs"] == .int(2))
        guard case .array(let imported)? = document["imported"] else { Issue.record("no imports"); return }
        #expect(imported.first?["file"] == .string("logs/codecarbon/emissions.csv"))
        #expect(imported.first?["imported"] == .int(2))
    }

    @Test func olderColumnSetImports() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("old.csv", """
        timestamp,experiment_id,project_name,duration,emissions,energy_consumed,country_name,country_iso_code,region,on_cloud,cloud_provider,cloud_region
        2021-05-25T10:00:00,5b0fa12a-3dd7-45bb-9766-cc326314d9f1,TTA,12.5,0.000125,0.00034,France,FRA,,N,,

        """)
        let result = try await BinaryRunner.run(["--db", "m.db", "carbon", "import", "old.csv"], in: directory.path)
        #expect(result.code == 0, "\(result.err)")
        let rows = try SQLiteRows.strings(directory.file("m.db"), "SELECT local_day, project, experiment_id, energy_kwh, emissions_kg, duration_s, run_id, extra FROM carbon_runs")
        #expect(rows == [["2021-05-25", "TTA", "5b0fa12a-3dd7-45bb-9766-cc326314d9f1", "0.00034", "0.000125", "12.5", "NULL", "NULL"]])
    }

    @Test func malformedRowsAreSkippedWithTheirLineNumbers() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("bad.csv", """
        \(Self.header)
        2026-03-10T10:00:00,TTA,r1,10,0.001,0.002,France,FRA,,N,,
        2026-03-10T11:00:00,TTA,r2,10,lots,0.002,France,FRA,,N,,
        2026-03-10T12:00:00,"TTA, the
        narrative engine",r3,10,0.003,0.004,France,FRA,,N,,
        2026-03-10T13:00:00,TTA,r4,10,0.001
        not a date,TTA,r5,10,0.001,0.002,France,FRA,,N,,
        2026-03-10T14:00:00,TTA,r6,10,0.005,0.006,France,FRA,,N,,

        """)
        let result = try await BinaryRunner.run(["--db", "m.db", "carbon", "import", "bad.csv"], in: directory.path)
        #expect(result.code == 65)
        #expect(result.err.contains("bad.csv:3: emissions 'lots' is not a number; row skipped"), "\(result.err)")
        #expect(result.err.contains("bad.csv:6: 5 fields where the header has 12; row skipped"))
        #expect(result.err.contains("bad.csv:7: timestamp 'not a date' is not a date and time; row skipped"))
        #expect(result.out.contains("bad.csv     6         3                0          3"), "\(result.out)")
        let rows = try SQLiteRows.strings(directory.file("m.db"), "SELECT run_id, source_line, project FROM carbon_runs ORDER BY id")
        #expect(rows == [["r1", "2", "TTA"], ["r3", "4", "TTA, the\nnarrative engine"], ["r6", "8", "TTA"]])
    }

    @Test func missingAndForeignFiles() async throws {
        let directory = try TemporaryDirectory()
        let missing = try await BinaryRunner.run(["--db", "m.db", "carbon", "import", "nowhere.csv"], in: directory.path)
        #expect(missing.code == 66)
        #expect(missing.err.contains("Error: nowhere.csv: no such file"))
        try directory.write("other.csv", "name,value\nx,1\n")
        let foreign = try await BinaryRunner.run(["--db", "m.db", "carbon", "import", "other.csv"], in: directory.path)
        #expect(foreign.code == 65)
        #expect(foreign.err.contains("not a CodeCarbon emissions file"))
        let usage = try await BinaryRunner.run(["carbon", "import"], in: directory.path)
        #expect(usage.code == 64)
    }

    @Test func reportImportsConfiguredFilesComparesWithBaselineAndExitsOneOverThreshold() async throws {
        let directory = try TemporaryDirectory()
        var rows = [Self.header]
        for day in 3...9 { rows.append("2026-03-0\(day)T10:00:00,TTA,b\(day),10,0.4,1.0,France,FRA,,N,,") }
        rows.append("2026-03-10T09:00:00,narrative,t1,10,0.45,1.0,France,FRA,,N,,")
        rows.append("2026-03-10T23:59:59,embeddings,t2,10,0.15,1.0,France,FRA,,N,,")
        try FileManager.default.createDirectory(atPath: directory.file("logs/codecarbon"), withIntermediateDirectories: true)
        try directory.write("logs/codecarbon/emissions.csv", rows.joined(separator: "\n") + "\n")
        try directory.write("tta_config.yaml", """
        carbon:
          output_dir: logs/codecarbon
          project_name: TTA
        monitoring:
          storage: {path: monitor.db}
          carbon:
            country: FRA
            emissions_threshold_kg: 0.5
        """)
        let over = try await BinaryRunner.run(["--json", "carbon", "report", "--day", "2026-03-10", "--by", "model"], in: directory.path)
        #expect(over.code == 1, "\(over.err)")
        #expect(over.err.contains("Imported 9 new row(s) from logs/codecarbon/emissions.csv."))
        let document = try JSONParser.parse(over.out)
        #expect(document["totals"]?["emissions_kg"]?.number == 0.45 + 0.15)
        #expect(document["baseline"]?["daily_average_kg"]?.number == (0.4 + 0.4 + 0.4 + 0.4 + 0.4 + 0.4 + 0.4) / 7)
        let change = try #require(document["baseline"]?["change_percent"]?.number)
        #expect(abs(change - 50) < 1e-9)
        #expect(document["threshold"] == .object([("daily_kg", .double(0.5)), ("exceeded", .bool(true)), ("days_over", .array([.string("2026-03-10")]))]))
        guard case .array(let recommendations)? = document["recommendations"] else { Issue.record("none"); return }
        #expect(recommendations.compactMap { $0["kind"]?.scalarText } == ["threshold_exceeded", "above_baseline", "costliest_model"])

        let table = try await BinaryRunner.run(["carbon", "report", "--day", "2026-03-10"], in: directory.path)
        #expect(table.code == 1)
        #expect(!table.err.contains("Imported"))
        #expect(table.out.contains("Daily threshold 0.500 kg: EXCEEDED on 2026-03-10."), "\(table.out)")
        #expect(table.out.contains("codecarbon:narrative"))
        let calm = try await BinaryRunner.run(["carbon", "report", "--day", "2026-03-09"], in: directory.path)
        #expect(calm.code == 0, "\(calm.out)")
        #expect(calm.out.contains("Daily threshold 0.500 kg: not exceeded."))
        let range = try await BinaryRunner.run(["--json", "carbon", "report", "--since", "2026-03-03", "--until", "2026-03-11"], in: directory.path)
        #expect(range.code == 1)
        #expect(try JSONParser.parse(range.out)["totals"]?["runs"] == .int(9))
    }

    @Test func emptyReportAndMissingDefaultFileIsANote() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", "carbon:\n  output_dir: logs/codecarbon\nmonitoring:\n  storage: {path: monitor.db}\n  carbon: {daily_threshold_kg: 1}\n")
        let result = try await BinaryRunner.run(["carbon", "report", "--day", "2026-03-10"], in: directory.path)
        #expect(result.code == 0)
        #expect(result.out.contains("No runs recorded in this period: 0 kWh, 0 kg CO2e."), "\(result.out)")
        #expect(result.err.contains("note: logs/codecarbon/emissions.csv not found"))
        let json = try await BinaryRunner.run(["--json", "carbon", "report", "--day", "yesterday"], in: directory.path)
        #expect(json.code == 0)
        #expect(try JSONParser.parse(json.out)["totals"]?["runs"] == .int(0))
        let bad = try await BinaryRunner.run(["carbon", "report", "--day", "2026-02-30"], in: directory.path)
        #expect(bad.code == 64)
        let both = try await BinaryRunner.run(["carbon", "report", "--day", "today", "--since", "1d"], in: directory.path)
        #expect(both.code == 64)
    }

    @Test func measureAttributesCPUTimeToAConfiguredProcess() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", """
        monitoring:
          storage: {path: monitor.db}
          checks:
            - name: burner
              type: process
              command_pattern: tta-carbon-burner
        """)
        let burner = Process()
        burner.executableURL = URL(fileURLWithPath: "/bin/sh")
        burner.arguments = ["-c", "while :; do :; done", "tta-carbon-burner"]
        try burner.run()
        let measured: Result<BinaryRunner.Outcome, any Error>
        do {
            measured = .success(try await BinaryRunner.run(["--json", "carbon", "measure", "--duration", "1500ms"], in: directory.path))
        } catch {
            measured = .failure(error)
        }
        // The busy loop never ends by itself: stop and reap it before any expectation.
        kill(burner.processIdentifier, SIGKILL)
        try await offloaded { burner.waitUntilExit() }
        let result = try measured.get()
        #expect(result.code == 0, "\(result.err)")
        guard case .array(let attribution)? = try JSONParser.parse(result.out)["attribution"] else { Issue.record("none"); return }
        let entry = try #require(attribution.first { $0["component"] == .string("burner") })
        // A busy loop for the whole window: about a second of CPU time, a real share.
        #expect((entry["cpu_seconds"]?.number ?? 0) > 0.3)
        #expect((entry["share"]?.number ?? 0) > 0.1)
        let stored = try SQLiteRows.strings(directory.file("monitor.db"), "SELECT component FROM carbon_attribution ORDER BY component")
        // TTA processes that happen to run on this machine (a redis-server, say) are attributed
        // too: the test asks only for its own component and the rest.
        #expect(Set(stored.map { $0[0] }).isSuperset(of: ["burner", "other"]))
    }

    @Test func measureStoresARunWithMethodAndAttribution() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", """
        carbon: {project_name: TTA}
        monitoring:
          storage: {path: monitor.db}
          carbon: {country: FRA, pue: 1.2}
        """)
        let result = try await BinaryRunner.run(["--json", "carbon", "measure", "--duration", "1s", "--label", "narrative"], in: directory.path)
        #expect(result.code == 0, "\(result.err)")
        let document = try JSONParser.parse(result.out)
        let energy = try #require(document["energy_kwh"]?.number)
        #expect(energy > 0)
        #expect(document["emissions_kg"]?.number == energy * 56.039 / 1_000)
        #expect(document["pue"] == .double(1.2))
        #expect(["rapl", "cpu_load"].contains(document["method"]?["cpu"]?["method"]?.scalarText ?? ""))
        #expect(document["method"]?["ram"]?["method"] == .string("dimm_estimate"))
        #expect(document["method"]?["gpu"]?["method"] == .string("none"))
        guard case .array(let attribution)? = document["attribution"] else { Issue.record("no attribution"); return }
        #expect(attribution.last?["component"] == .string("other"))
        let rows = try SQLiteRows.strings(directory.file("monitor.db"), "SELECT source, label, model, project, country_iso_code, method IS NOT NULL FROM carbon_runs")
        #expect(rows == [["measure", "narrative", "narrative", "TTA", "FRA", "1"]])
        #expect(try SQLiteRows.strings(directory.file("monitor.db"), "SELECT count(*) FROM carbon_attribution") != [["0"]])
        let report = try await BinaryRunner.run(["--json", "carbon", "report", "--by", "model"], in: directory.path)
        guard case .array(let groups)? = try JSONParser.parse(report.out)["breakdown"] else { Issue.record("no breakdown"); return }
        #expect(groups.first?["key"] == .string("narrative"))
        let missing = try await BinaryRunner.run(["carbon", "measure"], in: directory.path)
        #expect(missing.code == 64)
        #expect(missing.err.contains("Missing '--duration <duration>'"))
    }
}
