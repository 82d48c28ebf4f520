/// The SQL and columns of the row reports (`checks`, `alerts`, `carbon`): every row of the
/// period, in time order, read by stepping one statement so memory stays constant.
struct ExportRowQuery: Sendable {
    /// The statement's result columns, in order.
    var columns: [ExportColumn]
    /// The SELECT, with `?` placeholders.
    var sql: String
    /// Values for the placeholders.
    var bindings: [Statement.Value]

    /// The query for `report` over `period`, limited to `checks` when any are given.
    static func make(_ report: ExportReportKind, period: ExportPeriod, checks: [String]) -> ExportRowQuery? {
        let names = checks.map { Statement.Value.text($0) }
        let placeholders = Array(repeating: "?", count: checks.count).joined(separator: ", ")
        let range: [Statement.Value] = [.integer(period.since), .integer(period.until)]
        switch report {
        case .status:
            return nil
        case .checks:
            return ExportRowQuery(columns: checkColumns, sql: """
                SELECT c.name, c.kind, r.ts, r.status, r.reported_status, r.latency_ms, r.message, r.details, r.run_id
                FROM check_results AS r JOIN components AS c ON c.id = r.component_id
                WHERE r.ts >= ? AND r.ts < ?\(checks.isEmpty ? "" : " AND c.name IN (\(placeholders))")
                ORDER BY r.ts, r.id
                """, bindings: range + names)
        case .alerts:
            // Every alert that was open at some moment of the period.
            return ExportRowQuery(columns: alertColumns, sql: """
                SELECT id, rule, kind, component, severity, state, summary, value, threshold, started_at, fired_at,
                       resolved_at, acked_at, acked_by, escalation_level, suppressed_by, runbook_url, labels
                FROM alerts
                WHERE started_at < ? AND (resolved_at IS NULL OR resolved_at >= ?)\(checks.isEmpty ? "" : " AND component IN (\(placeholders))")
                ORDER BY started_at, id
                """, bindings: [.integer(period.until), .integer(period.since)] + names)
        case .carbon:
            return ExportRowQuery(columns: carbonColumns, sql: """
                SELECT id, ts, source, project, label, component, model, duration_s, energy_kwh, emissions_kg,
                       cpu_energy_kwh, gpu_energy_kwh, ram_energy_kwh, intensity_g_per_kwh, country_iso_code, region, run_id
                FROM carbon_runs
                WHERE ts >= ? AND ts < ?\(checks.isEmpty ? "" : """
                 AND (component IN (\(placeholders)) OR id IN (SELECT carbon_run_id FROM carbon_attribution WHERE component IN (\(placeholders))))
                """)
                ORDER BY ts, id
                """, bindings: range + names + names)
        }
    }

    /// One row per check result.
    static let checkColumns = [
        ExportColumn("check", .text), ExportColumn("kind", .text), ExportColumn("ts", .timestamp),
        ExportColumn("status", .status), ExportColumn("reported_status", .status), ExportColumn("latency_ms", .real),
        ExportColumn("message", .text), ExportColumn("details", .json), ExportColumn("run_id", .integer),
    ]

    /// One row per alert.
    static let alertColumns = [
        ExportColumn("id", .integer), ExportColumn("rule", .text), ExportColumn("kind", .text),
        ExportColumn("component", .text), ExportColumn("severity", .text), ExportColumn("state", .text),
        ExportColumn("summary", .text), ExportColumn("value", .real), ExportColumn("threshold", .real),
        ExportColumn("started_at", .timestamp), ExportColumn("fired_at", .timestamp),
        ExportColumn("resolved_at", .timestamp), ExportColumn("acked_at", .timestamp), ExportColumn("acked_by", .text),
        ExportColumn("escalation_level", .integer), ExportColumn("suppressed_by", .text),
        ExportColumn("runbook_url", .text), ExportColumn("labels", .json),
    ]

    /// One row per carbon run.
    static let carbonColumns = [
        ExportColumn("id", .integer), ExportColumn("ts", .timestamp), ExportColumn("source", .text),
        ExportColumn("project", .text), ExportColumn("label", .text), ExportColumn("component", .text),
        ExportColumn("model", .text), ExportColumn("duration_s", .real), ExportColumn("energy_kwh", .real),
        ExportColumn("emissions_kg", .real), ExportColumn("cpu_energy_kwh", .real), ExportColumn("gpu_energy_kwh", .real),
        ExportColumn("ram_energy_kwh", .real), ExportColumn("intensity_g_per_kwh", .real),
        ExportColumn("country_iso_code", .text), ExportColumn("region", .text), ExportColumn("run_id", .text),
    ]
}
