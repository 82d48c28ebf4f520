/// Evaluates the alert rules against stored results and writes alert state changes and the
/// notifications they cause (the outbox) in one transaction.
///
/// Placeholder until the alert rules land: evaluates nothing.
struct AlertEvaluator {
    /// What one evaluation changed.
    struct Outcome: Sendable {
        /// Notifications written to the outbox.
        var queued = 0
    }

    let database: Database
    let config: MonitoringConfig
    let now: Int64

    /// Evaluates every rule once.
    func evaluate() throws(StoreError) -> Outcome { Outcome() }
}
