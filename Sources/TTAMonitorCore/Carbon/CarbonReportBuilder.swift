/// Builds a `CarbonReport` from stored runs. Sums run in row order (insertion order, which
/// is file order for imports), so an imported day's total equals a plain sum of the CSV's
/// column. Imported rows keep CodeCarbon's own emissions; nothing is recomputed.
struct CarbonReportBuilder {
    let period: CarbonPeriod
    let dimension: CarbonReport.Dimension
    let config: CarbonConfig

    /// The report for `runs` (the period's) against `baselineRuns` (the seven days before).
    func build(runs: [CarbonRunStore.StoredRun], attribution: [Int64: [CarbonRunStore.Attribution]],
               baselineRuns: [CarbonRunStore.StoredRun]) -> CarbonReport {
        var totals = CarbonReport.Totals()
        var bySource: [String: CarbonReport.Totals] = [:]
        for run in runs {
            Self.add(run, to: &totals)
            Self.add(run, to: &bySource[run.source.rawValue, default: CarbonReport.Totals()])
        }
        let intensity = CarbonIntensity.resolve(config)
        let threshold = config.dailyThresholdKg
        var perDay: [String: (kwh: Double, kg: Double)] = [:]
        for run in runs {
            perDay[run.localDay, default: (0, 0)].kwh += run.energyKWh
            perDay[run.localDay, default: (0, 0)].kg += run.emissionsKg
        }
        let days = period.days.map { day in
            let value = perDay[day] ?? (0, 0)
            return CarbonReport.Day(day: day, energyKWh: value.kwh, emissionsKg: value.kg,
                                    overThreshold: threshold.map { value.kg > $0 } ?? false)
        }
        var report = CarbonReport(period: period, dimension: dimension, totals: totals, bySource: bySource,
                                  breakdown: breakdown(runs, attribution: attribution, total: totals.emissionsKg),
                                  days: days, baseline: baseline(baselineRuns, periodKg: totals.emissionsKg, periodKWh: totals.energyKWh),
                                  dailyThresholdKg: threshold, recommendations: [], intensity: intensity)
        report.recommendations = CarbonRecommendations.make(report, runs: runs)
        return report
    }

    private static func add(_ run: CarbonRunStore.StoredRun, to totals: inout CarbonReport.Totals) {
        totals.runs += 1
        totals.energyKWh += run.energyKWh
        totals.emissionsKg += run.emissionsKg
        totals.cpuEnergyKWh += run.cpuEnergyKWh ?? 0
        totals.gpuEnergyKWh += run.gpuEnergyKWh ?? 0
        totals.ramEnergyKWh += run.ramEnergyKWh ?? 0
    }

    /// Groups by the chosen dimension. For components, a measured run is split by its
    /// attribution (CPU energy by CPU-time share) and the rest of the run (RAM, GPU, CPU
    /// time of no component) goes to "other"; imported CodeCarbon runs carry no component
    /// and are grouped as "codecarbon:<project>".
    func breakdown(_ runs: [CarbonRunStore.StoredRun], attribution: [Int64: [CarbonRunStore.Attribution]],
                   total: Double) -> [CarbonReport.Group] {
        var order: [String] = []
        var groups: [String: (runs: Int, kwh: Double, kg: Double)] = [:]
        func add(_ key: String, kwh: Double, kg: Double, countsRun: Bool) {
            if groups[key] == nil { order.append(key); groups[key] = (0, 0, 0) }
            groups[key]!.kwh += kwh
            groups[key]!.kg += kg
            if countsRun { groups[key]!.runs += 1 }
        }
        for run in runs {
            switch dimension {
            case .project:
                add(run.project ?? "(none)", kwh: run.energyKWh, kg: run.emissionsKg, countsRun: true)
            case .model:
                add(run.model ?? run.label ?? run.project ?? "(none)", kwh: run.energyKWh, kg: run.emissionsKg, countsRun: true)
            case .component:
                if let component = run.component {
                    add(component, kwh: run.energyKWh, kg: run.emissionsKg, countsRun: true)
                } else if let parts = attribution[run.id] {
                    var restKWh = run.energyKWh, restKg = run.emissionsKg
                    for part in parts where part.component != CarbonAttribution.other {
                        add(part.component, kwh: part.energyKWh, kg: part.emissionsKg, countsRun: true)
                        restKWh -= part.energyKWh
                        restKg -= part.emissionsKg
                    }
                    add(CarbonAttribution.other, kwh: max(0, restKWh), kg: max(0, restKg), countsRun: true)
                } else if run.source == .codecarbon {
                    add("codecarbon:" + (run.project ?? "unknown"), kwh: run.energyKWh, kg: run.emissionsKg, countsRun: true)
                } else {
                    add(CarbonAttribution.other, kwh: run.energyKWh, kg: run.emissionsKg, countsRun: true)
                }
            }
        }
        return order.map { key in
            let value = groups[key]!
            return CarbonReport.Group(key: key, runs: value.runs, energyKWh: value.kwh, emissionsKg: value.kg,
                                      sharePercent: total > 0 ? value.kg / total * 100 : 0)
        }.sorted { $0.emissionsKg != $1.emissionsKg ? $0.emissionsKg > $1.emissionsKg : $0.key < $1.key }
    }

    /// Daily averages over the seven days before the period, and the change of the period's
    /// daily average against them.
    func baseline(_ runs: [CarbonRunStore.StoredRun], periodKg: Double, periodKWh: Double) -> CarbonReport.Baseline? {
        guard let span = period.baselineDays else { return nil }
        let kg = runs.reduce(0.0) { $0 + $1.emissionsKg }
        let kwh = runs.reduce(0.0) { $0 + $1.energyKWh }
        let dailyKg = kg / 7, dailyKWh = kwh / 7
        let periodDays = Double(max(1, period.days.count))
        let change = dailyKg > 0 ? (periodKg / periodDays - dailyKg) / dailyKg * 100 : nil
        return CarbonReport.Baseline(firstDay: span.first, lastDay: span.last, dailyAverageKWh: dailyKWh,
                                     dailyAverageKg: dailyKg, changePercent: change)
    }
}
