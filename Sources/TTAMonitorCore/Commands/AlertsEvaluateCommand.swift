/// `alerts evaluate`: evaluates every rule against the stored results now, then delivers
/// what is due from the outbox (the same cycle as the end of a stored `check` run).
enum AlertsEvaluateCommand {
    static func run(_ context: CommandContext) async throws -> ExitCode {
        let alerts = AlertsCommandSupport(context: context)
        let config = try alerts.support.requiredConfig()
        let database = try alerts.support.openDatabase(try alerts.support.databasePath(config: config), config: config)
        let now = alerts.now
        let (outcome, report) = try await AlertCycle.run(database: database, config: config, now: now, environment: context.environment)
        if context.wantsJSON {
            let document: JSONValue = .object([
                ("schema_version", .int(1)), ("evaluated_at", .string(Timestamps.rfc3339(milliseconds: now))),
                ("rules", .int(Int64(config.alerts.rules.count))), ("evaluations", .int(Int64(outcome.evaluated))),
                ("firing", .int(Int64(outcome.firing))), ("pending", .int(Int64(outcome.pending))),
                ("changes", .array(outcome.changes.map { change in
                    .object([("alert_id", .int(change.alertID)), ("rule", .string(change.rule)), ("component", .text(change.component)),
                             ("from", .text(change.from?.rawValue)), ("to", .string(change.to.rawValue)), ("suppressed_by", .text(change.suppressedBy)),
                             ("summary", .string(change.summary))])
                })),
                ("notifications_queued", .int(Int64(outcome.queued))),
                ("delivered", .int(Int64(report.delivered))), ("failed", .int(Int64(report.failed))),
            ])
            context.console.out(JSONWriter.render(document) + "\n")
            return .ok
        }
        guard !context.quiet else { return .ok }
        var text = ""
        if !outcome.changes.isEmpty {
            var table = TextTable(headers: ["ID", "RULE", "COMPONENT", "FROM", "TO", "NOTE", "SUMMARY"],
                                  alignments: [.right, .left, .left, .left, .left, .left, .left])
            for change in outcome.changes {
                table.add(["\(change.alertID)", change.rule, change.component ?? "-", change.from?.rawValue ?? "new", change.to.rawValue,
                           change.suppressedBy ?? "-", change.summary])
            }
            text += table.render(header: context.style.bold) + "\n"
        }
        text += "Evaluated \(config.alerts.rules.count) rule(s) (\(outcome.evaluated) evaluations): \(outcome.firing) firing, "
            + "\(outcome.pending) pending; \(outcome.queued) notification(s) queued, \(report.delivered) delivered, \(report.failed) failed.\n"
        context.console.out(text)
        return .ok
    }
}
