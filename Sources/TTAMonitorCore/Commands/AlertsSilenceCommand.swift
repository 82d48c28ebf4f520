/// `alerts silence` and `alerts unsilence ID`.
enum AlertsSilenceCommand {
    /// `alerts silence --component C [--rule R] --for D [--comment T]` (`--rule` alone
    /// silences a rule on every check).
    static func silence(_ context: CommandContext) async throws -> ExitCode {
        let alerts = AlertsCommandSupport(context: context)
        let options = try AlertsSilenceOptions(context: context)
        let (component, rule, duration) = (options.component, options.rule, options.duration)
        let config = try alerts.support.optionalConfig()
        if let config {
            if let component { _ = try alerts.support.resolveNames([component], among: config.checks.map(\.name), what: "component") }
            if let rule { _ = try alerts.support.resolveNames([rule], among: config.alerts.rules.map(\.name), what: "rule") }
        }
        let database = try alerts.support.openDatabase(try alerts.support.databasePath(config: config), config: config)
        let now = alerts.now
        let silence = try database.writeTransaction { () throws(StoreError) -> SilenceRecord in
            try AlertStore(database: database).addSilence(component: component, rule: rule, now: now,
                                                          expiresAt: now + duration.milliseconds,
                                                          comment: options.comment, createdBy: alerts.user)
        }
        if context.wantsJSON {
            context.console.out(JSONWriter.render(.object([("schema_version", .int(1)), ("silence", silence.json(now: now))])) + "\n")
        } else if !context.quiet {
            let what = [component.map { "component \($0)" }, rule.map { "rule \($0)" }].compactMap { $0 }.joined(separator: ", ")
            context.console.out("Silence \(silence.id): \(what) until \(Timestamps.rfc3339(milliseconds: silence.expiresAt)).\n")
        }
        return .ok
    }

    /// `alerts unsilence ID`: ends a silence now; alerts still firing notify at the next
    /// evaluation.
    static func unsilence(_ context: CommandContext) async throws -> ExitCode {
        let alerts = AlertsCommandSupport(context: context)
        let id = try alerts.id("silence")
        let database = try alerts.existingDatabase(config: try alerts.support.optionalConfig())
        let now = alerts.now
        let silence = try database.writeTransaction { () throws(StoreError) -> SilenceRecord in
            let store = AlertStore(database: database)
            guard try store.silence(id: id) != nil else { throw StoreError.missing("no silence with id \(id)", path: database.path) }
            try store.removeSilence(id: id, now: now)
            guard let silence = try store.silence(id: id) else { throw StoreError("silence vanished", path: database.path) }
            return silence
        }
        if context.wantsJSON {
            context.console.out(JSONWriter.render(.object([("schema_version", .int(1)), ("silence", silence.json(now: now))])) + "\n")
        } else if !context.quiet {
            context.console.out("Silence \(id) removed.\n")
        }
        return .ok
    }
}
