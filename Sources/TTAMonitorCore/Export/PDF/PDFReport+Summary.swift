/// The summary page: title, period, overall health, availability per component, alerts
/// firing and the carbon total.
extension PDFReport {
    /// Lays out the summary at the top of the first page.
    func summaryPage(_ flow: PDFPageFlow) {
        flow.draw { canvas in
            canvas.text("TTA monitoring report", x: flow.left, y: flow.y + 20, font: .bold, size: 20)
            canvas.text("Report: \(header.report.rawValue)", x: flow.left, y: flow.y + 38, size: 11, color: .muted)
        }
        flow.y += 52
        let hours = Double(header.period.until - header.period.since) / 3_600_000
        let length = hours >= 48 ? Timestamps.formatFixed(hours / 24, digits: hours.truncatingRemainder(dividingBy: 24) == 0 ? 0 : 1) + " days"
            : Timestamps.formatFixed(hours, digits: hours == hours.rounded() ? 0 : 1) + " hours"
        flow.paragraph("Period: \(ExportTimeText.full(header.period.since)) to \(ExportTimeText.full(header.period.until)) (\(length))")
        flow.paragraph("Generated: \(ExportTimeText.full(header.generatedAt)) on \(header.host) by \(producer)")
        flow.heading("Summary")
        let overall = snapshot.components.isEmpty ? nil : snapshot.overall
        let counts = Dictionary(grouping: snapshot.components, by: { $0.state.lastStatus ?? .unknown }).mapValues(\.count)
        flow.draw { canvas in
            canvas.fill(x: flow.left, y: flow.y, width: 8, height: 30, color: .of(overall))
            canvas.text("Overall health: \(overall?.description ?? "NO DATA")", x: flow.left + 16, y: flow.y + 13, font: .bold, size: 13,
                        color: .of(overall))
            let breakdown = CheckStatus.allCases.map { "\(counts[$0] ?? 0) \($0.description)" }.joined(separator: ", ")
            canvas.text("\(snapshot.components.count) \(snapshot.components.count == 1 ? "component" : "components"): \(breakdown)", x: flow.left + 16, y: flow.y + 27, size: 9,
                        color: .muted)
        }
        flow.y += 40
        let judged = snapshot.components.reduce(0) { $0 + $1.total - $1.unknown }
        let up = snapshot.components.reduce(0) { $0 + $1.up }
        let overallAvailability = judged > 0 ? Double(up) / Double(judged) * 100 : nil
        let results = snapshot.components.reduce(0) { $0 + $1.total }
        flow.paragraph("Availability over the period: \(ExportTimeText.percent(overallAvailability)) of \(results) results.")
        flow.paragraph("Alerts firing now: \(snapshot.firingAlerts.isEmpty ? "none" : String(snapshot.firingAlerts.count)).")
        let carbon = snapshot.carbon
        flow.paragraph(carbon.runs == 0 ? "Carbon: no runs recorded in this period."
            : "Carbon: \(carbon.runs) \(carbon.runs == 1 ? "run" : "runs"), \(Timestamps.formatFixed(carbon.energyKwh, digits: 3)) kWh, "
                + "\(Timestamps.formatFixed(carbon.emissionsKg, digits: 3)) kg CO2e.")
        flow.heading("Availability per component")
        if snapshot.components.isEmpty {
            flow.paragraph("No components in the database yet: nothing was checked.", color: .muted)
        } else {
            let table = PDFTable(columns: [
                .init(title: "Component", weight: 3.2), .init(title: "Status", weight: 1.3),
                .init(title: "Availability", weight: 1.3, alignRight: true), .init(title: "Results", weight: 1, alignRight: true),
                .init(title: "p95 latency", weight: 1.2, alignRight: true),
            ])
            table.draw(snapshot.components.map { summary in
                [summary.state.name, summary.state.lastStatus?.description ?? "NO DATA",
                 ExportTimeText.percent(summary.availabilityPercent), String(summary.total), Timestamps.latency(summary.p95)]
            }, colors: snapshot.components.map { .of($0.state.lastStatus) }, in: flow)
        }
        flow.heading("Alerts firing")
        if snapshot.firingAlerts.isEmpty {
            flow.paragraph("No alerts are firing.", color: .muted)
        } else {
            PDFTable(columns: [
                .init(title: "Fired (UTC)", weight: 2.1), .init(title: "Severity", weight: 1), .init(title: "Rule", weight: 1.6),
                .init(title: "Component", weight: 1.6), .init(title: "Summary", weight: 4),
            ]).draw(snapshot.firingAlerts.map { alert in
                [alert.firedAt.map(ExportTimeText.table) ?? "-", alert.severity.rawValue, alert.rule, alert.component ?? "-", alert.summary]
            }, colors: snapshot.firingAlerts.map { $0.severity == .critical ? .critical : $0.severity == .warning ? .warning : .text },
               in: flow)
        }
    }
}
