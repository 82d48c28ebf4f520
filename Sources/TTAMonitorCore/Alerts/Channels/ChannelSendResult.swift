/// How one message to one channel went.
enum ChannelSendResult: Sendable, Equatable {
    /// The receiver accepted it.
    case delivered
    /// It did not; the reason (secrets masked) goes to `notifications.last_error`.
    case failed(String)

    /// The failure's reason; nil when delivered.
    var error: String? {
        if case .failed(let reason) = self { return reason }
        return nil
    }
}
