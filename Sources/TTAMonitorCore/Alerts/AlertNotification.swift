/// One notification as the outbox stores it (`notifications.payload`) and every channel
/// renders it: a snapshot of the alert at the event that caused the notification.
///
/// The evaluator writes these in the same transaction as the state change; delivery reads
/// them back on this or a later run, so the JSON form is the contract between the two.
public struct AlertNotification: Sendable, Equatable {
    /// What happened.
    public enum Event: String, Sendable, CaseIterable {
        /// The alert started firing.
        case firing
        /// Still firing, `repeat_interval` after the last notification.
        case `repeat`
        /// The condition cleared (or someone resolved it by hand).
        case resolved
        /// Unacknowledged past `escalate_after`: sent to the next route level.
        case escalated
        /// `alerts notify-test`.
        case test
    }

    /// `notifications.id`: receivers may deduplicate on it (delivery is at-least-once).
    public var notificationID: Int64 = 0
    /// The event.
    public var event: Event
    /// `alerts.id`; nil for a test notification.
    public var alertID: Int64?
    /// Rule + check + labels, stable across runs.
    public var fingerprint: String
    /// The rule's name.
    public var rule: String
    /// The rule's kind (status, threshold, …).
    public var kind: String
    /// The check the alert is about, if any.
    public var component: String?
    /// info, warning or critical.
    public var severity: String
    /// pending, firing or resolved, after the event.
    public var state: String
    /// Labels (rule labels plus `alertname`, `component`, `severity`), sorted by key.
    public var labels: [(String, String)]
    /// The rendered summary (placeholders filled in, redacted).
    public var summary: String
    /// The rule's runbook URL.
    public var runbookURL: String?
    /// The observed value, if the rule has one.
    public var value: Double?
    /// The threshold it was compared with.
    public var threshold: Double?
    /// When the condition started (ms since the epoch).
    public var startsAt: Int64
    /// When it resolved (ms), for resolved notifications.
    public var endsAt: Int64?
    /// The route level the notification goes to (0 first; escalation raises it).
    public var escalationLevel: Int = 0
    /// When the notification was created (ms).
    public var createdAt: Int64

    /// Creates a notification.
    public init(event: Event, alertID: Int64?, fingerprint: String, rule: String, kind: String, component: String?,
                severity: String, state: String, labels: [(String, String)], summary: String, runbookURL: String? = nil,
                value: Double? = nil, threshold: Double? = nil, startsAt: Int64, endsAt: Int64? = nil,
                escalationLevel: Int = 0, createdAt: Int64) {
        self.event = event
        self.alertID = alertID
        self.fingerprint = fingerprint
        self.rule = rule
        self.kind = kind
        self.component = component
        self.severity = severity
        self.state = state
        self.labels = labels.sorted { $0.0 < $1.0 }
        self.summary = summary
        self.runbookURL = runbookURL
        self.value = value
        self.threshold = threshold
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.escalationLevel = escalationLevel
        self.createdAt = createdAt
    }

    public static func == (lhs: AlertNotification, rhs: AlertNotification) -> Bool {
        lhs.json == rhs.json
    }

    /// The stored and documented JSON form (the generic webhook body, the `file` channel's
    /// line and the `command` channel's stdin are this document).
    public var json: JSONValue {
        .object([
            ("schema_version", .int(1)),
            ("notification_id", .int(notificationID)),
            ("event", .string(event.rawValue)),
            ("alert_id", alertID.map { .int($0) } ?? .null),
            ("fingerprint", .string(fingerprint)),
            ("rule", .string(rule)),
            ("kind", .string(kind)),
            ("component", component.map { .string($0) } ?? .null),
            ("severity", .string(severity)),
            ("state", .string(state)),
            ("labels", .object(labels.map { ($0.0, .string($0.1)) })),
            ("summary", .string(summary)),
            ("runbook_url", runbookURL.map { .string($0) } ?? .null),
            ("value", value.map { .double($0) } ?? .null),
            ("threshold", threshold.map { .double($0) } ?? .null),
            ("starts_at", .string(Timestamps.rfc3339(milliseconds: startsAt))),
            ("ends_at", endsAt.map { .string(Timestamps.rfc3339(milliseconds: $0)) } ?? .null),
            ("escalation_level", .int(Int64(escalationLevel))),
            ("created_at", .string(Timestamps.rfc3339(milliseconds: createdAt))),
        ])
    }

    /// Reads back what `json` wrote (times are also kept in ms, see `storedJSON`).
    public init?(stored text: String, notificationID: Int64) {
        guard let value = try? JSONParser.parse(text), case .object = value,
              let event = value["event"].flatMap({ $0.scalarText }).flatMap(Event.init(rawValue:)),
              let fingerprint = value["fingerprint"]?.scalarText, let rule = value["rule"]?.scalarText,
              let kind = value["kind"]?.scalarText, let severity = value["severity"]?.scalarText,
              let state = value["state"]?.scalarText, let summary = value["summary"]?.scalarText,
              let startsAt = value["starts_at_ms"]?.number, let createdAt = value["created_at_ms"]?.number
        else { return nil }
        var labels: [(String, String)] = []
        if case .object(let members)? = value["labels"] {
            labels = members.compactMap { key, member in member.scalarText.map { (key, $0) } }
        }
        func optionalString(_ key: String) -> String? {
            if case .string(let text)? = value[key] { return text }
            return nil
        }
        func optionalNumber(_ key: String) -> Double? { value[key]?.number }
        self.init(event: event, alertID: optionalNumber("alert_id").map { Int64($0) }, fingerprint: fingerprint, rule: rule,
                  kind: kind, component: optionalString("component"), severity: severity, state: state, labels: labels,
                  summary: summary, runbookURL: optionalString("runbook_url"), value: optionalNumber("value"),
                  threshold: optionalNumber("threshold"), startsAt: Int64(startsAt),
                  endsAt: optionalNumber("ends_at_ms").map { Int64($0) },
                  escalationLevel: Int(optionalNumber("escalation_level") ?? 0), createdAt: Int64(createdAt))
        self.notificationID = notificationID
    }

    /// What goes into `notifications.payload`: `json` plus the times in ms, so reading it
    /// back needs no date parsing. (`notification_id` is the row id, filled in on read.)
    public var storedJSON: String {
        var stored = json
        stored = stored.setting("starts_at_ms", .int(startsAt))
        stored = stored.setting("ends_at_ms", endsAt.map { .int($0) } ?? .null)
        stored = stored.setting("created_at_ms", .int(createdAt))
        return JSONWriter.render(stored, pretty: false)
    }
}
