extension CommandTable {
    /// `carbon`: declared in its own file so the command's options live beside nothing else.
    static let carbon = CommandSpec(
        "carbon",
        summary: "Report energy use and carbon emissions.",
        subcommands: [
            CommandSpec("report", summary: "Energy and CO2e for a day or period, against the 7 days before and the daily threshold.", options: [
                OptionSpec(CommandOptions.CarbonReport.day, value: "date", help: "YYYY-MM-DD, 'today' (default) or 'yesterday' (local day)."),
                OptionSpec(CommandOptions.CarbonReport.since, value: "time", help: "Start: YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS[Z], or a duration ago (7d)."),
                OptionSpec(CommandOptions.CarbonReport.until, value: "time", help: "End (exclusive), same forms; default now."),
                OptionSpec(CommandOptions.CarbonReport.by, value: "dimension", help: "Group by (default component).", allowed: CarbonReport.Dimension.allCases.map(\.rawValue)),
            ], action: CarbonReportCommand.run),
            CommandSpec("import", summary: "Import CodeCarbon emissions.csv files (idempotent).",
                        arguments: [ArgumentSpec("file", help: "emissions.csv files.", variadic: true, required: true)],
                        action: CarbonImportCommand.run),
            CommandSpec("measure", summary: "Measure energy use for a while (RAPL or CPU load, RAM, nvidia-smi).", options: [
                OptionSpec(CommandOptions.CarbonMeasure.duration, value: "duration", help: "How long to measure (required), e.g. 30s or 5m."),
                OptionSpec(CommandOptions.CarbonMeasure.label, value: "label", help: "Label (and model) of the measurement."),
            ], action: CarbonMeasureCommand.run),
        ]
    )
}
