/// The checked options of one `alerts silence` invocation, read by key
/// (`CommandOptions.AlertsSilence`); mistakes are usage errors found before the config is read.
struct AlertsSilenceOptions: Sendable {
    /// `--component`: whose alerts to silence (nil with `--rule` alone: every component).
    var component: String?
    /// `--rule`: only this rule.
    var rule: String?
    /// `--for`: how long the silence lasts (required).
    var duration: Duration
    /// `--comment`: why.
    var comment: String?

    /// Reads and validates the options: something to silence first, then a duration.
    init(context: CommandContext) throws(UsageError) {
        let invocation = context.invocation
        component = invocation.value(CommandOptions.AlertsSilence.component)
        rule = invocation.value(CommandOptions.AlertsSilence.rule)
        guard component != nil || rule != nil else {
            throw UsageError("Missing '--component <name>' (or '--rule <name>'): say what to silence.", commandPath: invocation.commandPath)
        }
        guard let duration = try CommandSupport(context: context).durationOption(CommandOptions.AlertsSilence.for) else {
            throw UsageError("Missing '--for <duration>': say how long the silence lasts, e.g. --for 2h.", commandPath: invocation.commandPath)
        }
        self.duration = duration
        comment = invocation.value(CommandOptions.AlertsSilence.comment)
    }
}
