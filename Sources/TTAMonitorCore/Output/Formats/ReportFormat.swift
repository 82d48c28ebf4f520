/// The formats a `check` run can be reported in (`--format`, and `--output FORMAT=PATH`).
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Aligned columns for people.
    case table
    /// One JSON document for `jq` and scripts.
    case json
    /// The monitoring-plugins output (Nagios, Icinga, Naemon): status line, perfdata, long output.
    case nagios
    /// JUnit XML for CI test reports.
    case junit
    /// TAP version 14 for TAP harnesses.
    case tap
    /// OpenMetrics text for Prometheus, e.g. through node_exporter's textfile collector.
    case openmetrics

    /// Renders `report`. Only `table` uses `style` and `verbose`: the machine formats read
    /// the same whatever the terminal.
    public func render(_ report: CheckRunReport, style: TerminalStyle, verbose: Bool) -> String {
        switch self {
        case .table: CheckTableFormatter.render(report, style: style, verbose: verbose)
        case .json: CheckJSONFormatter.render(report)
        case .nagios: NagiosFormatter.render(report)
        case .junit: JUnitFormatter.render(report)
        case .tap: TAPFormatter.render(report)
        case .openmetrics: OpenMetricsFormatter.render(report)
        }
    }
}
