import Testing
@testable import TTAMonitorCore

@Suite struct CarbonReportTests {
    static func run(_ id: Int64, day: String, kg: Double, kwh: Double, project: String = "TTA", model: String? = nil,
                    country: String? = "USA", source: CarbonRunSource = .codecarbon, gpu: Double? = nil, method: String? = nil) -> CarbonRunStore.StoredRun {
        CarbonRunStore.StoredRun(id: id, source: source, ts: LocalTime.startOfDay(day)! + 3_600_000, localDay: day, project: project,
                                 label: nil, component: nil, model: model ?? project, energyKWh: kwh, emissionsKg: kg,
                                 cpuEnergyKWh: kwh, gpuEnergyKWh: gpu, ramEnergyKWh: nil, countryISOCode: country, method: method)
    }

    @Test func baselineChangeThresholdAndBreakdown() throws {
        var config = CarbonConfig()
        config.dailyThresholdKg = 1.0
        let period = try #require(CarbonPeriod.day("2026-03-10", now: 0))
        let runs = [Self.run(1, day: "2026-03-10", kg: 1.0, kwh: 2.7, project: "narrative"),
                    Self.run(2, day: "2026-03-10", kg: 0.5, kwh: 1.35, project: "embeddings")]
        // Seven baseline days hold 7 kg: 1 kg/day; the day's 1.5 kg is +50 %.
        let baseline = (3...9).map { Self.run(Int64(10 + $0), day: "2026-03-0\($0)", kg: 1.0, kwh: 2.7) }
        let report = CarbonReportBuilder(period: period, dimension: .project, config: config)
            .build(runs: runs, attribution: [:], baselineRuns: baseline)
        #expect(report.totals.emissionsKg == 1.5)
        #expect(report.totals.runs == 2)
        #expect(report.baseline?.firstDay == "2026-03-03")
        #expect(report.baseline?.lastDay == "2026-03-09")
        #expect(report.baseline?.dailyAverageKg == 1.0)
        #expect(report.baseline?.changePercent == 50)
        #expect(report.thresholdExceeded)
        #expect(report.breakdown.map(\.key) == ["narrative", "embeddings"])
        #expect(abs(report.breakdown[0].sharePercent - 100.0 * 2 / 3) < 1e-9)
        let kinds = report.recommendations.map(\.kind)
        #expect(kinds == ["threshold_exceeded", "cleaner_region", "above_baseline", "costliest_model"])
        #expect(report.recommendations[0].message == "2026-03-10: 1.500 kg CO2e, over the daily threshold of 1.000 kg (50.0 % above).")
        #expect(report.recommendations[1].message.contains("Norway (NOR) emits 30 g/kWh"))
        #expect(report.recommendations[3].message.hasPrefix("'narrative' is the most carbon-costly per run: 1.000 kg CO2e per run"))
    }

    @Test func emptyPeriodHasNoRecommendationsAndNoVerdict() throws {
        var config = CarbonConfig()
        config.dailyThresholdKg = 1.0
        let period = try #require(CarbonPeriod.day("2026-03-10", now: 0))
        let report = CarbonReportBuilder(period: period, dimension: .component, config: config).build(runs: [], attribution: [:], baselineRuns: [])
        #expect(report.totals.runs == 0)
        #expect(!report.thresholdExceeded)
        #expect(report.recommendations.isEmpty)
        #expect(report.baseline?.changePercent == nil)
    }

    @Test func componentsSplitMeasuredRunsAndIdleGPUIsFlagged() throws {
        let period = try #require(CarbonPeriod.day("2026-03-10", now: 0))
        var config = CarbonConfig()
        config.country = "FRA"
        let measured = Self.run(1, day: "2026-03-10", kg: 0.1, kwh: 1.0, country: "FRA", source: .measure, gpu: 0.6,
                                method: "{\"gpu\":{\"method\":\"nvidia-smi\",\"idle_share\":0.9}}")
        let attribution: [Int64: [CarbonRunStore.Attribution]] = [1: [
            .init(component: "redis", cpuSeconds: 3, share: 0.25, energyKWh: 0.1, emissionsKg: 0.01),
            .init(component: "other", cpuSeconds: 9, share: 0.75, energyKWh: 0.3, emissionsKg: 0.03),
        ]]
        let imported = Self.run(2, day: "2026-03-10", kg: 0.2, kwh: 2.0, project: "TTA", country: "FRA")
        let report = CarbonReportBuilder(period: period, dimension: .component, config: config)
            .build(runs: [measured, imported], attribution: attribution, baselineRuns: [])
        let keys = Dictionary(uniqueKeysWithValues: report.breakdown.map { ($0.key, $0.emissionsKg) })
        #expect(keys["codecarbon:TTA"] == 0.2)
        #expect(keys["redis"] == 0.01)
        #expect(abs(keys["other"]! - 0.09) < 1e-12)
        let kinds = report.recommendations.map(\.kind)
        #expect(kinds.contains("idle_gpu"))
        #expect(!kinds.contains("cleaner_region"))  // France is within 2× of the cleanest candidate
    }

    @Test func periodsFromOptions() throws {
        let now = try #require(LocalTime.parse("2026-03-10T15:00:00"))
        #expect(CarbonPeriod.day("yesterday", now: now)?.firstDay == "2026-03-09")
        #expect(CarbonPeriod.day("today", now: now)?.firstDay == "2026-03-10")
        #expect(CarbonPeriod.day("2026-02-30", now: now) == nil)
        #expect(CarbonPeriod.instant("7d", now: now) == now - 7 * 86_400_000)
        #expect(CarbonPeriod.instant("2026-03-01", now: now) == LocalTime.startOfDay("2026-03-01"))
        let range = CarbonPeriod.range(since: LocalTime.startOfDay("2026-03-01")!, until: LocalTime.startOfDay("2026-03-04")!)
        #expect(range.days == ["2026-03-01", "2026-03-02", "2026-03-03"])
        #expect(range.baselineDays?.first == "2026-02-22")
    }
}

@Suite struct CarbonConfigTests {
    func load(_ text: String) throws -> MonitoringConfig {
        try ConfigLoader(environment: [:]).load(text: text, path: "/etc/tta_config.yaml")
    }

    @Test func readsTTAsCarbonSectionAndStagingKeys() throws {
        let config = try load("""
        carbon:
          output_dir: "logs/staging/codecarbon"
          project_name: "TTA-Staging"
        monitoring:
          carbon:
            track_emissions: true
            alert_on_high_emissions: true
            emissions_threshold_kg: 1.0
        """)
        #expect(config.carbon.codecarbonCSV == ["logs/staging/codecarbon/emissions.csv"])
        #expect(config.carbon.csvIsDefault)
        #expect(config.carbon.dailyThresholdKg == 1.0)
        #expect(config.carbon.projectName == "TTA-Staging")
    }

    @Test func ttasCarbonSectionCountsWithoutAMonitoringSection() throws {
        let config = try load("carbon:\n  output_dir: logs/codecarbon/\n  project_name: TTA\n")
        #expect(config.carbon.codecarbonCSV == ["logs/codecarbon/emissions.csv"])
        #expect(config.carbon.projectName == "TTA")
        #expect(try load("monitoring:\n  enabled: true\n").carbon.codecarbonCSV.isEmpty)
    }

    @Test func explicitKeysAndErrors() throws {
        let config = try load("""
        monitoring:
          carbon:
            country: fra
            codecarbon_csv: [a.csv, b.csv]
            daily_threshold_kg: 2
            pue: 1.4
            cpu_tdp_w: 65
        """)
        #expect(config.carbon.country == "FRA")
        #expect(config.carbon.codecarbonCSV == ["a.csv", "b.csv"])
        #expect(!config.carbon.csvIsDefault)
        #expect(config.carbon.pue == 1.4)
        #expect(config.carbon.cpuTDPWatts == 65)
        #expect(throws: ConfigError.self) { try load("monitoring:\n  carbon:\n    country: XYZ\n") }
        #expect(throws: ConfigError.self) { try load("monitoring:\n  carbon:\n    pue: 0.5\n") }
        #expect(throws: ConfigError.self) { try load("monitoring:\n  carbon:\n    daily_treshold_kg: 1\n") }
        do {
            _ = try load("monitoring:\n  carbon:\n    country: FRX\n")
            Issue.record("FRX accepted")
        } catch let error as ConfigError {
            #expect(error.description.contains("/etc/tta_config.yaml:3:14"), "\(error.description)")
            #expect(error.description.contains("did you mean"))
        }
    }
}
