/// What `export --format` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// A printable report (our own PDF writer, base-14 fonts).
    case pdf
    /// RFC 4180 CSV: header row, CRLF line ends.
    case csv
    /// One JSON document with the rows in an array.
    case json
    /// One JSON object per line: a header object, then one per row.
    case jsonl
    /// OpenMetrics 1.0 text of the current state, ending with `# EOF`.
    case openmetrics
    /// Prometheus text format 0.0.4 for node_exporter's textfile collector (no timestamps).
    case prometheus

    /// Whether the format describes the current state rather than rows of the period.
    var isMetrics: Bool { self == .openmetrics || self == .prometheus }
}

/// What `export --report` is about.
public enum ExportReportKind: String, Sendable, CaseIterable {
    /// One row per component: its state and the period's availability and latency.
    case status
    /// One row per check result in the period.
    case checks
    /// One row per alert active at some time in the period.
    case alerts
    /// One row per carbon run (CodeCarbon import or measurement) in the period.
    case carbon
}
