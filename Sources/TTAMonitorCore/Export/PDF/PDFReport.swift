/// The printable report: a summary page first (health, availability per component, firing
/// alerts, carbon total), then what `--report` is about — charts and the component table
/// for `status`, result rows for `checks`, alerts, or carbon runs.
struct PDFReport {
    /// The header every export carries (report, period, time, host).
    var header: ExportHeader
    /// Components, alerts and carbon over the period.
    var snapshot: ExportSnapshot
    /// The rows of the report's table (checks, alerts, carbon), already capped.
    var tableRows: [[ExportCell]] = []
    /// Rows the cap left out.
    var omittedRows = 0
    /// The producer string (`tta-monitor 1.2.3`).
    var producer: String

    /// At most this many rows go into a PDF table; the rest are counted in a note.
    static let rowCap = 2_000

    /// The document title.
    var title: String { "TTA monitoring report: \(header.report.rawValue)" }

    /// Lays the report out and returns the PDF file's bytes.
    func render() -> [UInt8] {
        let flow = PDFPageFlow()
        summaryPage(flow)
        // The summary stands alone, so it can be handed round as the one-page digest.
        flow.newPage()
        switch header.report {
        case .status:
            flow.heading("Availability per component")
            AvailabilityChart().draw(snapshot.components, in: flow)
            flow.heading("Latency per component (mean per \(bucketText))")
            LatencyChart(buckets: snapshot.buckets).draw(snapshot.components, in: flow)
            flow.heading("Checks")
            componentTable(flow)
        case .checks:
            flow.heading("Check results")
            resultsTable(flow)
        case .alerts:
            flow.heading("Alerts in the period")
            alertsTable(flow)
        case .carbon:
            flow.heading("Carbon runs")
            carbonTable(flow)
        }
        flow.addFooters(title: "\(title) - \(ExportTimeText.full(header.period.since)) to \(ExportTimeText.full(header.period.until))")
        return PDFAssembler.assemble(pages: flow.pages, title: title, producer: producer, created: header.generatedAt)
    }

    private var bucketText: String {
        let minutes = snapshot.buckets.length / 60_000
        return minutes % 1_440 == 0 ? "\(minutes / 1_440) d" : minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes) min"
    }

    private func summaryPage(_ flow: PDFPageFlow) {
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
                [alert.firedAt.map(ExportTimeText.table) ?? "-", alert.severity, alert.rule, alert.component ?? "-", alert.summary]
            }, colors: snapshot.firingAlerts.map { $0.severity == "critical" ? .critical : $0.severity == "warning" ? .warning : .text },
               in: flow)
        }
    }

    private func componentTable(_ flow: PDFPageFlow) {
        PDFTable(columns: [
            .init(title: "Component", weight: 2.4), .init(title: "Status", weight: 1.2), .init(title: "Since (UTC)", weight: 2.1),
            .init(title: "Avail.", weight: 1.1, alignRight: true), .init(title: "p50", weight: 0.9, alignRight: true),
            .init(title: "p95", weight: 0.9, alignRight: true), .init(title: "Last message", weight: 4),
        ]).draw(snapshot.components.map { summary in
            [summary.state.name + " (\(summary.state.kind))", summary.state.lastStatus?.description ?? "NO DATA",
             summary.state.statusSince.map(ExportTimeText.table) ?? "-", ExportTimeText.percent(summary.availabilityPercent),
             Timestamps.latency(summary.p50), Timestamps.latency(summary.p95), summary.state.lastMessage ?? ""]
        }, colors: snapshot.components.map { .of($0.state.lastStatus) }, in: flow)
    }

    private func resultsTable(_ flow: PDFPageFlow) {
        // Columns of ExportRowQuery.checkColumns: check, kind, ts, status, reported, latency, message.
        PDFTable(columns: [
            .init(title: "Time (UTC)", weight: 2.1), .init(title: "Status", weight: 1.2), .init(title: "Check", weight: 2),
            .init(title: "Latency", weight: 0.9, alignRight: true), .init(title: "Message", weight: 5),
        ]).draw(tableRows.map { row in
            [text(row[2]), text(row[4] == .null ? row[3] : row[4]), text(row[0]), latency(row[5]), text(row[6])]
        }, colors: tableRows.map { row in
            if case .status(let code) = (row[4] == .null ? row[3] : row[4]) { return .of(CheckStatus(rawValue: Int(code))) }
            return nil
        }, in: flow)
        omittedNote(flow)
    }

    private func alertsTable(_ flow: PDFPageFlow) {
        // Columns of ExportRowQuery.alertColumns.
        PDFTable(columns: [
            .init(title: "Started (UTC)", weight: 2.1), .init(title: "Severity", weight: 1), .init(title: "Rule", weight: 1.5),
            .init(title: "Component", weight: 1.5), .init(title: "State", weight: 1), .init(title: "Summary", weight: 3.5),
            .init(title: "Resolved (UTC)", weight: 2.1),
        ]).draw(tableRows.map { row in
            [text(row[9]), text(row[4]), text(row[1]), text(row[3]), text(row[5]), text(row[6]), text(row[11])]
        }, colors: tableRows.map { row in
            row[4] == .text("critical") ? .critical : row[4] == .text("warning") ? .warning : nil
        }, in: flow)
        omittedNote(flow)
    }

    private func carbonTable(_ flow: PDFPageFlow) {
        // Columns of ExportRowQuery.carbonColumns.
        PDFTable(columns: [
            .init(title: "Time (UTC)", weight: 2.1), .init(title: "Source", weight: 1.1), .init(title: "Project / label", weight: 2),
            .init(title: "Component", weight: 1.4), .init(title: "Model", weight: 1.4),
            .init(title: "Seconds", weight: 1, alignRight: true), .init(title: "kWh", weight: 1.1, alignRight: true),
            .init(title: "kg CO2e", weight: 1.1, alignRight: true),
        ]).draw(tableRows.map { row in
            let name = [text(row[3]), text(row[4])].filter { $0 != "-" }.joined(separator: " / ")
            return [text(row[1]), text(row[2]), name.isEmpty ? "-" : name, text(row[5]), text(row[6]), number(row[7], 1),
                    number(row[8], 4), number(row[9], 4)]
        } + (tableRows.isEmpty ? [] : [[
            "Total (\(snapshot.carbon.runs) \(snapshot.carbon.runs == 1 ? "run" : "runs"))", "", "", "", "", "",
            Timestamps.formatFixed(snapshot.carbon.energyKwh, digits: 4), Timestamps.formatFixed(snapshot.carbon.emissionsKg, digits: 4),
        ]]), in: flow)
        omittedNote(flow)
    }

    private func omittedNote(_ flow: PDFPageFlow) {
        guard omittedRows > 0 else { return }
        flow.paragraph("\(omittedRows) more rows are not shown; use --format csv or --format jsonl for every row.",
                       font: .bold, color: .critical)
    }

    private func text(_ cell: ExportCell) -> String {
        switch cell {
        case .null: "-"
        case .integer(let value): String(value)
        case .real(let value): JSONWriter.format(value)
        case .text(let value), .json(let value): value
        case .timestamp(let value): ExportTimeText.table(value)
        case .status(let value): ExportBytes.statusName(value)
        case .boolean(let value): value ? "yes" : "no"
        }
    }

    private func latency(_ cell: ExportCell) -> String {
        if case .real(let value) = cell { return Timestamps.latency(value) }
        return "-"
    }

    private func number(_ cell: ExportCell, _ digits: Int) -> String {
        if case .real(let value) = cell { return Timestamps.formatFixed(value, digits: digits) }
        return "-"
    }
}
