/// `kind: status`: a check is not OK for N consecutive results (`for: 3 checks`, the
/// default is 1) or for a duration (`for: 5m`). It judges the reported status, i.e. after
/// the check's own failure/success thresholds.
struct StatusRule: AlertCondition {
    /// `for:`.
    var hold: AlertHold

    var kind: String { "status" }
    var isPerCheck: Bool { true }
    var defaultSummary: String { "{{check}} is {{status}}: {{message}}" }
    var configPlaceholders: [String: String] { ["for": hold.text] }
    var settings: [(String, JSONValue)] { [("for", .string(hold.text))] }

    /// Reads the kind's keys.
    static func read(_ reader: inout MappingReader) throws(ConfigError) -> StatusRule {
        StatusRule(hold: try AlertHold.read(&reader, default: .checks(1)))
    }

    func observe(_ subject: AlertSubject) throws(StoreError) -> AlertObservation {
        guard let componentID = subject.componentID else { return .inactive }
        var streak: [Int64] = []
        var latestStatus: CheckStatus?
        var latestMessage = ""
        // A result from the future would stay "latest" forever and hide every newer one.
        try ResultStore(database: subject.database).visitRecentStatuses(
            componentID: componentID, notAfter: FutureResults.horizon(now: subject.now), limit: hold.scanLimit
        ) { ts, status, message in
            if latestStatus == nil {
                latestStatus = status
                latestMessage = message ?? ""
            }
            guard status != .ok else { return false }
            streak.append(ts)
            if case .duration(let duration) = hold, subject.now - ts >= duration.milliseconds { return false }
            return true
        }
        let (state, since) = hold.judge(streak: streak, now: subject.now)
        return AlertObservation(state, value: latestStatus.map { Double($0.rawValue) }, since: since,
                                placeholders: ["status": latestStatus?.description ?? "UNKNOWN", "message": latestMessage,
                                               "streak": "\(streak.count)"])
    }
}
