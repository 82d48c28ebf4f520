/// Delivers due notifications from the outbox (`notifications` table) to their channels,
/// at-least-once, with retries and backoff on later runs.
///
/// Placeholder until delivery lands: delivers nothing.
struct OutboxDelivery {
    /// What one delivery pass did.
    struct Report: Sendable {
        /// Notifications delivered.
        var delivered = 0
        /// Notifications that failed this time (kept for a later run).
        var failed = 0
    }

    let database: Database
    let config: MonitoringConfig
    let now: Int64
    let environment: [String: String]

    /// Delivers every notification whose next attempt is due. A receiver that is down is
    /// recorded on the row and retried later; this never throws for that.
    func deliverDue() async throws(StoreError) -> Report { Report() }
}
