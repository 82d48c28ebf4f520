/// The options of one `carbon report` invocation, read by key (`CommandOptions.CarbonReport`).
/// The period options stay text here: they are checked after the config is read (a config
/// error comes first), by `CarbonReportCommand.period`.
struct CarbonReportOptions: Sendable {
    /// `--day` (YYYY-MM-DD, today, yesterday).
    var day: String?
    /// `--since`.
    var since: String?
    /// `--until`.
    var until: String?
    /// `--by`: how rows are grouped (default component; the table allows only known names).
    var dimension: CarbonReport.Dimension

    /// Reads the options.
    init(invocation: ParsedInvocation) {
        day = invocation.value(CommandOptions.CarbonReport.day)
        since = invocation.value(CommandOptions.CarbonReport.since)
        until = invocation.value(CommandOptions.CarbonReport.until)
        dimension = invocation.value(CommandOptions.CarbonReport.by).flatMap(CarbonReport.Dimension.init(rawValue:)) ?? .component
    }
}
