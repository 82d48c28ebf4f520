/// What a `process` check looks for in /proc.
public struct ProcessCheckSpec: Sendable, Equatable {
    /// Exact process name (`comm`, as `ps -o comm` shows it).
    public var name: String?
    /// Regular expression matched against the full command line (arguments joined by spaces).
    public var commandPattern: String?
    /// At least this many matching processes (default 1).
    public var minCount: Int = 1
    /// At most this many matching processes.
    public var maxCount: Int?
    /// CPU % of the matching processes together, sampled over a short interval.
    public var cpuPercent: Thresholds?
    /// Resident memory of the matching processes together, in bytes.
    public var rssBytes: Thresholds?
    /// Creates a spec.
    public init(name: String? = nil, commandPattern: String? = nil) {
        self.name = name
        self.commandPattern = commandPattern
    }
}

extension ProcessCheckSpec: CheckSpec {
    static let kindName = "process"

    static func decode(_ reader: inout MappingReader, check name: String, decoder: CheckConfigDecoder) throws(ConfigError) -> Self {
        var spec = ProcessCheckSpec(name: try reader.nonEmptyString("process_name"), commandPattern: nil)
        if let patternNode = reader.node("command_pattern") {
            let pattern = try reader.string(patternNode, path: reader.keyPath("command_pattern"))
            do {
                _ = try Regex(pattern)
            } catch {
                throw reader.error("'\(reader.keyPath("command_pattern"))' is not a valid regular expression", at: patternNode)
            }
            spec.commandPattern = pattern
        }
        guard spec.name != nil || spec.commandPattern != nil else {
            throw reader.missingKeyError(["process_name", "command_pattern"], "\(kindName) check '\(name)' needs 'process_name' or 'command_pattern'")
        }
        if var count = try reader.mapping("count") {
            spec.minCount = try count.int("min", range: 0...100_000) ?? 1
            spec.maxCount = try count.int("max", range: 0...100_000)
            try count.finish()
            if let maximum = spec.maxCount, maximum < spec.minCount {
                throw decoder.document.error("'\(count.path)': max must not be below min", at: count.node.location)
            }
        }
        spec.cpuPercent = try reader.numberThresholds("cpu_percent", range: 0...100_000)
        spec.rssBytes = try reader.numberThresholds("rss_mb", range: 0...1e9)
            .map { Thresholds(warning: $0.warning.map { $0 * 1_048_576 }, critical: $0.critical.map { $0 * 1_048_576 }) }
        return spec
    }

    func probe(check: String, timeout: Duration) async -> CheckResult {
        await ProcessCheck.run(name: check, spec: self, timeout: timeout)
    }

    var effectiveMembers: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        if let name { members.append(("process_name", .string(name))) }
        if let commandPattern { members.append(("command_pattern", .string(commandPattern))) }
        var count: [(String, JSONValue)] = [("min", .int(Int64(minCount)))]
        if let maxCount { count.append(("max", .int(Int64(maxCount)))) }
        members.append(("count", .object(count)))
        if let cpuPercent { members.append(("cpu_percent", EffectiveConfig.thresholdsJSON(cpuPercent, unit: nil))) }
        if let rssBytes { members.append(("rss_mb", EffectiveConfig.thresholdsJSON(rssBytes, unit: nil, scale: 1.0 / 1_048_576))) }
        return members
    }
}
