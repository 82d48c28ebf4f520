/// The typed queries over `alerts`, `alert_events`, `silences` and the outbox
/// (`notifications`). Callers hold the transaction.
struct AlertStore {
    let database: Database

    // MARK: - alerts

    /// The alert for `fingerprint` that is not resolved, if any (at most one exists).
    func openAlert(fingerprint: String) throws(StoreError) -> AlertRecord? {
        try first("SELECT \(AlertRecord.columns) FROM alerts WHERE fingerprint = ? AND state <> '\(AlertState.resolved.rawValue)'", [.text(fingerprint)])
    }

    /// The alert with `id`.
    func alert(id: Int64) throws(StoreError) -> AlertRecord? {
        try first("SELECT \(AlertRecord.columns) FROM alerts WHERE id = ?", [.integer(id)])
    }

    /// Every alert not resolved.
    func openAlerts() throws(StoreError) -> [AlertRecord] {
        try all("SELECT \(AlertRecord.columns) FROM alerts WHERE state <> '\(AlertState.resolved.rawValue)' ORDER BY id", [])
    }

    /// Whether any alert is not resolved.
    func hasOpenAlerts() throws(StoreError) -> Bool {
        try database.scalarInt("SELECT 1 FROM alerts WHERE state <> '\(AlertState.resolved.rawValue)' LIMIT 1") != nil
    }

    /// Alerts in `state` (nil: all), newest first, at most `limit`.
    func alerts(state: AlertState?, limit: Int) throws(StoreError) -> [AlertRecord] {
        if let state {
            return try all("SELECT \(AlertRecord.columns) FROM alerts WHERE state = ? ORDER BY started_at DESC, id DESC LIMIT ?",
                           [.text(state.rawValue), .integer(Int64(limit))])
        }
        return try all("SELECT \(AlertRecord.columns) FROM alerts ORDER BY started_at DESC, id DESC LIMIT ?", [.integer(Int64(limit))])
    }

    /// The firing alerts, most severe first, then by when they fired.
    func firingAlerts() throws(StoreError) -> [AlertRecord] {
        try all("""
            SELECT \(AlertRecord.columns) FROM alerts WHERE state = '\(AlertState.firing.rawValue)'
            ORDER BY CASE severity WHEN '\(AlertSeverity.critical.rawValue)' THEN 0 WHEN '\(AlertSeverity.warning.rawValue)' THEN 1 ELSE 2 END,
                fired_at, id
            """, [])
    }

    /// Whether an alert about `component` is firing.
    func isFiring(component: String) throws(StoreError) -> Bool {
        try database.scalarInt("SELECT 1 FROM alerts WHERE component = ? AND state = '\(AlertState.firing.rawValue)' LIMIT 1", [.text(component)]) != nil
    }

    /// Inserts a new alert and returns it with its id.
    func insert(_ record: AlertRecord) throws(StoreError) -> AlertRecord {
        try database.prepare("""
            INSERT INTO alerts (fingerprint, rule, kind, component, severity, state, labels, summary, runbook_url, value,
                threshold, started_at, fired_at, last_evaluated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run([.text(record.fingerprint), .text(record.rule), .text(record.kind), optional(record.component),
                      .text(record.severity.rawValue), .text(record.state.rawValue), .text(record.labelsJSON), .text(record.summary),
                      optional(record.runbookURL), optional(record.value), optional(record.threshold),
                      .integer(record.startedAt), optional(record.firedAt), .integer(record.lastEvaluatedAt)])
        var inserted = record
        inserted.id = database.lastInsertRowID
        return inserted
    }

    /// Writes every mutable field of `record` back.
    func update(_ record: AlertRecord) throws(StoreError) {
        try database.prepare("""
            UPDATE alerts SET state = ?, severity = ?, summary = ?, runbook_url = ?, value = ?, threshold = ?, started_at = ?,
                fired_at = ?, resolved_at = ?, last_evaluated_at = ?, last_notified_at = ?, acked_at = ?, acked_by = ?,
                escalation_level = ?, escalated_at = ?, suppressed_by = ?
            WHERE id = ?
            """).run([.text(record.state.rawValue), .text(record.severity.rawValue), .text(record.summary), optional(record.runbookURL),
                      optional(record.value), optional(record.threshold), .integer(record.startedAt), optional(record.firedAt),
                      optional(record.resolvedAt), .integer(record.lastEvaluatedAt), optional(record.lastNotifiedAt),
                      optional(record.ackedAt), optional(record.ackedBy), .integer(Int64(record.escalationLevel)),
                      optional(record.escalatedAt), optional(record.suppressedBy), .integer(record.id)])
    }

    // MARK: - events

    /// Records an event in the alert's history.
    func addEvent(alertID: Int64, at ts: Int64, _ event: AlertEventKind, detail: String? = nil) throws(StoreError) {
        try database.prepare("INSERT INTO alert_events (alert_id, ts, event, detail) VALUES (?, ?, ?, ?)")
            .run([.integer(alertID), .integer(ts), .text(event.rawValue), optional(detail)])
    }

    /// One row of `alert_events` with its alert's rule, check and severity.
    struct Event: Sendable {
        var id: Int64, alertID: Int64, ts: Int64, event: String, detail: String?
        var rule: String, component: String?, severity: String

        /// The documented JSON form.
        var json: JSONValue {
            .object([("id", .int(id)), ("ts", .string(Timestamps.rfc3339(milliseconds: ts))), ("alert_id", .int(alertID)),
                     ("rule", .string(rule)), ("component", .text(component)), ("severity", .string(severity)),
                     ("event", .string(event)), ("detail", .text(detail))])
        }
    }

    /// Events of one alert (oldest first) or of every alert (newest first, at most `limit`).
    func events(alertID: Int64? = nil, since: Int64 = Int64.min, limit: Int = 1_000) throws(StoreError) -> [Event] {
        let sql = """
            SELECT e.id, e.alert_id, e.ts, e.event, e.detail, a.rule, a.component, a.severity
            FROM alert_events AS e JOIN alerts AS a ON a.id = e.alert_id
            WHERE \(alertID == nil ? "e.ts >= ?" : "e.alert_id = ?")
            ORDER BY e.ts \(alertID == nil ? "DESC" : "ASC"), e.id \(alertID == nil ? "DESC" : "ASC") LIMIT ?
            """
        let statement = try database.prepare(sql)
        try statement.bind([alertID.map { .integer($0) } ?? .integer(since), .integer(Int64(limit))])
        var result: [Event] = []
        while try statement.step() {
            let row = statement.row
            result.append(Event(id: try row.int("id"), alertID: try row.int("alert_id"), ts: try row.int("ts"),
                                event: try row.text("event") ?? "", detail: try row.text("detail"), rule: try row.text("rule") ?? "",
                                component: try row.text("component"), severity: try row.text("severity") ?? ""))
        }
        return result
    }

    // MARK: - outbox

    /// Queues `notification` for each of `channels` (one row each, due now). Returns the rows written.
    @discardableResult
    func enqueue(_ notification: AlertNotification, channels: [String], now: Int64) throws(StoreError) -> Int {
        guard !channels.isEmpty else { return 0 }
        let insert = try database.prepare("""
            INSERT INTO notifications (alert_id, channel, event, payload, created_at, attempts, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, 0, ?)
            """)
        let payload = notification.storedJSON
        for channel in channels {
            try insert.run([notification.alertID.map { .integer($0) } ?? .null, .text(channel), .text(notification.event.rawValue),
                            .text(payload), .integer(now), .integer(now)])
        }
        return channels.count
    }

    /// Channels that were sent this alert's firing, repeat or escalated notifications, in
    /// the order they were first used: the ones a resolved notification goes to.
    func notifiedChannels(alertID: Int64) throws(StoreError) -> [String] {
        let statement = try database.prepare("""
            SELECT channel FROM notifications WHERE alert_id = ?
                AND event IN ('\(AlertNotification.Event.firing.rawValue)', '\(AlertNotification.Event.repeat.rawValue)',
                              '\(AlertNotification.Event.escalated.rawValue)')
            GROUP BY channel ORDER BY MIN(id)
            """)
        try statement.bind([.integer(alertID)])
        var result: [String] = []
        while try statement.step() { result.append(try statement.row.text("channel") ?? "") }
        return result
    }

    /// One outbox row, for `alerts show`.
    struct OutboxRow: Sendable {
        var id: Int64, channel: String, event: String, createdAt: Int64, attempts: Int64, nextAttemptAt: Int64
        var deliveredAt: Int64?, lastError: String?

        /// The documented JSON form.
        var json: JSONValue {
            .object([("id", .int(id)), ("channel", .string(channel)), ("event", .string(event)),
                     ("created_at", .string(Timestamps.rfc3339(milliseconds: createdAt))), ("attempts", .int(attempts)),
                     ("next_attempt_at", .string(Timestamps.rfc3339(milliseconds: nextAttemptAt))),
                     ("delivered_at", deliveredAt.map { .string(Timestamps.rfc3339(milliseconds: $0)) } ?? .null),
                     ("last_error", .text(lastError))])
        }
    }

    /// The outbox rows of one alert, oldest first.
    func notifications(alertID: Int64) throws(StoreError) -> [OutboxRow] {
        let statement = try database.prepare("""
            SELECT id, channel, event, created_at, attempts, next_attempt_at, delivered_at, last_error
            FROM notifications WHERE alert_id = ? ORDER BY id
            """)
        try statement.bind([.integer(alertID)])
        var result: [OutboxRow] = []
        while try statement.step() {
            let row = statement.row
            result.append(OutboxRow(id: try row.int("id"), channel: try row.text("channel") ?? "", event: try row.text("event") ?? "",
                                    createdAt: try row.int("created_at"), attempts: try row.int("attempts"),
                                    nextAttemptAt: try row.int("next_attempt_at"), deliveredAt: try row.optionalInt("delivered_at"),
                                    lastError: try row.text("last_error")))
        }
        return result
    }

    // MARK: - silences

    /// Silences not removed and not expired at `now`.
    func activeSilences(now: Int64) throws(StoreError) -> [SilenceRecord] {
        try silences("SELECT \(SilenceRecord.columns) FROM silences WHERE removed_at IS NULL AND expires_at > ? ORDER BY id", [.integer(now)])
    }

    /// The silence with `id`.
    func silence(id: Int64) throws(StoreError) -> SilenceRecord? {
        try silences("SELECT \(SilenceRecord.columns) FROM silences WHERE id = ?", [.integer(id)]).first
    }

    /// Adds a silence and returns it.
    func addSilence(component: String?, rule: String?, now: Int64, expiresAt: Int64, comment: String?, createdBy: String?) throws(StoreError) -> SilenceRecord {
        try database.prepare("""
            INSERT INTO silences (component, rule, created_at, expires_at, comment, created_by) VALUES (?, ?, ?, ?, ?, ?)
            """).run([optional(component), optional(rule), .integer(now), .integer(expiresAt), optional(comment), optional(createdBy)])
        guard let silence = try silence(id: database.lastInsertRowID) else {
            throw StoreError("silence vanished after insert", path: database.path)
        }
        return silence
    }

    /// Ends a silence now.
    func removeSilence(id: Int64, now: Int64) throws(StoreError) {
        try database.prepare("UPDATE silences SET removed_at = ? WHERE id = ? AND removed_at IS NULL").run([.integer(now), .integer(id)])
    }

    // MARK: - helpers

    private func silences(_ sql: String, _ values: [Statement.Value]) throws(StoreError) -> [SilenceRecord] {
        let statement = try database.prepare(sql)
        try statement.bind(values)
        var result: [SilenceRecord] = []
        while try statement.step() { result.append(try SilenceRecord(row: statement.row)) }
        return result
    }

    private func first(_ sql: String, _ values: [Statement.Value]) throws(StoreError) -> AlertRecord? {
        try all(sql, values).first
    }

    private func all(_ sql: String, _ values: [Statement.Value]) throws(StoreError) -> [AlertRecord] {
        let statement = try database.prepare(sql)
        try statement.bind(values)
        var result: [AlertRecord] = []
        while try statement.step() { result.append(try AlertRecord(row: statement.row)) }
        return result
    }

    private func optional(_ text: String?) -> Statement.Value { text.map { .text($0) } ?? .null }
    private func optional(_ number: Double?) -> Statement.Value { number.map { $0.isFinite ? .real($0) : .null } ?? .null }
    private func optional(_ number: Int64?) -> Statement.Value { number.map { .integer($0) } ?? .null }
}
