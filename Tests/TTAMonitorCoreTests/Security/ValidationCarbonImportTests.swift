import Foundation
import Testing
@testable import TTAMonitorCore

/// Item 17: `carbon import` refuses rows whose numbers or dates cannot be true, with
/// FILE:LINE and exit 65, keeps the good rows, and the report's totals stay numbers.
@Suite struct ValidationCarbonImportTests {
    static let header = "timestamp,project_name,run_id,duration,emissions,energy_consumed,country_name,country_iso_code,region,on_cloud,cloud_provider,cloud_region,latitude"

    static func row(_ ts: String, _ id: String, duration: String = "10", emissions: String = "0.001",
                    energy: String = "0.002", latitude: String = "48.8") -> String {
        "\(ts),TTA,\(id),\(duration),\(emissions),\(energy),France,FRA,,N,,,\(latitude)"
    }

    @Test func impossibleRowsAreRefusedWithTheirLineAndTheRestIsImported() async throws {
        let directory = try TemporaryDirectory()
        let future = Timestamps.rfc3339(milliseconds: WallClock.nowMilliseconds() + 3 * 365 * 86_400_000).prefix(19)
        let day = "2026-03-10T"
        try directory.write("emissions.csv", ([Self.header] + [
            Self.row(day + "01:00:00", "good1"),                                     // 2
            Self.row(day + "02:00:00", "negative-energy", energy: "-5"),             // 3
            Self.row(day + "03:00:00", "negative-emissions", emissions: "-0.5"),     // 4
            Self.row(day + "04:00:00", "negative-duration", duration: "-1"),         // 5
            Self.row(day + "05:00:00", "nan", energy: "nan"),                        // 6
            Self.row(day + "06:00:00", "inf", emissions: "inf"),                     // 7
            Self.row(day + "07:00:00", "hex", energy: "0x1p3"),                      // 8
            Self.row(day + "08:00:00", "huge1", energy: "1e308"),                    // 9
            Self.row(day + "09:00:00", "huge2", emissions: "1e308"),                 // 10
            Self.row(String(future), "future"),                                      // 11
            Self.row(day + "10:00:00", "bad-latitude", latitude: "123"),             // 12
            Self.row(day + "11:00:00", "south", latitude: "-33.9"),                  // 13
            Self.row(day + "12:00:00", "tiny", emissions: "1.2e-05", energy: "3E-6"), // 14
        ]).joined(separator: "\n") + "\n")
        let result = try await BinaryRunner.run(["--db", "m.db", "carbon", "import", "emissions.csv"], in: directory.path)
        #expect(result.code == 65, "\(result.err)")
        for (line, text) in [(3, "energy_consumed '-5' is negative"), (4, "emissions '-0.5' is negative"),
                             (5, "duration '-1' is negative"), (6, "energy_consumed 'nan' is not a number"),
                             (7, "emissions 'inf' is not a number"), (8, "energy_consumed '0x1p3' is not a number"),
                             (9, "energy_consumed '1e308' is above"), (10, "emissions '1e308' is above"),
                             (11, "is in the future"), (12, "latitude '123' is outside -90 to 90")] {
            #expect(result.err.contains("emissions.csv:\(line): "), "line \(line): \(result.err)")
            let message = result.err.split(separator: "\n").first { $0.contains("emissions.csv:\(line): ") } ?? ""
            #expect(message.contains(text) && message.hasSuffix("row skipped"), "line \(line): \(message)")
        }
        let rows = try SQLiteRows.strings(directory.file("m.db"), "SELECT run_id FROM carbon_runs ORDER BY source_line")
        #expect(rows == [["good1"], ["south"], ["tiny"]])

        let report = try await BinaryRunner.run(["--db", "m.db", "--json", "carbon", "report", "--day", "2026-03-10"], in: directory.path)
        #expect(report.code == 0, "\(report.err)")
        let document = try JSONParser.parse(report.out)
        guard case .double(let kwh)? = document["totals"]?["energy_kwh"], case .double(let kg)? = document["totals"]?["emissions_kg"] else {
            Issue.record("totals are not numbers: \(report.out)")
            return
        }
        #expect(kwh.isFinite && kg.isFinite && kwh > 0 && kg > 0)
    }

    @Test func theLargestAcceptedValuesStillSumToFiniteTotals() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("emissions.csv", ([Self.header] + (0..<5).map {
            Self.row("2026-03-10T0\($0):00:00", "big\($0)", emissions: "1e12", energy: "1e12")
        }).joined(separator: "\n") + "\n")
        let result = try await BinaryRunner.run(["--db", "m.db", "carbon", "import", "emissions.csv"], in: directory.path)
        #expect(result.code == 0, "\(result.err)")
        let report = try await BinaryRunner.run(["--db", "m.db", "--json", "carbon", "report", "--day", "2026-03-10"], in: directory.path)
        let document = try JSONParser.parse(report.out)
        #expect(document["totals"]?["energy_kwh"] == .double(5e12), "\(report.out)")
        #expect(document["totals"]?["emissions_kg"] == .double(5e12), "\(report.out)")
    }
}
