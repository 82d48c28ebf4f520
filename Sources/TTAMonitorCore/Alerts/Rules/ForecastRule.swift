/// `kind: forecast`: the least-squares trend of a metric over the last `window` (default
/// 6h) reaches `reaches` within `within` (default 24h): a disk that will be full tomorrow.
/// `direction: down` watches a falling level (free bytes reaching 0) instead of a rising one.
/// Needs at least `min_points` samples (default 5); the predicted time is in the summary
/// (`{{predicted_at}}`, `{{predicted_in}}`). The value is the trend's level now.
struct ForecastRule: AlertCondition {
    /// `metric:`.
    var metric: String
    /// `reaches:`.
    var reaches: Double
    /// `within:`.
    var within: Duration
    /// `window:`.
    var window: Duration
    /// `min_points:`.
    var minPoints: Int
    /// `direction:` `up` (default: a level rising to `reaches`, like used_percent to 100) or
    /// `down` (falling to it, like free bytes to 0).
    var rising = true

    var kind: String { "forecast" }
    var isPerCheck: Bool { true }
    var defaultSummary: String { "{{check}} {{metric}} is predicted to reach {{threshold}} at {{predicted_at}} (in {{predicted_in}})" }
    var configPlaceholders: [String: String] {
        ["metric": metric, "within": DurationParser.format(within), "window": DurationParser.format(window)]
    }
    var settings: [(String, JSONValue)] {
        [("metric", .string(metric)), ("reaches", .double(reaches)), ("within", .string(DurationParser.format(within))),
         ("window", .string(DurationParser.format(window))), ("min_points", .int(Int64(minPoints))),
         ("direction", .string(rising ? "up" : "down"))]
    }

    /// Reads the kind's keys.
    static func read(_ reader: inout MappingReader) throws(ConfigError) -> ForecastRule {
        let metric = try reader.metric(kind: "forecast")
        let reaches = try reader.requiredNumber("reaches", kind: "forecast")
        let within = try reader.positiveDuration("within", default: .seconds(86_400)) ?? .seconds(86_400)
        let window = try reader.positiveDuration("window", default: .seconds(6 * 3_600)) ?? .seconds(6 * 3_600)
        let minPoints = try reader.int("min_points", range: 2...100_000) ?? 5
        var rising = true
        if let node = reader.node("direction") {
            let text = try reader.string(node, path: reader.keyPath("direction"))
            guard text == "up" || text == "down" else {
                throw reader.error("'\(reader.keyPath("direction"))' must be up or down, got '\(text)'", at: node)
            }
            rising = text == "up"
        }
        return ForecastRule(metric: metric, reaches: reaches, within: within, window: window, minPoints: minPoints, rising: rising)
    }

    func observe(_ subject: AlertSubject) throws(StoreError) -> AlertObservation {
        guard let componentID = subject.componentID else { return .inactive }
        let samples = try MetricSeries(database: subject.database)
            .samples(componentID: componentID, metric: metric, since: subject.now - window.milliseconds,
                     until: FutureResults.horizon(now: subject.now))
        guard samples.count >= minPoints, let trend = LinearTrend(samples.reversed()) else { return .inactive }
        // The level now, as the line puts it: one noisy sample neither fires nor clears it.
        let level = trend.value(at: subject.now)
        let reached = rising ? level >= reaches : level <= reaches
        var predicted: Int64
        if reached {
            predicted = subject.now
        } else {
            // Only a line heading for the level crosses it; a flat or receding one never does.
            guard rising ? trend.slope > 0 : trend.slope < 0, let time = trend.time(reaching: reaches), time > subject.now
            else { return .inactive }
            predicted = time
        }
        let state: AlertObservation.State = predicted - subject.now <= within.milliseconds ? .firing : .inactive
        return AlertObservation(state, value: level, threshold: reaches,
                                placeholders: ["predicted_at": Timestamps.rfc3339(milliseconds: predicted),
                                               "predicted_in": AlertNumber.span(milliseconds: predicted - subject.now),
                                               "points": "\(samples.count)"])
    }
}
