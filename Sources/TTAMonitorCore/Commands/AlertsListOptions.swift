/// The options of one `alerts list` invocation, read by key (`CommandOptions.AlertsList`).
struct AlertsListOptions: Sendable {
    /// `--state` as given (default firing; the table allows only firing, pending, resolved
    /// and all). The report echoes it, `all` included.
    var state: String

    /// The state to select, nil for every state (`all`).
    var filter: AlertState? { AlertState(rawValue: state) }

    /// Reads the options.
    init(invocation: ParsedInvocation) {
        state = invocation.value(CommandOptions.AlertsList.state) ?? AlertState.firing.rawValue
    }
}
