/// `kind: threshold`: a metric of a check compared with a value (`op: ">"`, `value: 500`),
/// for a number of consecutive results or a duration (`for`, default 1 check).
struct ThresholdRule: AlertCondition {
    /// `metric:`.
    var metric: String
    /// `op:`.
    var op: ComparisonOperator
    /// `value:`.
    var value: Double
    /// `for:`.
    var hold: AlertHold

    var kind: String { "threshold" }
    var isPerCheck: Bool { true }
    var defaultSummary: String { "{{check}} {{metric}} is {{value}} ({{op}} {{threshold}})" }
    var configPlaceholders: [String: String] { ["metric": metric, "op": op.rawValue, "for": hold.text] }
    var settings: [(String, JSONValue)] {
        [("metric", .string(metric)), ("op", .string(op.rawValue)), ("value", .double(value)), ("for", .string(hold.text))]
    }

    /// Reads the kind's keys.
    static func read(_ reader: inout MappingReader) throws(ConfigError) -> ThresholdRule {
        let metric = try reader.metric(kind: "threshold")
        guard let opNode = reader.node("op") else {
            throw reader.missingKeyError(["op"], "missing required key 'op' in '\(reader.path)' (one of >, >=, <, <=, ==, !=)")
        }
        let opText = try reader.string(opNode, path: reader.keyPath("op"))
        guard let op = ComparisonOperator(rawValue: opText) else {
            throw reader.error("'\(reader.keyPath("op"))' must be one of >, >=, <, <=, ==, != (quote it: op: \">\"), got '\(opText)'", at: opNode)
        }
        let value = try reader.requiredNumber("value", kind: "threshold")
        return ThresholdRule(metric: metric, op: op, value: value, hold: try AlertHold.read(&reader, default: .checks(1)))
    }

    func observe(_ subject: AlertSubject) throws(StoreError) -> AlertObservation {
        guard let componentID = subject.componentID else { return .inactive }
        let samples = try MetricSeries(database: subject.database)
            .samples(componentID: componentID, metric: metric, until: FutureResults.horizon(now: subject.now),
                     limit: hold.scanLimit)
        guard let latest = samples.first else { return .inactive }
        var streak: [Int64] = []
        for sample in samples {
            guard op.holds(sample.value, value) else { break }
            streak.append(sample.ts)
        }
        let (state, since) = hold.judge(streak: streak, now: subject.now)
        return AlertObservation(state, value: latest.value, threshold: value, since: since)
    }
}
