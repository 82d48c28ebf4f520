/// What one row of `alert_events` records, as `alert_events.event` stores it.
enum AlertEventKind: String, Sendable {
    /// The alert opened pending.
    case pending
    /// pending → firing.
    case firing
    /// → resolved.
    case resolved
    /// A repeat notification went out.
    case `repeat`
    /// The alert reached the next route level.
    case escalated
    /// A silence started holding its notifications back.
    case silenced
    /// A firing dependency started holding its notifications back.
    case inhibited
    /// The silence or inhibition ended.
    case unsuppressed
    /// Someone acknowledged it.
    case acked
}
