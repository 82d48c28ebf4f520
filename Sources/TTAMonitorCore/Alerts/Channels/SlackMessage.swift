/// The Slack incoming-webhook body: `{"text": …}` in Slack's mrkdwn, one line per
/// notification, prefixed by a count when a pass carries several. Text only, so the same
/// body also suits Mattermost and Rocket.Chat, which accept Slack's format.
enum SlackMessage {
    /// The body for `notifications` (oldest first).
    static func document(_ notifications: [AlertNotification]) -> JSONValue {
        .object([("text", .string(text(notifications)))])
    }

    /// `[FIRING] critical component-down (redis): redis is down <runbook|runbook>`, one line
    /// each, under a `tta-monitor: N notifications` line when there are several.
    static func text(_ notifications: [AlertNotification]) -> String {
        var lines = notifications.map(line)
        if notifications.count > 1 { lines.insert("*tta-monitor*: \(notifications.count) notifications", at: 0) }
        return lines.joined(separator: "\n")
    }

    static func line(_ notification: AlertNotification) -> String {
        var text = "*[\(label(notification.event))]* \(escaped(notification.severity)) *\(escaped(notification.rule))*"
        if let component = notification.component { text += " (\(escaped(component)))" }
        text += ": \(escaped(notification.summary))"
        if let runbook = notification.runbookURL, !runbook.contains("|"), !runbook.contains(">") {
            text += " <\(runbook)|runbook>"
        }
        return text
    }

    static func label(_ event: AlertNotification.Event) -> String {
        switch event {
        case .firing: "FIRING"
        case .repeat: "STILL FIRING"
        case .resolved: "RESOLVED"
        case .escalated: "ESCALATED"
        case .test: "TEST"
        }
    }

    /// Slack reads `&`, `<` and `>` as markup; these three are all it asks to escape.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}
