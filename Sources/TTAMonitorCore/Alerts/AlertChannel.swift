/// One notification channel of `monitoring.alerts.channels`.
///
/// Placeholder until delivery lands: only the name and type are read.
public struct AlertChannel: Sendable {
    /// The channel's name, used by routes and `alerts notify-test`.
    public var name: String
    /// webhook, command, alertmanager or file.
    public var type: String

    /// Reads the `channels` list of `reader` (absent: none).
    static func readList(_ reader: inout MappingReader) throws(ConfigError) -> [AlertChannel] {
        reader.accept(["channels"])
        return []
    }

    /// The channel as `config show` prints it: URLs, headers and secrets masked.
    var effectiveJSON: JSONValue { .object([("name", .string(name)), ("type", .string(type))]) }
}
