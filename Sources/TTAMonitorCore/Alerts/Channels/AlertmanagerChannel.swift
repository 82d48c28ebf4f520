/// `type: alertmanager`: one POST per delivery pass to Alertmanager's `/api/v2/alerts`,
/// carrying every notification as an alert.
///
/// Alertmanager expects its clients to re-send firing alerts and resolves one it has not
/// heard about by its `endsAt`. tta-monitor speaks only on events (firing, repeat,
/// escalation, resolved), so a firing alert's `endsAt` is the send time plus
/// `resolve_timeout`, which should exceed `repeat_interval`; a resolved one's is the
/// resolve time, which makes Alertmanager resolve it at once.
public struct AlertmanagerChannel: Sendable {
    /// The default for `resolve_timeout`: above the design's 4h `repeat_interval`, so a
    /// repeat arrives before Alertmanager gives up on the alert.
    static let defaultResolveTimeout = Duration.seconds(6 * 3_600)
    /// How long a `notify-test` alert stays active in Alertmanager.
    static let testAlertLifetime = Duration.seconds(300)

    /// The base URL (`http://localhost:9093`); may carry credentials (masked when shown).
    public var url: String
    /// Extra request headers (values never shown).
    public var headers: [HTTPHeader] = []
    /// How long after the send a firing alert ends unless tta-monitor sends it again.
    public var resolveTimeout: Duration = AlertmanagerChannel.defaultResolveTimeout

    /// Where alerts are posted.
    var endpoint: String {
        var base = url
        if base.hasSuffix("/api/v2/alerts") { return base }
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/api/v2/alerts"
    }

    /// Reads the type's keys: url, headers, resolve_timeout.
    static func read(_ reader: inout MappingReader, channel: String) throws(ConfigError) -> AlertmanagerChannel {
        let url = try AlertChannelReader.httpURL(&reader, channel: channel, type: "alertmanager",
                                                 example: "url: http://localhost:9093")
        var alertmanager = AlertmanagerChannel(url: url)
        alertmanager.headers = try AlertChannelReader.headers(&reader)
        if let node = reader.node("resolve_timeout") {
            let timeout = try reader.duration(node, path: reader.keyPath("resolve_timeout"))
            guard timeout > .zero else { throw reader.error("'\(reader.keyPath("resolve_timeout"))' must be longer than zero", at: node) }
            alertmanager.resolveTimeout = timeout
        }
        return alertmanager
    }

    /// The JSON array Alertmanager's API takes.
    func body(_ notifications: [AlertNotification], sentAt: Int64) -> JSONValue {
        .array(notifications.map { alert($0, sentAt: sentAt) })
    }

    /// One alert: labels identify it (the notification's labels plus alertname, severity
    /// and component), annotations describe it.
    func alert(_ notification: AlertNotification, sentAt: Int64) -> JSONValue {
        var labels: [(String, String)] = []
        func add(_ name: String, _ value: String) {
            let key = Self.labelName(name)
            guard !value.isEmpty, !labels.contains(where: { $0.0 == key }) else { return }
            labels.append((key, value))
        }
        add("alertname", notification.labels.first { $0.0 == "alertname" }?.1 ?? notification.rule)
        add("severity", notification.severity)
        if let component = notification.component { add("component", component) }
        for (name, value) in notification.labels { add(name, value) }
        labels.sort { $0.0 < $1.0 }

        var annotations: [(String, JSONValue)] = [("summary", .string(notification.summary))]
        if let runbook = notification.runbookURL { annotations.append(("runbook_url", .string(runbook))) }
        if let value = notification.value { annotations.append(("value", .string(JSONWriter.format(value)))) }
        if let threshold = notification.threshold { annotations.append(("threshold", .string(JSONWriter.format(threshold)))) }
        annotations += [("event", .string(notification.event.rawValue)),
                        ("notification_id", .string(String(notification.notificationID)))]

        let endsAt: Int64
        switch notification.event {
        case .resolved: endsAt = notification.endsAt ?? notification.createdAt
        case .test: endsAt = sentAt + Self.testAlertLifetime.milliseconds
        case .firing, .repeat, .escalated: endsAt = sentAt + resolveTimeout.milliseconds
        }
        return .object([
            ("labels", .object(labels.map { ($0.0, .string($0.1)) })),
            ("annotations", .object(annotations)),
            ("startsAt", .string(Timestamps.rfc3339(milliseconds: notification.startsAt))),
            ("endsAt", .string(Timestamps.rfc3339(milliseconds: endsAt))),
        ])
    }

    /// Alertmanager accepts label names matching `[a-zA-Z_][a-zA-Z0-9_]*`; anything else
    /// becomes `_` (`app.kubernetes.io/name` → `app_kubernetes_io_name`).
    static func labelName(_ name: String) -> String {
        var out = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "_" })
        if out.first.map({ $0.isNumber }) ?? true { out = "_" + out }
        return out
    }

    /// Sends every notification in one POST.
    func send(_ notifications: [AlertNotification], channel: AlertChannel, sentAt: Int64) async -> ChannelSendResult {
        await ChannelHTTP.postJSON(JSONWriter.render(body(notifications, sentAt: sentAt), pretty: false), to: endpoint,
                                   headers: headers, channel: channel)
    }
}
