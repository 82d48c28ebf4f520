/// `monitoring.alerts`: rules, channels, routing, repetition and escalation.
///
/// Placeholder until the alert rules land: rules and routing are accepted and ignored;
/// `channels` is read by `AlertChannel.readList`.
public struct AlertsConfig: Sendable {
    /// `channels`, in file order.
    public var channels: [AlertChannel] = []

    /// Creates an empty alerts config (no rules, no channels).
    public init() {}

    /// The channel called `name`.
    public func channel(named name: String) -> AlertChannel? { channels.first { $0.name == name } }

    /// Reads `monitoring.alerts`.
    static func read(_ reader: inout MappingReader) throws(ConfigError) -> AlertsConfig {
        var config = AlertsConfig()
        config.channels = try AlertChannel.readList(&reader)
        reader.accept(["rules", "route", "repeat_interval", "escalate_after"])
        try reader.finish()
        return config
    }

    /// The section as `config show` prints it (secrets masked).
    var effectiveJSON: JSONValue { .object([("channels", .array(channels.map(\.effectiveJSON)))]) }
}
