/// Suggestions a report makes when a threshold is exceeded or a pattern shows. Each names
/// the figures it rests on, so a reader can check it.
enum CarbonRecommendations {
    /// Countries with large public cloud regions, candidates for "a cleaner region".
    static let cloudCountries = ["SWE", "NOR", "FRA", "CHE", "FIN", "CAN", "BRA", "GBR", "IRL", "DEU", "NLD",
                                 "BEL", "ESP", "ITA", "USA", "JPN", "KOR", "SGP", "AUS", "IND", "ZAF"]
    /// A change against the 7-day baseline worth mentioning, in percent.
    static let notableIncreasePercent = 25.0
    /// GPU samples under 5 % utilisation at or above this share make the GPU "mostly idle".
    static let idleGPUShare = 0.5

    /// The recommendations for `report`, built from `runs` (the period's).
    static func make(_ report: CarbonReport, runs: [CarbonRunStore.StoredRun]) -> [CarbonReport.Recommendation] {
        guard report.totals.runs > 0 else { return [] }
        var result: [CarbonReport.Recommendation] = []
        if let threshold = report.dailyThresholdKg {
            for day in report.days where day.overThreshold {
                result.append(.init(kind: "threshold_exceeded",
                                    message: "\(day.day): \(kg(day.emissionsKg)) kg CO2e, over the daily threshold of \(kg(threshold)) kg (\(percent((day.emissionsKg / threshold - 1) * 100)) above)."))
            }
        }
        if let cleaner = cleanerRegion(report, runs: runs) { result.append(cleaner) }
        if let idle = idleGPU(report, runs: runs) { result.append(idle) }
        if let change = report.baseline?.changePercent, change >= notableIncreasePercent, let baseline = report.baseline {
            result.append(.init(kind: "above_baseline",
                                message: "Emissions per day are \(percent(change)) above the average of \(baseline.firstDay)…\(baseline.lastDay) (\(kg(baseline.dailyAverageKg)) kg/day): look for new or longer runs."))
        }
        if let costly = costliest(runs) { result.append(costly) }
        return result
    }

    /// The grid the period's energy came from (the country with the most emissions), against
    /// the cleanest cloud country in the table.
    static func cleanerRegion(_ report: CarbonReport, runs: [CarbonRunStore.StoredRun]) -> CarbonReport.Recommendation? {
        var byCountry: [String: Double] = [:]
        for run in runs { if let code = run.countryISOCode { byCountry[code, default: 0] += run.emissionsKg } }
        let code = byCountry.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? report.intensity.country
        let current: Double
        let name: String
        if let code, let entry = CarbonIntensityTable.countries[code] {
            current = byCountry.isEmpty && report.intensity.origin == "config" ? report.intensity.gramsPerKWh : entry.gramsPerKWh
            name = "\(entry.name) (\(code))"
        } else {
            current = report.intensity.gramsPerKWh
            name = report.intensity.origin == "config" ? "the configured grid" : "the world average grid"
        }
        guard let best = cloudCountries.compactMap({ code in CarbonIntensityTable.countries[code].map { (code, $0) } })
            .min(by: { $0.1.gramsPerKWh < $1.1.gramsPerKWh }), best.0 != code, best.1.gramsPerKWh * 2 <= current else { return nil }
        let energy = report.totals.energyKWh
        let there = energy * best.1.gramsPerKWh / 1_000
        return .init(kind: "cleaner_region",
                     message: "\(name) emits \(grams(current)) g CO2e/kWh; \(best.1.name) (\(best.0)) emits \(grams(best.1.gramsPerKWh)) g/kWh (\(best.1.year)): the period's \(kwh(energy)) kWh would have emitted \(kg(there)) kg instead of about \(kg(energy * current / 1_000)) kg.")
    }

    /// Measured runs whose GPUs were mostly idle while drawing a notable part of the energy.
    static func idleGPU(_ report: CarbonReport, runs: [CarbonRunStore.StoredRun]) -> CarbonReport.Recommendation? {
        var gpuEnergy = 0.0, idleEnergy = 0.0
        for run in runs {
            guard let energy = run.gpuEnergyKWh, energy > 0 else { continue }
            gpuEnergy += energy
            if let method = run.method, let parsed = try? JSONParser.parse(method),
               let share = parsed["gpu"]?["idle_share"]?.number {
                idleEnergy += energy * share
            }
        }
        guard report.totals.energyKWh > 0, gpuEnergy > 0 else { return nil }
        let idleShare = idleEnergy / gpuEnergy
        guard idleShare >= idleGPUShare else { return nil }
        return .init(kind: "idle_gpu",
                     message: "GPUs drew \(percent(gpuEnergy / report.totals.energyKWh * 100)) of the energy but were idle (under 5 % utilisation) \(percent(idleShare * 100)) of the time: release idle GPUs or batch GPU work.")
    }

    /// The model (or project) with the most emissions per run, when there are several.
    static func costliest(_ runs: [CarbonRunStore.StoredRun]) -> CarbonReport.Recommendation? {
        var groups: [String: (runs: Int, kg: Double)] = [:]
        for run in runs {
            let key = run.model ?? run.label ?? run.project ?? "(none)"
            groups[key, default: (0, 0)].runs += 1
            groups[key, default: (0, 0)].kg += run.emissionsKg
        }
        guard groups.count >= 2 else { return nil }
        let ranked = groups.map { ($0.key, $0.value.kg / Double($0.value.runs), $0.value.runs) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        let top = ranked[0], next = ranked[1]
        guard top.1 > 0 else { return nil }
        let ratio = next.1 > 0 ? " (\(Timestamps.formatFixed(top.1 / next.1, digits: 1))× '\(next.0)')" : ""
        return .init(kind: "costliest_model",
                     message: "'\(top.0)' is the most carbon-costly per run: \(kg(top.1)) kg CO2e per run over \(top.2) run(s)\(ratio).")
    }

    static func kg(_ value: Double) -> String { CarbonFormat.kg(value) }
    static func kwh(_ value: Double) -> String { CarbonFormat.kwh(value) }
    static func grams(_ value: Double) -> String { Timestamps.formatFixed(value, digits: 0) }
    static func percent(_ value: Double) -> String { Timestamps.formatFixed(value, digits: 1) + " %" }
}
