/// `kind: anomaly`: a metric (default `latency_ms`) far above its own recent baseline. The
/// baseline is the median and MAD of the samples in the `baseline` window (default 6h)
/// before the last `recent` (default 15m); a sample is anomalous above
/// `median + k · 1.4826 · MAD` (k default 5). The alert fires when the newest samples are
/// anomalous for `for` (default 3 checks), so one slow request does not page anybody.
/// Needs `min_points` baseline samples (default 10).
struct AnomalyRule: AlertCondition {
    /// `metric:`.
    var metric: String
    /// `k:`.
    var k: Double
    /// `baseline:`.
    var baseline: Duration
    /// `recent:`.
    var recent: Duration
    /// `min_points:`.
    var minPoints: Int
    /// `for:`.
    var hold: AlertHold

    var kind: String { "anomaly" }
    var isPerCheck: Bool { true }
    var defaultSummary: String { "{{check}} {{metric}} is {{value}}, far above its baseline {{baseline}} (limit {{threshold}})" }
    var configPlaceholders: [String: String] { ["metric": metric, "for": hold.text, "k": AlertNumber.text(k)] }
    var settings: [(String, JSONValue)] {
        [("metric", .string(metric)), ("k", .double(k)), ("baseline", .string(DurationParser.format(baseline))),
         ("recent", .string(DurationParser.format(recent))), ("min_points", .int(Int64(minPoints))), ("for", .string(hold.text))]
    }

    /// Reads the kind's keys.
    static func read(_ reader: inout MappingReader) throws(ConfigError) -> AnomalyRule {
        let metric = try reader.metric(kind: "anomaly", default: "latency_ms")
        var k = 5.0
        if let node = reader.node("k") {
            k = try reader.number(node, path: reader.keyPath("k"))
            guard k > 0 else { throw reader.error("'\(reader.keyPath("k"))' must be above zero", at: node) }
        }
        let baseline = try reader.positiveDuration("baseline", default: .seconds(6 * 3_600)) ?? .seconds(6 * 3_600)
        let recent = try reader.positiveDuration("recent", default: .seconds(900)) ?? .seconds(900)
        let minPoints = try reader.int("min_points", range: 3...100_000) ?? 10
        let hold = try AlertHold.read(&reader, default: .checks(3))
        return AnomalyRule(metric: metric, k: k, baseline: baseline, recent: recent, minPoints: minPoints, hold: hold)
    }

    func observe(_ subject: AlertSubject) throws(StoreError) -> AlertObservation {
        guard let componentID = subject.componentID else { return .inactive }
        let recentStart = subject.now - recent.milliseconds
        let samples = try MetricSeries(database: subject.database)
            .samples(componentID: componentID, metric: metric, since: recentStart - baseline.milliseconds,
                     until: FutureResults.horizon(now: subject.now))
        let history = samples.filter { $0.ts < recentStart }.map(\.value)
        guard history.count >= minPoints, let base = RobustBaseline(history), let latest = samples.first,
              latest.ts >= recentStart else { return .inactive }
        let limit = base.limit(k: k)
        var streak: [Int64] = []
        for sample in samples where sample.ts >= recentStart {
            guard sample.value > limit else { break }
            streak.append(sample.ts)
        }
        let (state, since) = hold.judge(streak: streak, now: subject.now)
        return AlertObservation(state, value: latest.value, threshold: limit, since: since,
                                placeholders: ["baseline": AlertNumber.text(base.median), "mad": AlertNumber.text(base.mad)])
    }
}
