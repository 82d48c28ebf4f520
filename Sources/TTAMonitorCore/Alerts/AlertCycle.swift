/// Evaluation followed by delivery: what the end of every stored `check` run and
/// `alerts evaluate` do.
enum AlertCycle {
    /// Evaluates the rules (state changes and outbox rows commit together), then delivers
    /// what is due. Delivery failures stay in the outbox for the next run.
    static func run(database: Database, config: MonitoringConfig, now: Int64,
                    environment: [String: String]) async throws(StoreError) -> (AlertEvaluator.Outcome, OutboxDelivery.Report) {
        let outcome = try AlertEvaluator(database: database, config: config, now: now).evaluate()
        let report = try await OutboxDelivery(database: database, config: config, now: now, environment: environment).deliverDue()
        return (outcome, report)
    }
}
