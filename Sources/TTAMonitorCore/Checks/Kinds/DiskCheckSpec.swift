/// What a `disk` check measures.
public struct DiskCheckSpec: Sendable, Equatable {
    /// A path on the filesystem to measure.
    public var path: String
    /// Used-space thresholds in percent.
    public var usedPercent: Thresholds?
    /// Free-space thresholds in bytes available to unprivileged users (lower is worse).
    public var freeBytes: Thresholds?
    /// Used-inode thresholds in percent.
    public var inodesUsedPercent: Thresholds?
    /// Creates a spec.
    public init(path: String, usedPercent: Thresholds? = nil) {
        self.path = path
        self.usedPercent = usedPercent
    }
}

extension DiskCheckSpec: CheckSpec {
    static let kindName = "disk"

    static func decode(_ reader: inout MappingReader, check name: String, decoder: CheckConfigDecoder) throws(ConfigError) -> Self {
        let path = try reader.nonEmptyString("path") ?? "/"
        var spec = DiskCheckSpec(path: path, usedPercent: try reader.numberThresholds("used_percent", range: 0...100))
        spec.freeBytes = try reader.numberThresholds("free_mb", range: 0...1e12, lowerIsWorse: true)
            .map { Thresholds(warning: $0.warning.map { $0 * 1_048_576 }, critical: $0.critical.map { $0 * 1_048_576 }, lowerIsWorse: true) }
        spec.inodesUsedPercent = try reader.numberThresholds("inodes_used_percent", range: 0...100)
        return spec
    }

    func probe(check: String, timeout: Duration) async -> CheckResult {
        await DiskCheck.run(name: check, spec: self, timeout: timeout)
    }

    var effectiveMembers: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [("path", .string(path))]
        if let usedPercent { members.append(("used_percent", EffectiveConfig.thresholdsJSON(usedPercent, unit: nil))) }
        if let freeBytes { members.append(("free_mb", EffectiveConfig.thresholdsJSON(freeBytes, unit: nil, scale: 1.0 / 1_048_576))) }
        if let inodesUsedPercent { members.append(("inodes_used_percent", EffectiveConfig.thresholdsJSON(inodesUsedPercent, unit: nil))) }
        return members
    }
}
