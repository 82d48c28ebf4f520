extension CommandTable {
    /// `export`: declared in its own file so the command's options live beside nothing else.
    static let export = CommandSpec(
        "export",
        summary: "Export a report as PDF, CSV, JSON or OpenMetrics.",
        options: [
            OptionSpec(CommandOptions.Export.format, value: "format", help: "Output format (required).", allowed: ExportFormat.allCases.map(\.rawValue)),
            OptionSpec(CommandOptions.Export.report, value: "report", help: "What to export (default status).", allowed: ExportReportKind.allCases.map(\.rawValue)),
            OptionSpec(CommandOptions.Export.since, value: "time", help: "Start: RFC 3339, YYYY-MM-DD or a duration ago (7d); default 24h before --until."),
            OptionSpec(CommandOptions.Export.until, value: "time", help: "End: RFC 3339, YYYY-MM-DD or a duration ago; default now."),
            OptionSpec(CommandOptions.Export.check, value: "name", help: "Only this check (repeatable).", repeatable: true),
            OptionSpec(CommandOptions.Export.output, value: "file", help: "Output file, replaced atomically, or - for stdout (default)."),
            OptionSpec(CommandOptions.Export.push, value: "url", help: "Push the metrics to this Pushgateway (prometheus/openmetrics)."),
        ],
        action: ExportCommand.run
    )
}
