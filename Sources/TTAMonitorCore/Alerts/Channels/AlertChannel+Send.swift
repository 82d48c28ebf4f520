extension AlertChannel {
    /// Sends `notifications` as one message (the `file` channel: one line each). Never
    /// throws: a receiver that is down is a `.failed` result, retried on a later run.
    func send(_ notifications: [AlertNotification], sentAt: Int64) async -> ChannelSendResult {
        switch kind {
        case .webhook(let webhook): await webhook.send(notifications, channel: self, sentAt: sentAt)
        case .alertmanager(let alertmanager): await alertmanager.send(notifications, channel: self, sentAt: sentAt)
        case .command(let command): await command.send(notifications, channel: self, sentAt: sentAt)
        case .file(let file): await file.send(notifications, channel: self)
        }
    }
}
