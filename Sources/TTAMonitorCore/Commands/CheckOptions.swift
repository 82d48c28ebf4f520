/// The checked options of one `check` invocation, read by key (`CommandOptions.Check`) so a
/// misspelt option cannot compile. Every mistake is a usage error found before the config
/// is read, in the order the options were always checked.
struct CheckOptions: Sendable {
    /// `--format`, `--json` and `--output`: which reports go where.
    var plan: ReportOutputPlan
    /// `--timeout`: replaces each check's own timeout.
    var timeout: Duration?
    /// `--concurrency`: checks in flight at once (1…1024).
    var concurrency: Int?
    /// `--fail-on`: the lowest status that makes the exit status non-zero (default warning).
    var failOn: CheckStatus
    /// `--no-store`: do not write the results.
    var noStore: Bool

    /// Reads and validates the options of `context`'s invocation.
    init(context: CommandContext) throws(UsageError) {
        let invocation = context.invocation
        let support = CommandSupport(context: context)
        plan = try ReportOutputPlan(format: invocation.value(CommandOptions.Check.format), json: context.wantsJSON,
                                    outputs: invocation.occurrences(CommandOptions.Check.output),
                                    commandPath: invocation.commandPath)
        timeout = try support.durationOption(CommandOptions.Check.timeout)
        concurrency = try support.intOption(CommandOptions.Check.concurrency, range: 1...1_024)
        // The table allows only warning and critical, so anything but critical is warning.
        failOn = invocation.value(CommandOptions.Check.failOn) == "critical" ? .critical : .warning
        noStore = invocation.flag(CommandOptions.Check.noStore)
    }
}
