/// The options of one `status` invocation, read by key (`CommandOptions.Status`).
struct StatusOptions: Sendable {
    /// `--window`: the span availability and latency cover (default 24h).
    var window: Duration
    /// `--component` names, comma lists split (empty: every component). Checked against the
    /// config later, where the known names are.
    var components: [String]

    /// Reads the options; a malformed `--window` is a usage error.
    init(context: CommandContext) throws(UsageError) {
        window = try CommandSupport(context: context).durationOption(CommandOptions.Status.window) ?? .seconds(86_400)
        components = context.invocation.list(CommandOptions.Status.component)
    }
}
