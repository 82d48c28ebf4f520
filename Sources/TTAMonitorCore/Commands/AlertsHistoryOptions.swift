/// The options of one `alerts history` invocation, read by key (`CommandOptions.AlertsHistory`).
struct AlertsHistoryOptions: Sendable {
    /// `--since`: how far back (default 7 days).
    var since: Duration

    /// Reads the options; a malformed `--since` is a usage error. The command builds this
    /// after reading the config, so a config error still comes first.
    init(context: CommandContext) throws(UsageError) {
        since = try CommandSupport(context: context).durationOption(CommandOptions.AlertsHistory.since) ?? .seconds(7 * 86_400)
    }
}
