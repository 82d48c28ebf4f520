/// What a `load` check measures: load averages divided by the number of online CPUs.
public struct LoadCheckSpec: Sendable, Equatable {
    /// 1-minute load per core.
    public var load1: Thresholds?
    /// 5-minute load per core.
    public var load5: Thresholds?
    /// 15-minute load per core.
    public var load15: Thresholds?
    /// Creates a spec.
    public init(load1: Thresholds? = nil, load5: Thresholds? = nil, load15: Thresholds? = nil) {
        self.load1 = load1
        self.load5 = load5
        self.load15 = load15
    }
}

extension LoadCheckSpec: CheckSpec {
    static let kindName = "load"

    static func decode(_ reader: inout MappingReader, check name: String, decoder: CheckConfigDecoder) throws(ConfigError) -> Self {
        LoadCheckSpec(load1: try reader.numberThresholds("load1", range: 0...1_000),
                      load5: try reader.numberThresholds("load5", range: 0...1_000),
                      load15: try reader.numberThresholds("load15", range: 0...1_000))
    }

    func probe(check: String, timeout: Duration) async -> CheckResult {
        await LoadCheck.run(name: check, spec: self, timeout: timeout)
    }

    var effectiveMembers: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        for (key, value) in [("load1", load1), ("load5", load5), ("load15", load15)] {
            if let value { members.append((key, EffectiveConfig.thresholdsJSON(value, unit: nil))) }
        }
        return members
    }
}
