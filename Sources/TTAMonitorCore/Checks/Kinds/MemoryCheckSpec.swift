/// What a `memory` check measures (from /proc/meminfo).
public struct MemoryCheckSpec: Sendable, Equatable {
    /// Used memory in percent (MemTotal − MemAvailable).
    public var usedPercent: Thresholds?
    /// Used swap in percent (no swap configured counts as 0%).
    public var swapUsedPercent: Thresholds?
    /// Creates a spec.
    public init(usedPercent: Thresholds? = nil, swapUsedPercent: Thresholds? = nil) {
        self.usedPercent = usedPercent
        self.swapUsedPercent = swapUsedPercent
    }
}

extension MemoryCheckSpec: CheckSpec {
    static let kindName = "memory"

    static func decode(_ reader: inout MappingReader, check name: String, decoder: CheckConfigDecoder) throws(ConfigError) -> Self {
        MemoryCheckSpec(usedPercent: try reader.numberThresholds("used_percent", range: 0...100),
                        swapUsedPercent: try reader.numberThresholds("swap_used_percent", range: 0...100))
    }

    func probe(check: String, timeout: Duration) async -> CheckResult {
        await MemoryCheck.run(name: check, spec: self, timeout: timeout)
    }

    var effectiveMembers: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        if let usedPercent { members.append(("used_percent", EffectiveConfig.thresholdsJSON(usedPercent, unit: nil))) }
        if let swapUsedPercent { members.append(("swap_used_percent", EffectiveConfig.thresholdsJSON(swapUsedPercent, unit: nil))) }
        return members
    }
}
