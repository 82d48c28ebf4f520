#if canImport(Glibc)
import Glibc
#endif

/// `kind: carbon`: today's emissions (the sum of `carbon_runs.emissions_kg` for the local
/// day) exceed `value` kg CO2e (`threshold_kg` is accepted as another name for it; without
/// either, `monitoring.carbon.daily_threshold_kg`).
struct CarbonRule: AlertCondition {
    /// The daily limit in kg.
    var limitKg: Double

    var kind: String { "carbon" }
    var isPerCheck: Bool { false }
    var defaultSummary: String { "today's emissions {{value}} kg CO2e exceed {{threshold}} kg" }
    var configPlaceholders: [String: String] { [:] }
    var settings: [(String, JSONValue)] { [("value", .double(limitKg))] }

    /// Reads the kind's keys.
    static func read(_ reader: inout MappingReader, dailyThresholdKg: Double? = nil) throws(ConfigError) -> CarbonRule {
        let value = try reader.number("value")
        let threshold = try reader.number("threshold_kg")
        guard let limit = value ?? threshold ?? dailyThresholdKg else {
            throw reader.missingKeyError(["value", "threshold_kg"], "missing required key 'value' in '\(reader.path)' (a carbon rule needs the daily limit in kg, "
                                        + "or monitoring.carbon.daily_threshold_kg)")
        }
        guard limit >= 0 else { throw reader.document.error("'\(reader.path)': the daily limit must not be negative", at: reader.node.location) }
        return CarbonRule(limitKg: limit)
    }

    func observe(_ subject: AlertSubject) throws(StoreError) -> AlertObservation {
        let day = Self.localDay(milliseconds: subject.now)
        guard let total = try CarbonRunStore(database: subject.database).emissions(localDay: day) else { return .inactive }
        return AlertObservation(total > limitKg ? .firing : .inactive, value: total, threshold: limitKg,
                                placeholders: ["day": day])
    }

    /// `YYYY-MM-DD` of `milliseconds` in local time, as `carbon_runs.local_day` stores it.
    static func localDay(milliseconds: Int64) -> String {
        var seconds = time_t(milliseconds.floorDivided(by: 1_000))
        var parts = tm()
        localtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
    }
}
