/// `kind: absent`: a dead man's switch. Fires when a check has stored no result for `for`
/// (a cron job's heartbeat check stopped running), or has never been seen for `for` since
/// the rule first looked.
struct AbsentRule: AlertCondition {
    /// `for:`.
    var window: Duration

    var kind: String { "absent" }
    var isPerCheck: Bool { true }
    var defaultSummary: String { "no result from {{check}} for {{age}} (expected within {{for}})" }
    var configPlaceholders: [String: String] { ["for": DurationParser.format(window)] }
    var settings: [(String, JSONValue)] { [("for", .string(DurationParser.format(window)))] }

    /// Reads the kind's keys.
    static func read(_ reader: inout MappingReader) throws(ConfigError) -> AbsentRule {
        guard let node = reader.node("for") else {
            throw reader.missingKeyError(["for"], "missing required key 'for' in '\(reader.path)' (an absent rule needs a duration such as 26h)")
        }
        let window = try reader.duration(node, path: reader.keyPath("for"))
        guard window > .zero else { throw reader.error("'\(reader.keyPath("for"))' must be longer than zero", at: node) }
        return AbsentRule(window: window)
    }

    func observe(_ subject: AlertSubject) throws(StoreError) -> AlertObservation {
        let limit = window.milliseconds
        let threshold = Double(limit) / 1_000
        guard let componentID = subject.componentID,
              // A result from the future proves nothing about the component being alive now.
              let last = try ResultStore(database: subject.database)
                  .lastResultTime(componentID: componentID, notAfter: FutureResults.horizon(now: subject.now)) else {
            // Never seen: pending from the first evaluation that noticed, firing after `for`.
            let since = subject.openSince ?? subject.now
            return AlertObservation(subject.now - since >= limit ? .firing : .pending, threshold: threshold, since: since,
                                    placeholders: ["age": AlertNumber.span(milliseconds: subject.now - since) + " (never seen)", "last_seen": "never"])
        }
        let age = subject.now - last
        guard age > limit else { return .inactive }
        return AlertObservation(.firing, value: Double(age) / 1_000, threshold: threshold, since: last + limit,
                                placeholders: ["age": AlertNumber.span(milliseconds: age),
                                               "last_seen": Timestamps.rfc3339(milliseconds: last)])
    }
}
