/// `alerts ack ID` and `alerts resolve ID`: what a person does to one alert.
enum AlertsActionCommand {
    /// Acknowledges a firing or pending alert: escalation and repeats stop.
    static func ack(_ context: CommandContext) async throws -> ExitCode {
        let alerts = AlertsCommandSupport(context: context)
        let id = try alerts.id("alert")
        let config = try alerts.support.optionalConfig()
        let database = try alerts.existingDatabase(config: config)
        let now = alerts.now
        let outcome = try database.writeTransaction { () throws(StoreError) -> (AlertRecord, Bool) in
            var alert = try alerts.alert(id, in: database)
            guard alert.state != .resolved, alert.ackedAt == nil else { return (alert, false) }
            try AlertLifecycle(store: AlertStore(database: database), config: config?.alerts ?? AlertsConfig(), now: now)
                .acknowledge(&alert, by: alerts.user)
            return (alert, true)
        }
        let (alert, changed) = outcome
        let text: String
        if changed {
            text = "Acknowledged alert \(id) (\(AlertsCommandSupport.subject(alert))): no more escalation or repeats."
        } else if alert.state == .resolved {
            text = "Alert \(id) is already resolved; nothing to acknowledge."
        } else {
            text = "Alert \(id) was already acknowledged."
        }
        alerts.printAlert(alert, text: text)
        return .ok
    }

    /// Resolves an alert by hand and notifies the channels that were told it fired. If the
    /// condition still holds, the next evaluation opens a new alert.
    static func resolve(_ context: CommandContext) async throws -> ExitCode {
        let alerts = AlertsCommandSupport(context: context)
        let id = try alerts.id("alert")
        let config = try alerts.support.optionalConfig()
        let database = try alerts.existingDatabase(config: config)
        let now = alerts.now
        let outcome = try database.writeTransaction { () throws(StoreError) -> (AlertRecord, Int, Bool) in
            var alert = try alerts.alert(id, in: database)
            guard alert.state != .resolved else { return (alert, 0, false) }
            let queued = try AlertLifecycle(store: AlertStore(database: database), config: config?.alerts ?? AlertsConfig(), now: now)
                .resolve(&alert, detail: "resolved by hand" + (alerts.user.map { " by \($0)" } ?? ""))
            return (alert, queued, true)
        }
        let (alert, queued, changed) = outcome
        if changed, queued > 0, let config {
            let report = try await OutboxDelivery(database: database, config: config, now: now, environment: context.environment).deliverDue()
            if report.failed > 0 { context.note("note: \(report.failed) notification(s) could not be delivered yet; they stay queued") }
        }
        let text = changed
            ? "Resolved alert \(id) (\(AlertsCommandSupport.subject(alert))); \(queued) notification(s) queued."
            : "Alert \(id) is already resolved."
        alerts.printAlert(alert, text: text, queued: queued)
        return .ok
    }
}
