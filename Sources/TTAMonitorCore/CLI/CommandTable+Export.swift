extension CommandTable {
    /// `export`: declared in its own file so the command's options live beside nothing else.
    static let export = CommandSpec(
        "export",
        summary: "Export a report as PDF, CSV, JSON or OpenMetrics.",
        options: [
            OptionSpec("format", value: "format", help: "Output format (required).", allowed: ExportFormat.allCases.map(\.rawValue)),
            OptionSpec("report", value: "report", help: "What to export (default status).", allowed: ExportReportKind.allCases.map(\.rawValue)),
            OptionSpec("since", value: "time", help: "Start: RFC 3339, YYYY-MM-DD or a duration ago (7d); default 24h before --until."),
            OptionSpec("until", value: "time", help: "End: RFC 3339, YYYY-MM-DD or a duration ago; default now."),
            OptionSpec("check", value: "name", help: "Only this check (repeatable).", repeatable: true),
            OptionSpec("output", value: "file", help: "Output file, replaced atomically, or - for stdout (default)."),
            OptionSpec("push", value: "url", help: "Push the metrics to this Pushgateway (prometheus/openmetrics)."),
        ],
        action: ExportCommand.run
    )
}
