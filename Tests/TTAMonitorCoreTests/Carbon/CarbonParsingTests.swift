import Foundation
import Testing
@testable import TTAMonitorCore

@Suite struct CarbonCSVReaderTests {
    @Test func quotedFieldsWithCommasQuotesAndNewlinesKeepPhysicalLineNumbers() throws {
        let text = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n\n3,plain,\"\"\n"
        let records = CSVReader.records(text).compactMap { try? $0.get() }
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "x, y", "say \"hi\""], ["2", "two\nlines", "z"], ["3", "plain", ""]])
        #expect(records.map(\.line) == [1, 2, 3, 6])
    }

    @Test func malformedRecordsAreReportedAndReadingGoesOn() {
        let text = "a,b\n1,\"open\"x\n2,ok\n3,bad\"quote\n4,fine\n5,\"never closed\n"
        let items = CSVReader.records(text)
        let lines = items.map { item -> String in
            switch item {
            case .success(let record): "ok:\(record.line)"
            case .failure(let failure): "bad:\(failure.line)"
            }
        }
        #expect(lines == ["ok:1", "bad:2", "ok:3", "bad:4", "ok:5", "bad:6"])
    }

    /// Found by fuzzing (Tests/Fuzz/CodeCarbonCSVFuzz): a lone CR after a closing quote ended
    /// the record without a new line, so two records claimed the same line number.
    @Test func aLoneCarriageReturnAfterAClosingQuoteIsMalformed() {
        let items = CSVReader.records("a,b\n1,\"x\"\r2,y\n3,\"z\"\r\n4,\"w\"\r")
        let lines = items.map { item -> String in
            switch item {
            case .success(let record): "ok:\(record.line):\(record.fields.joined(separator: "|"))"
            case .failure(let failure): "bad:\(failure.line):\(failure.reason)"
            }
        }
        #expect(lines == ["ok:1:a|b", "bad:2:text after a closing quote", "ok:3:3|z", "ok:4:4|w"])
    }
}

@Suite struct CarbonLocalTimeTests {
    @Test func parsesCodeCarbonTimestampsInLocalTimeAndExplicitZones() throws {
        let local = try #require(LocalTime.parse("2026-03-01T12:30:45"))
        #expect(LocalTime.day(local) == "2026-03-01")
        #expect(LocalTime.parse("2026-03-01T12:30:45.250000") == local + 250)
        #expect(LocalTime.parse("2026-03-01T12:30:45Z") == 1_772_368_245_000)
        #expect(LocalTime.parse("2026-03-01T14:30:45+02:00") == 1_772_368_245_000)
        #expect(LocalTime.parse("2026-13-01T12:30:45") == nil)
        #expect(LocalTime.parse("yesterday") == nil)
        #expect(LocalTime.addDays("2026-03-01", -1) == "2026-02-28")
        #expect(LocalTime.addDays("2024-12-31", 1) == "2025-01-01")
        #expect(LocalTime.isDay("2026-02-30") == false)
    }
}

@Suite struct CarbonCodeCarbonRowTests {
    @Test func olderColumnSetsMapByNameAndKeepUnknownColumns() throws {
        // CodeCarbon 1.x wrote fewer columns, in another order; "custom" is no CodeCarbon column.
        let header = try CodeCarbonHeader.parse(["timestamp", "experiment_id", "project_name", "duration", "emissions",
                                                 "energy_consumed", "country_name", "country_iso_code", "region",
                                                 "on_cloud", "cloud_provider", "cloud_region", "custom"]).get()
        let parser = CodeCarbonRowParser(header: header, file: "old.csv")
        let record = CSVReader.Record(fields: ["2021-05-25T10:00:00", "e1", "TTA", "12.5", "0.001", "0.0025", "France",
                                               "FRA", "", "N", "", "", "kept"], line: 2)
        let run = try parser.parse(record).get()
        #expect(run.numbers["energy_kwh"] == 0.0025)
        #expect(run.numbers["emissions_kg"] == 0.001)
        #expect(run.numbers["duration_s"] == 12.5)
        #expect(run.texts["project"] == "TTA")
        #expect(run.texts["model"] == "TTA")
        #expect(run.texts["on_cloud"] == "N")
        #expect(run.texts["region"] == nil)
        #expect(run.extra == "{\"custom\":\"kept\"}")
        // The same row in another column order has the same key.
        #expect(try parser.parse(record).get().rowKey == run.rowKey)
    }

    @Test func rowProblemsNameTheColumn() throws {
        let header = try CodeCarbonHeader.parse(["timestamp", "duration", "emissions", "energy_consumed"]).get()
        let parser = CodeCarbonRowParser(header: header, file: "f.csv")
        #expect(throws: CSVReader.Malformed(line: 7, reason: "energy_consumed 'lots' is not a number")) {
            try parser.parse(.init(fields: ["2026-01-01T00:00:00", "1", "2", "lots"], line: 7)).get()
        }
        #expect(throws: CSVReader.Malformed(line: 8, reason: "3 fields where the header has 4")) {
            try parser.parse(.init(fields: ["2026-01-01T00:00:00", "1", "2"], line: 8)).get()
        }
        #expect(throws: CarbonError.badData("not a CodeCarbon emissions file: the header lacks emissions, energy_consumed")) {
            try CodeCarbonHeader.parse(["timestamp", "duration"]).get()
        }
    }
}

@Suite struct CarbonIntensityTests {
    @Test func tableFiguresAndResolution() {
        #expect(CarbonIntensityTable.countries["USA"]?.gramsPerKWh == 369.473)
        #expect(CarbonIntensityTable.countries["FRA"]?.gramsPerKWh == 56.039)
        #expect(CarbonIntensityTable.countries["DEU"]?.gramsPerKWh == 380.95)
        #expect(CarbonIntensityTable.countries["GBR"]?.gramsPerKWh == 237.589)
        #expect(CarbonIntensityTable.countries["CAN"]?.gramsPerKWh == 170.043)
        #expect(CarbonIntensityTable.countries["IND"]?.gramsPerKWh == 713.441)
        #expect(CarbonIntensityTable.countries["CHN"]?.gramsPerKWh == 582.317)
        var config = CarbonConfig()
        #expect(CarbonIntensity.resolve(config).gramsPerKWh == 475)
        config.country = "FRA"
        let france = CarbonIntensity.resolve(config)
        #expect(france.origin == "country")
        // kg = kWh × g/kWh ÷ 1000
        #expect(france.kilograms(kWh: 2) == 2 * 56.039 / 1_000)
        config.intensityGPerKWh = 100
        #expect(CarbonIntensity.resolve(config).kilograms(kWh: 3) == 0.3)
    }
}

@Suite struct CarbonNvidiaSMITests {
    @Test func parsesRecordedOutput() {
        // Recorded shape of `nvidia-smi --query-gpu=index,name,power.draw,utilization.gpu
        // --format=csv,noheader,nounits` on a two-GPU host (no GPU on the build machine).
        let output = """
        0, NVIDIA H100 80GB HBM3, 69.47, 0
        1, NVIDIA A100-SXM4-40GB, 251.30, 97
        2, Tesla K80, [N/A], [Not Supported]
        NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.
        """
        let samples = NvidiaSMIReader.parse(output)
        #expect(samples == [
            .init(index: 0, name: "NVIDIA H100 80GB HBM3", watts: 69.47, utilizationPercent: 0),
            .init(index: 1, name: "NVIDIA A100-SXM4-40GB", watts: 251.3, utilizationPercent: 97),
            .init(index: 2, name: "Tesla K80", watts: nil, utilizationPercent: nil),
        ])
        #expect(NvidiaSMIReader.parse("").isEmpty)
    }
}
