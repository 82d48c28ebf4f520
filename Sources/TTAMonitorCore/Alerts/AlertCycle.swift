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

    /// The one-line note `check` prints on stderr when alerts fired or resolved; nil when
    /// nothing a person would want to hear about changed.
    static func note(_ outcome: AlertEvaluator.Outcome) -> String? {
        var parts: [String] = []
        for state in [AlertState.firing, .resolved] {
            let changes = outcome.changes.filter { $0.to == state && ($0.from != .pending || state == .firing) }
            guard !changes.isEmpty else { continue }
            let names = changes.map { change in
                var text = change.component.map { "\(change.rule) on \($0)" } ?? change.rule
                if let suppressed = change.suppressedBy { text += " (\(suppressed))" }
                return text
            }
            parts.append("\(state.rawValue) \(names.joined(separator: ", "))")
        }
        guard !parts.isEmpty else { return nil }
        return "alerts: " + parts.joined(separator: "; ")
    }

    /// "Now" for the `alerts` commands: the clock, or `TTA_MONITOR_NOW_MS` when set (hidden,
    /// for tests that need an instant: escalation and repeats without sleeping).
    static func now(environment: [String: String]) -> Int64 {
        if let text = environment["TTA_MONITOR_NOW_MS"], let value = Int64(text) { return value }
        return WallClock.nowMilliseconds()
    }
}
