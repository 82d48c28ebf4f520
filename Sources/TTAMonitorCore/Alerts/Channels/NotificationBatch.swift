/// The JSON document that carries one pass's notifications for one channel: the generic
/// webhook's body and the `command` channel's stdin.
enum NotificationBatch {
    /// `{"schema_version":1,"channel":…,"sent_at":…,"notifications":[…]}`; each element is
    /// `AlertNotification.json`, oldest first.
    static func document(_ notifications: [AlertNotification], channel: String, sentAt: Int64) -> JSONValue {
        .object([
            ("schema_version", .int(1)),
            ("channel", .string(channel)),
            ("sent_at", .string(Timestamps.rfc3339(milliseconds: sentAt))),
            ("notifications", .array(notifications.map(\.json))),
        ])
    }
}
