/// One row of `alerts`.
public struct AlertRecord: Sendable {
    /// `alerts.id`.
    public var id: Int64
    /// Rule + check + labels.
    public var fingerprint: String
    /// The rule's name and kind.
    public var rule: String, kind: String
    /// The check, if any.
    public var component: String?
    /// info, warning, critical.
    public var severity: AlertSeverity
    /// pending, firing, resolved.
    public var state: AlertState
    /// Rule labels as stored (JSON object text).
    public var labelsJSON: String
    /// Rendered summary.
    public var summary: String
    /// Runbook link.
    public var runbookURL: String?
    /// Observed value and threshold at the last evaluation.
    public var value: Double?, threshold: Double?
    /// Times (ms).
    public var startedAt: Int64, firedAt: Int64?, resolvedAt: Int64?, lastEvaluatedAt: Int64, lastNotifiedAt: Int64?
    /// Acknowledgement.
    public var ackedAt: Int64?, ackedBy: String?
    /// Current route level and when it was reached.
    public var escalationLevel: Int, escalatedAt: Int64?
    /// `silence:<id>` or `inhibited:<check>` while suppressed.
    public var suppressedBy: String?

    /// The columns `init(row:)` reads.
    static let columns = """
        id, fingerprint, rule, kind, component, severity, state, labels, summary, runbook_url, value, threshold,
        started_at, fired_at, resolved_at, last_evaluated_at, last_notified_at, acked_at, acked_by,
        escalation_level, escalated_at, suppressed_by
        """

    /// The rule labels as pairs.
    var labels: [(String, String)] {
        guard case .object(let members)? = try? JSONParser.parse(labelsJSON) else { return [] }
        return members.compactMap { key, value in value.scalarText.map { (key, $0) } }
    }

    /// The labels a notification carries: the rule's plus `alertname`, `component`, `severity`.
    var notificationLabels: [(String, String)] {
        var result = labels.filter { !["alertname", "component", "severity"].contains($0.0) }
        result.append(("alertname", rule))
        if let component { result.append(("component", component)) }
        result.append(("severity", severity.rawValue))
        return result.sorted { $0.0 < $1.0 }
    }

    /// The documented JSON form (`alerts list`, `show`, `ack`, `resolve`).
    func json(now: Int64) -> JSONValue {
        func time(_ ms: Int64?) -> JSONValue { ms.map { .string(Timestamps.rfc3339(milliseconds: $0)) } ?? .null }
        return .object([
            ("id", .int(id)), ("fingerprint", .string(fingerprint)), ("rule", .string(rule)), ("kind", .string(kind)),
            ("component", .text(component)), ("severity", .string(severity.rawValue)), ("state", .string(state.rawValue)),
            ("labels", .object(labels.map { ($0.0, .string($0.1)) })), ("summary", .string(summary)),
            ("runbook_url", .text(runbookURL)), ("value", .number(value)), ("threshold", .number(threshold)),
            ("started_at", time(startedAt)), ("fired_at", time(firedAt)), ("resolved_at", time(resolvedAt)),
            ("duration_ms", .int((resolvedAt ?? now) - startedAt)),
            ("last_evaluated_at", time(lastEvaluatedAt)), ("last_notified_at", time(lastNotifiedAt)),
            ("acknowledged", .bool(ackedAt != nil)), ("acked_at", time(ackedAt)), ("acked_by", .text(ackedBy)),
            ("escalation_level", .int(Int64(escalationLevel))), ("escalated_at", time(escalatedAt)),
            ("suppressed_by", .text(suppressedBy)),
        ])
    }

    /// The outbox payload for `event`, as the alert stands after it.
    func notification(_ event: AlertNotification.Event, now: Int64) -> AlertNotification {
        AlertNotification(event: event, alertID: id, fingerprint: fingerprint, rule: rule, kind: kind, component: component,
                          severity: severity.rawValue, state: state.rawValue, labels: notificationLabels, summary: summary,
                          runbookURL: runbookURL, value: value, threshold: threshold, startsAt: startedAt,
                          endsAt: resolvedAt, escalationLevel: escalationLevel, createdAt: now)
    }
}

extension AlertRecord {
    /// Reads the current row of a statement selecting `columns`, by column name.
    init(row: Row) throws(StoreError) {
        id = try row.int("id")
        fingerprint = try row.text("fingerprint") ?? ""
        rule = try row.text("rule") ?? ""
        kind = try row.text("kind") ?? ""
        component = try row.text("component")
        severity = try row.value("severity", as: AlertSeverity.self)
        state = try row.value("state", as: AlertState.self)
        labelsJSON = try row.text("labels") ?? "{}"
        summary = try row.text("summary") ?? ""
        runbookURL = try row.text("runbook_url")
        value = try row.optionalDouble("value")
        threshold = try row.optionalDouble("threshold")
        startedAt = try row.int("started_at")
        firedAt = try row.optionalInt("fired_at")
        resolvedAt = try row.optionalInt("resolved_at")
        lastEvaluatedAt = try row.int("last_evaluated_at")
        lastNotifiedAt = try row.optionalInt("last_notified_at")
        ackedAt = try row.optionalInt("acked_at")
        ackedBy = try row.text("acked_by")
        escalationLevel = Int(try row.int("escalation_level"))
        escalatedAt = try row.optionalInt("escalated_at")
        suppressedBy = try row.text("suppressed_by")
    }
}
