/// The current state as OpenMetrics 1.0 text (`--format openmetrics`, ends with `# EOF`) or
/// Prometheus text 0.0.4 (`--format prometheus`: no `# UNIT`, no `# EOF`, no timestamps),
/// for node_exporter's textfile collector and the Pushgateway.
///
/// Family names follow `check --format openmetrics` (`tta_monitor_check_*` labelled
/// `check` and `kind`), so dashboards work with either source; the export adds the period's
/// availability, the time of the last result, firing alerts and carbon totals.
enum ExportMetrics {
    /// Renders `snapshot`; `openMetrics` chooses the dialect.
    static func render(_ snapshot: ExportSnapshot, openMetrics: Bool) -> String {
        let families = self.families(snapshot).filter { !$0.samples.isEmpty }
        var text = ""
        for family in families {
            let block = OpenMetricsFormatter.render(family)
            text += openMetrics ? block : block.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("# UNIT ") }.joined(separator: "\n")
        }
        return openMetrics ? text + "# EOF\n" : text
    }

    static func families(_ snapshot: ExportSnapshot) -> [OpenMetricsFormatter.Family] {
        typealias Family = OpenMetricsFormatter.Family
        let components = snapshot.components
        func labels(_ summary: ComponentPeriodSummary) -> [(String, String)] {
            [("check", summary.state.name), ("kind", summary.state.kind)]
        }
        var families: [Family] = [
            Family(name: "tta_monitor_check_status",
                   help: "Status of the check's latest run: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.",
                   samples: components.compactMap { summary in
                       summary.state.lastStatus.map { (labels(summary), Double($0.rawValue)) }
                   }),
            Family(name: "tta_monitor_check_up",
                   help: "1 when the check's latest run was OK or WARNING, 0 when CRITICAL or UNKNOWN.",
                   samples: components.compactMap { summary in
                       summary.state.lastStatus.map { (labels(summary), $0 == .ok || $0 == .warning ? 1 : 0) }
                   }),
            Family(name: "tta_monitor_check_latency_seconds", help: "Wall time of the check's latest probe in the period.",
                   unit: "seconds", samples: components.compactMap { summary in
                       summary.lastLatency.flatMap { $0.isFinite ? (labels(summary), $0 / 1_000) : nil }
                   }),
            Family(name: "tta_monitor_check_availability_ratio",
                   help: "Share of OK or WARNING results among judged ones over the export period (default the last 24 hours).",
                   unit: "ratio", samples: components.compactMap { summary in
                       summary.availabilityPercent.map { (labels(summary), $0 / 100) }
                   }),
            Family(name: "tta_monitor_check_last_result_timestamp_seconds",
                   help: "When the check's latest result was recorded, in seconds since the Unix epoch.", unit: "seconds",
                   samples: components.compactMap { summary in
                       summary.state.lastTimestamp.map { (labels(summary), Double($0) / 1_000) }
                   }),
        ]
        let bySeverity = Dictionary(grouping: snapshot.firingAlerts, by: \.severity).mapValues(\.count)
        families.append(Family(name: "tta_monitor_alerts_firing", help: "Alerts firing now, by severity.",
                               samples: [AlertSeverity.critical, .warning, .info].map { ([("severity", $0.rawValue)], Double(bySeverity[$0] ?? 0)) }))
        if snapshot.carbon.runs > 0 {
            families += [
                Family(name: "tta_monitor_carbon_energy_joules", help: "Energy of the carbon runs in the export period (kWh x 3.6e6).",
                       unit: "joules", samples: [([], snapshot.carbon.energyKwh * 3_600_000)]),
                Family(name: "tta_monitor_carbon_emissions_grams", help: "CO2-equivalent emissions of the carbon runs in the export period.",
                       unit: "grams", samples: [([], snapshot.carbon.emissionsKg * 1_000)]),
                Family(name: "tta_monitor_carbon_runs", help: "Carbon runs (CodeCarbon imports and measurements) in the export period.",
                       samples: [([], Double(snapshot.carbon.runs))]),
            ]
        }
        return families
    }
}
