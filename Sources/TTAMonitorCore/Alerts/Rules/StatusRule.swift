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
        let statement = try subject.database.prepare("""
            SELECT ts, COALESCE(reported_status, status), message FROM check_results WHERE component_id = ? AND ts <= ?
            ORDER BY ts DESC LIMIT ?
            """)
        // A result from the future would stay "latest" forever and hide every newer one.
        try statement.bind([.integer(componentID), .integer(FutureResults.horizon(now: subject.now)),
                            .integer(Int64(hold.scanLimit))])
        var streak: [Int64] = []
        var latestStatus: CheckStatus?
        var latestMessage = ""
        while try statement.step() {
            let status = CheckStatus(rawValue: Int(statement.int(1))) ?? .unknown
            if latestStatus == nil {
                latestStatus = status
                latestMessage = statement.text(2) ?? ""
            }
            guard status != .ok else { break }
            streak.append(statement.int(0))
            if case .duration(let duration) = hold, subject.now - statement.int(0) >= duration.milliseconds { break }
        }
        let (state, since) = hold.judge(streak: streak, now: subject.now)
        return AlertObservation(state, value: latestStatus.map { Double($0.rawValue) }, since: since,
                                placeholders: ["status": latestStatus?.description ?? "UNKNOWN", "message": latestMessage,
                                               "streak": "\(streak.count)"])
    }
}
