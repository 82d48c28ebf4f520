extension CommandTable {
    /// `carbon`: declared in its own file so the command's options live beside nothing else.
    static let carbon = CommandSpec(
        "carbon",
        summary: "Report energy use and carbon emissions.",
        subcommands: [
            CommandSpec("report", summary: "Energy and CO2e for a day or period.", options: [
                OptionSpec("day", value: "date", help: "YYYY-MM-DD or 'yesterday'."),
                OptionSpec("since", value: "time", help: "Start of the period."),
                OptionSpec("until", value: "time", help: "End of the period."),
                OptionSpec("by", value: "dimension", help: "Group by.", allowed: ["component", "project", "model"]),
            ], action: NotImplemented.action("carbon report")),
            CommandSpec("import", summary: "Import CodeCarbon emissions.csv files.", arguments: [ArgumentSpec("file", help: "emissions.csv files.", variadic: true, required: true)], action: NotImplemented.action("carbon import")),
            CommandSpec("measure", summary: "Measure energy use for a while (RAPL, procfs, nvidia-smi).", options: [
                OptionSpec("duration", value: "duration", help: "How long to measure."),
                OptionSpec("label", value: "label", help: "Label for the measurement."),
            ], action: NotImplemented.action("carbon measure")),
        ]
    )
}
