/// The checked options of one `carbon measure` invocation, read by key
/// (`CommandOptions.CarbonMeasure`); mistakes are usage errors found before the config is read.
struct CarbonMeasureOptions: Sendable {
    /// `--duration`: how long to measure (required, at most `CarbonMeasureCommand.maximumDuration`).
    var duration: Duration
    /// `--label`: label (and model) of the measurement.
    var label: String?

    /// Reads and validates the options.
    init(context: CommandContext) throws(UsageError) {
        let invocation = context.invocation
        guard let duration = try CommandSupport(context: context).durationOption(CommandOptions.CarbonMeasure.duration) else {
            throw UsageError("Missing '--duration <duration>'. Say how long to measure, e.g. --duration 10s.",
                             commandPath: invocation.commandPath)
        }
        guard duration <= CarbonMeasureCommand.maximumDuration else {
            throw UsageError("The value '\(invocation.value(CommandOptions.CarbonMeasure.duration) ?? "")' is invalid for '--duration <duration>'. Measure at most 24h at a time.",
                             commandPath: invocation.commandPath)
        }
        self.duration = duration
        label = invocation.value(CommandOptions.CarbonMeasure.label)
    }
}
