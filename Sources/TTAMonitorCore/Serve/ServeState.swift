/// What the HTTP side of `tta-monitor serve` reads from the running process. The scheduler
/// owns the state; the HTTP server only asks through this protocol, so the two halves of
/// serve are built and tested apart and meet in `ServeCommand`.
public protocol ServeState: Sendable {
    /// The database file serve stores results in and the API reads.
    var databasePath: String { get }
    /// The configuration in force: the last one that loaded. A broken reload keeps it.
    func configInForce() -> MonitoringConfig
    /// Whether serve can do its work (database open, config loaded, scheduler running).
    func readiness() -> ServeReadiness
}

/// `/readyz`'s answer.
public enum ServeReadiness: Sendable, Equatable {
    case ready
    /// Not ready, and why in words fit for an operator (never a secret).
    case notReady(reason: String)
}

/// One line per event on stderr (logfmt or JSON). Fields are written in the order given;
/// values are neutralised for the terminal and masked by the implementation.
public protocol ServeLogger: Sendable {
    func log(_ level: ServeLogLevel, _ event: String, _ fields: [(String, String)])
}

/// The level of a serve log event.
public enum ServeLogLevel: String, Sendable {
    case debug, info, warning, error
}
