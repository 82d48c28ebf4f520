extension CommandTable {
    /// `export`: declared in its own file so the command's options live beside nothing else.
    static let export = CommandSpec(
        "export",
        summary: "Export a report as PDF, CSV, JSON or OpenMetrics.",
        options: [
            OptionSpec("format", value: "format", help: "Output format.", allowed: ["pdf", "csv", "json", "openmetrics"]),
            OptionSpec("report", value: "report", help: "What to export.", allowed: ["status", "checks", "alerts", "carbon"]),
            OptionSpec("since", value: "time", help: "Start of the period."),
            OptionSpec("until", value: "time", help: "End of the period."),
            OptionSpec("output", value: "file", help: "Output file, or - for stdout."),
        ],
        action: NotImplemented.action("export")
    )
}
