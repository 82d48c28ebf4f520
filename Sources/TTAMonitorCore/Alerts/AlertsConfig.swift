/// `monitoring.alerts`: rules, channels, routing, repetition and escalation.
public struct AlertsConfig: Sendable {
    /// `channels`, in file order.
    public var channels: [AlertChannel] = []
    /// `rules`, in file order.
    public var rules: [AlertRule] = []
    /// `route`.
    public var route = AlertRoute()
    /// `repeat_interval`: a firing, unacknowledged alert is notified again this long after
    /// the last notification (default 4h).
    public var repeatInterval: Duration = .seconds(4 * 3_600)
    /// `escalate_after`: an unacknowledged firing alert moves to the next route level this
    /// long after it fired or last escalated (default 30m; only routes with levels escalate).
    public var escalateAfter: Duration = .seconds(1_800)

    /// Creates an empty alerts config (no rules, no channels).
    public init() {}

    /// The channel called `name`.
    public func channel(named name: String) -> AlertChannel? { channels.first { $0.name == name } }

    /// The rule called `name`.
    public func rule(named name: String) -> AlertRule? { rules.first { $0.name == name } }

    /// Reads `monitoring.alerts`.
    /// `carbonDailyThresholdKg` (`monitoring.carbon.daily_threshold_kg`) is the limit of a
    /// `carbon` rule that sets no `value` of its own.
    static func read(_ reader: inout MappingReader, carbonDailyThresholdKg: Double? = nil) throws(ConfigError) -> AlertsConfig {
        var config = AlertsConfig()
        // Rules, channels and route are independent parts: each broken one is reported.
        var problems = ConfigProblems()
        problems.attempt { () throws(ConfigError) in config.channels = try AlertChannel.readList(&reader) }
        if let node = reader.node("rules") {
            if let items = node.sequenceItems {
                let checkNames = configuredCheckNames(reader.document)
                for (index, item) in items.enumerated() {
                    problems.attempt { () throws(ConfigError) in
                        var ruleReader = try MappingReader(item, path: "\(reader.keyPath("rules"))[\(index)]", document: reader.document,
                                                           interpolation: reader.interpolation)
                        let rule = try AlertRule.read(&ruleReader, checkNames: checkNames, carbonDailyThresholdKg: carbonDailyThresholdKg)
                        if config.rules.contains(where: { $0.name == rule.name }) {
                            throw reader.error("duplicate rule name '\(rule.name)' in '\(reader.keyPath("rules"))'", at: item)
                        }
                        config.rules.append(rule)
                    }
                }
            } else {
                problems.record(reader.error("'\(reader.keyPath("rules"))' must be a list of rules", at: node))
            }
        }
        problems.attempt { () throws(ConfigError) in
            if var route = try reader.mapping("route") {
                config.route = try AlertRoute.read(&route, channels: config.channels.map(\.name))
            }
        }
        for key in ["repeat_interval", "escalate_after"] {
            problems.attempt { () throws(ConfigError) in
                guard let node = reader.node(key) else { return }
                let value = try reader.duration(node, path: reader.keyPath(key))
                guard value > .zero else { throw reader.error("'\(reader.keyPath(key))' must be longer than zero", at: node) }
                if key == "repeat_interval" { config.repeatInterval = value } else { config.escalateAfter = value }
            }
        }
        problems.attempt { () throws(ConfigError) in try reader.finish() }
        try problems.throwIfAny()
        return config
    }

    /// The names under `monitoring.checks` as written, for validating `check:` of rules
    /// (the checks are decoded after this section). Nil when checks may come from discovery
    /// (`discovery.auto: true`), whose names are not known until `check` runs.
    private static func configuredCheckNames(_ document: ConfigDocument) -> [String]? {
        let monitoring = document.root?["monitoring"]
        if let auto = monitoring?["discovery"]?["auto"]?.scalar?.text.lowercased(), ["true", "yes", "on"].contains(auto) {
            return nil
        }
        return monitoring?["checks"]?.sequenceItems?.compactMap { $0["name"]?.scalar?.text } ?? []
    }

    /// The section as `config show` prints it (secrets masked).
    var effectiveJSON: JSONValue {
        .object([
            ("rules", .array(rules.map(\.effectiveJSON))),
            ("channels", .array(channels.map(\.effectiveJSON))),
            ("route", route.effectiveJSON),
            ("repeat_interval", .string(DurationParser.format(repeatInterval))),
            ("escalate_after", .string(DurationParser.format(escalateAfter))),
        ])
    }
}
