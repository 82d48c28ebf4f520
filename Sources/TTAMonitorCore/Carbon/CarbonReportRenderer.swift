/// `carbon report` as a table for people or one JSON document (what it shows: docs/carbon.md, "Report").
enum CarbonReportRenderer {
    /// The report as text.
    static func table(_ report: CarbonReport, style: TerminalStyle) -> String {
        let period = report.period
        var text = period.isDay ? "Carbon report for \(period.firstDay) (local day)\n"
            : "Carbon report from \(Timestamps.rfc3339(milliseconds: period.since)) to \(Timestamps.rfc3339(milliseconds: period.until))\n"
        guard report.totals.runs > 0 else {
            text += "\nNo runs recorded in this period: 0 kWh, 0 kg CO2e.\n"
            text += baselineLine(report) + thresholdLine(report)
            return text
        }
        let totals = report.totals
        text += "\nTotal: \(CarbonFormat.kwh(totals.energyKWh)) kWh, \(CarbonFormat.kg(totals.emissionsKg)) kg CO2e over \(totals.runs) run(s)"
        let sources = report.bySource.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.runs)" }
        text += " (\(sources.joined(separator: ", "))).\n"
        text += "CPU \(CarbonFormat.kwh(totals.cpuEnergyKWh)) kWh, GPU \(CarbonFormat.kwh(totals.gpuEnergyKWh)) kWh, RAM \(CarbonFormat.kwh(totals.ramEnergyKWh)) kWh.\n"
        text += baselineLine(report) + thresholdLine(report) + "\n"
        var breakdown = TextTable(headers: [report.dimension.rawValue.uppercased(), "RUNS", "kWh", "kg CO2e", "SHARE", "kg/RUN"],
                                  alignments: [.left, .right, .right, .right, .right, .right])
        for group in report.breakdown {
            breakdown.add([group.key, "\(group.runs)", CarbonFormat.kwh(group.energyKWh), CarbonFormat.kg(group.emissionsKg),
                           Timestamps.formatFixed(group.sharePercent, digits: 1) + " %", CarbonFormat.kg(group.emissionsKgPerRun)])
        }
        text += breakdown.render(header: style.bold)
        if report.days.count > 1 {
            var days = TextTable(headers: ["DAY", "kWh", "kg CO2e", "OVER THRESHOLD"], alignments: [.left, .right, .right, .left])
            for day in report.days { days.add([day.day, CarbonFormat.kwh(day.energyKWh), CarbonFormat.kg(day.emissionsKg), day.overThreshold ? "yes" : ""]) }
            text += "\n" + days.render(header: style.bold)
        }
        if !report.recommendations.isEmpty {
            text += "\nRecommendations:\n"
            // Recommendations name projects and models, which come from CSV files.
            for item in report.recommendations { text += "- \(TerminalSafeText.neutralise(item.message))\n" }
        }
        return text
    }

    private static func baselineLine(_ report: CarbonReport) -> String {
        guard let baseline = report.baseline else { return "" }
        var line = "Baseline \(baseline.firstDay)…\(baseline.lastDay): \(CarbonFormat.kg(baseline.dailyAverageKg)) kg CO2e/day"
        if let change = baseline.changePercent {
            line += "; this period \(change >= 0 ? "+" : "")\(Timestamps.formatFixed(change, digits: 1)) % per day"
        } else {
            line += "; no change computed (empty baseline)"
        }
        return line + ".\n"
    }

    private static func thresholdLine(_ report: CarbonReport) -> String {
        guard let threshold = report.dailyThresholdKg else { return "No daily threshold set (monitoring.carbon.daily_threshold_kg).\n" }
        let over = report.days.filter(\.overThreshold).map(\.day)
        return over.isEmpty ? "Daily threshold \(CarbonFormat.kg(threshold)) kg: not exceeded.\n"
            : "Daily threshold \(CarbonFormat.kg(threshold)) kg: EXCEEDED on \(over.joined(separator: ", ")).\n"
    }

    /// The report as one JSON document.
    static func json(_ report: CarbonReport, imports: [CodeCarbonImporter.Outcome]) -> JSONValue {
        func totals(_ value: CarbonReport.Totals) -> JSONValue {
            .object([("runs", .int(Int64(value.runs))), ("energy_kwh", .double(value.energyKWh)),
                     ("emissions_kg", .double(value.emissionsKg)), ("cpu_energy_kwh", .double(value.cpuEnergyKWh)),
                     ("gpu_energy_kwh", .double(value.gpuEnergyKWh)), ("ram_energy_kwh", .double(value.ramEnergyKWh))])
        }
        let period = report.period
        let baseline: JSONValue = report.baseline.map { value in
            .object([("first_day", .string(value.firstDay)), ("last_day", .string(value.lastDay)), ("days", .int(7)),
                     ("daily_average_kwh", .double(value.dailyAverageKWh)), ("daily_average_kg", .double(value.dailyAverageKg)),
                     ("change_percent", .number(value.changePercent))])
        } ?? .null
        return .object([
            ("schema_version", .int(1)),
            ("period", .object([("since", .string(Timestamps.rfc3339(milliseconds: period.since))),
                                ("until", .string(Timestamps.rfc3339(milliseconds: period.until))),
                                ("first_day", .string(period.firstDay)), ("last_day", .string(period.lastDay)),
                                ("local_days", .bool(period.isDay))])),
            ("by", .string(report.dimension.rawValue)),
            ("imported", .array(imports.map(CarbonImportCommand.json))),
            ("totals", totals(report.totals)),
            ("sources", .object(report.bySource.sorted { $0.key < $1.key }.map { ($0.key, totals($0.value)) })),
            ("breakdown", .array(report.breakdown.map { group in
                .object([("key", .string(group.key)), ("runs", .int(Int64(group.runs))), ("energy_kwh", .double(group.energyKWh)),
                         ("emissions_kg", .double(group.emissionsKg)), ("share_percent", .double(group.sharePercent)),
                         ("emissions_kg_per_run", .double(group.emissionsKgPerRun))])
            })),
            ("days", .array(report.days.map { day in
                .object([("day", .string(day.day)), ("energy_kwh", .double(day.energyKWh)),
                         ("emissions_kg", .double(day.emissionsKg)), ("over_threshold", .bool(day.overThreshold))])
            })),
            ("baseline", baseline),
            ("threshold", .object([("daily_kg", .number(report.dailyThresholdKg)), ("exceeded", .bool(report.thresholdExceeded)),
                                   ("days_over", .array(report.days.filter(\.overThreshold).map { .string($0.day) }))])),
            ("intensity", .object([("g_per_kwh", .double(report.intensity.gramsPerKWh)), ("country", .text(report.intensity.country)),
                                   ("origin", .string(report.intensity.origin)), ("source", .string(report.intensity.source))])),
            ("recommendations", .array(report.recommendations.map { .object([("kind", .string($0.kind)), ("message", .string($0.message))]) })),
        ])
    }
}
