/// Steps the `alerts` subcommands share: the database, ids, "now", the user's name.
struct AlertsCommandSupport {
    let context: CommandContext
    var support: CommandSupport { CommandSupport(context: context) }

    /// "Now" (`TTA_MONITOR_NOW_MS` overrides it for tests).
    var now: Int64 { AlertCycle.now(environment: context.environment) }

    /// Who is acting, for `acked_by` and `created_by`.
    var user: String? { context.environment["USER"] ?? context.environment["LOGNAME"] }

    /// The database, which must exist (nothing to act on otherwise).
    func existingDatabase(config: MonitoringConfig?) throws -> Database {
        let path = try support.databasePath(config: config)
        guard support.locator.exists(path) else {
            throw StoreError.missing("no database yet; run 'tta-monitor check' first (or pass --db)", path: path)
        }
        return try support.openDatabase(path, config: config)
    }

    /// The positional id argument.
    func id(_ what: String) throws(UsageError) -> Int64 {
        let text = context.invocation.arguments.first ?? ""
        guard let id = Int64(text), id > 0 else {
            throw UsageError("The value '\(text)' is invalid for '<id>'. Use the \(what) id shown by 'tta-monitor alerts list'.",
                             commandPath: context.invocation.commandPath)
        }
        return id
    }

    /// The alert `id`, or exit 66 naming it.
    func alert(_ id: Int64, in database: Database) throws(StoreError) -> AlertRecord {
        guard let alert = try AlertStore(database: database).alert(id: id) else {
            throw StoreError.missing("no alert with id \(id)", path: database.path)
        }
        return alert
    }

    /// Prints one alert document (`--json`) or a line of text.
    func printAlert(_ alert: AlertRecord, text: String, queued: Int? = nil) {
        if context.wantsJSON {
            var members: [(String, JSONValue)] = [("schema_version", .int(1)), ("alert", alert.json(now: now))]
            if let queued { members.append(("notifications_queued", .int(Int64(queued)))) }
            context.console.out(JSONWriter.render(.object(members)) + "\n")
        } else if !context.quiet {
            context.console.out(text + "\n")
        }
    }

    /// `rule on check` or the rule alone.
    static func subject(_ alert: AlertRecord) -> String {
        alert.component.map { "\(alert.rule) on \($0)" } ?? alert.rule
    }
}
