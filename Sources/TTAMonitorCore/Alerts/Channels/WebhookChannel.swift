/// `type: webhook`: one JSON POST per delivery pass to `url`, either the generic document
/// (`NotificationBatch`) or a Slack incoming-webhook message (`SlackMessage`).
public struct WebhookChannel: Sendable {
    /// The body's shape.
    public enum Format: String, Sendable, CaseIterable {
        /// `{"schema_version":1,"channel":…,"sent_at":…,"notifications":[…]}`.
        case generic
        /// `{"text": …}` in Slack's mrkdwn, one line per notification.
        case slack
    }

    /// Where to POST; a secret (never shown).
    public var url: String
    /// Extra request headers (values never shown).
    public var headers: [HTTPHeader] = []
    /// The body's shape.
    public var format: Format = .generic

    /// Reads the type's keys: url, headers, format.
    static func read(_ reader: inout MappingReader, channel: String) throws(ConfigError) -> WebhookChannel {
        let url = try AlertChannelReader.httpURL(&reader, channel: channel, type: "webhook",
                                                 example: "url: \"${TTA_ALERT_WEBHOOK}\"")
        var webhook = WebhookChannel(url: url)
        webhook.headers = try AlertChannelReader.headers(&reader)
        if let formatNode = reader.node("format") {
            let text = try reader.string(formatNode, path: reader.keyPath("format"))
            guard let format = Format(rawValue: text) else {
                var message = "unknown webhook format '\(text)'"
                let names = Format.allCases.map(\.rawValue)
                if let hint = EditDistance.suggestion(for: text, among: names) { message += "; did you mean '\(hint)'?" }
                else { message += " (one of \(names.joined(separator: ", ")))" }
                throw reader.error(message, at: formatNode)
            }
            webhook.format = format
        }
        return webhook
    }

    /// The request body for `notifications`.
    func body(_ notifications: [AlertNotification], channel: String, sentAt: Int64) -> String {
        switch format {
        case .generic: JSONWriter.render(NotificationBatch.document(notifications, channel: channel, sentAt: sentAt), pretty: false)
        case .slack: JSONWriter.render(SlackMessage.document(notifications), pretty: false)
        }
    }

    /// Sends every notification in one POST.
    func send(_ notifications: [AlertNotification], channel: AlertChannel, sentAt: Int64) async -> ChannelSendResult {
        await ChannelHTTP.postJSON(body(notifications, channel: channel.name, sentAt: sentAt), to: url,
                                   headers: headers, channel: channel)
    }
}
