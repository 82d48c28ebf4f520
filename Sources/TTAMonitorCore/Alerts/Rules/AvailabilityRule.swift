/// `kind: availability`: a check's availability over `window` (default 24h) is below
/// `below` percent. Availability is what `status` shows: OK and WARNING results count as up,
/// UNKNOWN ones are left out, and hours whose raw results were purged come from rollups.
struct AvailabilityRule: AlertCondition {
    /// `below:` in percent.
    var below: Double
    /// `window:`.
    var window: Duration

    var kind: String { "availability" }
    var isPerCheck: Bool { true }
    var defaultSummary: String { "{{check}} availability is {{value}}% over {{window}}, below {{threshold}}%" }
    var configPlaceholders: [String: String] { ["window": DurationParser.format(window)] }
    var settings: [(String, JSONValue)] { [("below", .double(below)), ("window", .string(DurationParser.format(window)))] }

    /// Reads the kind's keys.
    static func read(_ reader: inout MappingReader) throws(ConfigError) -> AvailabilityRule {
        let below = try reader.requiredNumber("below", kind: "availability", range: 0...100)
        let window = try reader.positiveDuration("window", default: .seconds(86_400)) ?? .seconds(86_400)
        return AvailabilityRule(below: below, window: window)
    }

    func observe(_ subject: AlertSubject) throws(StoreError) -> AlertObservation {
        guard let check = subject.check, subject.componentID != nil else { return .inactive }
        let stats = try StatusQuery(database: subject.database)
            .windowStats(component: check, since: subject.now - window.milliseconds, now: subject.now)
        guard let availability = stats.availabilityPercent else { return .inactive }
        return AlertObservation(availability < below ? .firing : .inactive, value: availability, threshold: below,
                                placeholders: ["results": "\(stats.total)"])
    }
}
