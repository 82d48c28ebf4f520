/// `alerts list`, `alerts show ID` and `alerts history`: what the alert tables hold.
enum AlertsListCommand {
    /// `alerts list [--state firing|pending|resolved|all]` (default firing), with the
    /// active silences.
    static func list(_ context: CommandContext) async throws -> ExitCode {
        let alerts = AlertsCommandSupport(context: context)
        let config = try alerts.support.optionalConfig()
        let options = AlertsListOptions(invocation: context.invocation)
        let state = options.state
        let now = alerts.now
        var records: [AlertRecord] = []
        var silences: [SilenceRecord] = []
        let path = try alerts.support.databasePath(config: config)
        if alerts.support.locator.exists(path) {
            let database = try alerts.support.openDatabase(path, config: config)
            let store = AlertStore(database: database)
            try database.readTransaction { () throws(StoreError) in
                records = try store.alerts(state: options.filter, limit: 10_000)
                silences = try store.activeSilences(now: now)
            }
        }
        if context.wantsJSON {
            let document: JSONValue = .object([
                ("schema_version", .int(1)), ("generated_at", .string(Timestamps.rfc3339(milliseconds: now))),
                ("state", .string(state)), ("alerts", .array(records.map { $0.json(now: now) })),
                ("silences", .array(silences.map { $0.json(now: now) })),
            ])
            context.console.out(JSONWriter.render(document) + "\n")
            return .ok
        }
        var text = ""
        if records.isEmpty {
            text += state == "all" ? "No alerts.\n" : "No \(state) alerts.\n"
        } else {
            var table = TextTable(headers: ["ID", "STATE", "SEVERITY", "RULE", "COMPONENT", "SINCE", "VALUE", "NOTE", "SUMMARY"],
                                  alignments: [.right, .left, .left, .left, .left, .right, .right, .left, .left])
            for record in records {
                var notes: [String] = []
                if record.ackedAt != nil { notes.append("acked") }
                if let suppressed = record.suppressedBy { notes.append(suppressed) }
                if record.escalationLevel > 0 { notes.append("level \(record.escalationLevel)") }
                table.add(["\(record.id)", record.state.rawValue, record.severity.rawValue, record.rule, record.component ?? "-",
                           Timestamps.age(milliseconds: (record.resolvedAt ?? now) - record.startedAt),
                           AlertNumber.text(record.value), notes.isEmpty ? "-" : notes.joined(separator: ","), record.summary])
            }
            text += table.render(header: context.style.bold)
        }
        if !silences.isEmpty {
            var table = TextTable(headers: ["SILENCE", "COMPONENT", "RULE", "EXPIRES IN", "COMMENT"],
                                  alignments: [.right, .left, .left, .right, .left])
            for silence in silences {
                table.add(["\(silence.id)", silence.component ?? "*", silence.rule ?? "*",
                           Timestamps.age(milliseconds: silence.expiresAt - now), silence.comment ?? ""])
            }
            text += "\n" + table.render(header: context.style.bold)
        }
        context.console.out(text)
        return .ok
    }

    /// `alerts show ID`: the alert, its events and its outbox rows.
    static func show(_ context: CommandContext) async throws -> ExitCode {
        let alerts = AlertsCommandSupport(context: context)
        let id = try alerts.id("alert")
        let database = try alerts.existingDatabase(config: try alerts.support.optionalConfig())
        let store = AlertStore(database: database)
        var record: AlertRecord?
        var events: [AlertStore.Event] = []
        var rows: [AlertStore.OutboxRow] = []
        try database.readTransaction { () throws(StoreError) in
            record = try alerts.alert(id, in: database)
            events = try store.events(alertID: id)
            rows = try store.notifications(alertID: id)
        }
        guard let record else { return .software }
        let now = alerts.now
        if context.wantsJSON {
            let document: JSONValue = .object([
                ("schema_version", .int(1)), ("alert", record.json(now: now)),
                ("events", .array(events.map(\.json))), ("notifications", .array(rows.map(\.json))),
            ])
            context.console.out(JSONWriter.render(document) + "\n")
            return .ok
        }
        func time(_ ms: Int64?) -> String { ms.map { Timestamps.rfc3339(milliseconds: $0) } ?? "-" }
        var text = "Alert \(record.id): \(TerminalSafeText.neutralise(AlertsCommandSupport.subject(record)))\n"
        let fields: [(String, String)] = [
            ("state", record.state.rawValue), ("severity", record.severity.rawValue), ("kind", record.kind), ("summary", record.summary),
            ("value", AlertNumber.text(record.value)), ("threshold", AlertNumber.text(record.threshold)),
            ("started", time(record.startedAt)), ("fired", time(record.firedAt)), ("resolved", time(record.resolvedAt)),
            ("acknowledged", record.ackedAt.map { time($0) + (record.ackedBy.map { " by \($0)" } ?? "") } ?? "no"),
            ("escalation level", "\(record.escalationLevel)"), ("suppressed by", record.suppressedBy ?? "-"),
            ("labels", record.labels.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")),
            ("runbook", record.runbookURL ?? "-"), ("fingerprint", record.fingerprint),
        ]
        for (name, value) in fields {
            // Summaries and labels carry target text; an old database may hold it raw.
            text += "  \(name):" + String(repeating: " ", count: max(1, 18 - name.count)) + TerminalSafeText.neutralise(value) + "\n"
        }
        var eventTable = TextTable(headers: ["TIME", "EVENT", "DETAIL"])
        for event in events { eventTable.add([time(event.ts), event.event, event.detail ?? ""]) }
        text += "\n" + eventTable.render(header: context.style.bold)
        if !rows.isEmpty {
            var outbox = TextTable(headers: ["NOTIFICATION", "CHANNEL", "EVENT", "CREATED", "ATTEMPTS", "DELIVERED", "ERROR"],
                                   alignments: [.right, .left, .left, .left, .right, .left, .left])
            for row in rows {
                outbox.add(["\(row.id)", row.channel, row.event, time(row.createdAt), "\(row.attempts)",
                            row.deliveredAt.map(time) ?? "pending", row.lastError ?? ""])
            }
            text += "\n" + outbox.render(header: context.style.bold)
        }
        context.console.out(text)
        return .ok
    }

    /// `alerts history [--since D]`: alert events, newest first.
    static func history(_ context: CommandContext) async throws -> ExitCode {
        let alerts = AlertsCommandSupport(context: context)
        let config = try alerts.support.optionalConfig()
        let since = try AlertsHistoryOptions(context: context).since
        let now = alerts.now
        var events: [AlertStore.Event] = []
        let path = try alerts.support.databasePath(config: config)
        if alerts.support.locator.exists(path) {
            events = try AlertStore(database: try alerts.support.openDatabase(path, config: config)).events(since: now - since.milliseconds, limit: 10_000)
        }
        if context.wantsJSON {
            let document: JSONValue = .object([
                ("schema_version", .int(1)), ("since", .string(Timestamps.rfc3339(milliseconds: now - since.milliseconds))),
                ("events", .array(events.map(\.json))),
            ])
            context.console.out(JSONWriter.render(document) + "\n")
            return .ok
        }
        guard !events.isEmpty else {
            context.console.out("No alert events in the last \(DurationParser.format(since)).\n")
            return .ok
        }
        var table = TextTable(headers: ["TIME", "ALERT", "EVENT", "SEVERITY", "RULE", "COMPONENT", "DETAIL"],
                              alignments: [.left, .right, .left, .left, .left, .left, .left])
        for event in events {
            table.add([Timestamps.rfc3339(milliseconds: event.ts), "\(event.alertID)", event.event, event.severity, event.rule,
                       event.component ?? "-", event.detail ?? ""])
        }
        context.console.out(table.render(header: context.style.bold))
        return .ok
    }
}
