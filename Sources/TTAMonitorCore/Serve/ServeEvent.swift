/// What reaches serve's writer: the one task that owns the database connection, so stores,
/// alert evaluation and delivery never run at the same time as each other.
enum ServeEvent: Sendable {
    /// A check was probed; its results are to be settled (pipeline, store, alerts).
    case probed(CheckConfig, [CheckResult], startedAt: Int64)
    /// The outbox timer: deliver what is due (retries included).
    case deliver
    /// Reload the config (SIGHUP, or the file changed).
    case reload(reason: String)
    /// A termination signal: stop gracefully.
    case stop(signal: Int32)
    /// Every check loop has ended after a stop.
    case drained
    /// The time for in-flight probes after a stop is up.
    case drainDeadline
}
