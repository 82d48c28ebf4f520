/// The tables each report adds after the summary, and how their cells are spelled.
extension PDFReport {
    /// The `status` table: one row per component.
    func componentTable(_ flow: PDFPageFlow) {
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

    /// The `checks` table: one row per result, capped at `rowCap`.
    func resultsTable(_ flow: PDFPageFlow) {
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

    /// The `alerts` table: one row per alert open in the period.
    func alertsTable(_ flow: PDFPageFlow) {
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

    /// The `carbon` table: one row per run, then the period's total.
    func carbonTable(_ flow: PDFPageFlow) {
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

    /// Says how many rows the cap left out, and where to get them all.
    func omittedNote(_ flow: PDFPageFlow) {
        guard omittedRows > 0 else { return }
        flow.paragraph("\(omittedRows) more rows are not shown; use --format csv or --format jsonl for every row.",
                       font: .bold, color: .critical)
    }

    /// A cell as table text (`-` for no value, times without `UTC`: the header says it).
    func text(_ cell: ExportCell) -> String {
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

    /// A latency cell as `12 ms`.
    func latency(_ cell: ExportCell) -> String {
        if case .real(let value) = cell { return Timestamps.latency(value) }
        return "-"
    }

    /// A number cell with `digits` decimals.
    func number(_ cell: ExportCell, _ digits: Int) -> String {
        if case .real(let value) = cell { return Timestamps.formatFixed(value, digits: digits) }
        return "-"
    }
}
