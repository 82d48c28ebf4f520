/// The alerting stages. Alerts are evaluated on the stored history, so they only follow
/// stored runs; serve calls them apart (evaluation after each result, delivery on a timer).
extension CheckCycle {
    /// Evaluates the rules (state changes and outbox rows commit together); notes what
    /// fired or resolved. Returns how many notifications were queued.
    @discardableResult
    func evaluateAlerts(now: Int64) throws(StoreError) -> Int {
        guard storesResults, let database else { return 0 }
        let outcome = try AlertEvaluator(database: database, config: config, now: now).evaluate()
        if let text = AlertCycle.note(outcome) { note(text) }
        return outcome.queued
    }

    /// Delivers what is due in the outbox; failures stay there for a later attempt.
    func deliverOutbox(now: Int64) async throws(StoreError) {
        guard storesResults, let database else { return }
        let report = try await OutboxDelivery(database: database, config: config, now: now, environment: environment).deliverDue()
        if let text = report.note { note(text) }
    }
}
