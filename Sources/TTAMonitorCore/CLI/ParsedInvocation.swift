/// The command line after parsing: which command, with which options and arguments.
public struct ParsedInvocation: Sendable {
    /// Command words from the root, e.g. `["alerts", "list"]`; empty for the bare tool.
    public var commandPath: [String]
    /// Option values by long name; flags map to `["true"]`.
    public var values: [String: [String]]
    /// Positional arguments in order.
    public var arguments: [String]
    /// Whether `-h`/`--help` was given.
    public var wantsHelp: Bool

    /// Creates an empty invocation.
    public init(commandPath: [String] = [], values: [String: [String]] = [:], arguments: [String] = [],
                wantsHelp: Bool = false) {
        self.commandPath = commandPath
        self.values = values
        self.arguments = arguments
        self.wantsHelp = wantsHelp
    }

    /// Whether the flag `key` was given.
    public func flag(_ key: some OptionKey) -> Bool { values[key.rawValue] != nil }

    /// The last value of option `key` (a later occurrence overrides an earlier one).
    public func value(_ key: some OptionKey) -> String? { values[key.rawValue]?.last }

    /// Every value of a repeatable option as given, in order (no comma splitting).
    public func occurrences(_ key: some OptionKey) -> [String] { values[key.rawValue] ?? [] }

    /// Every value of a repeatable option, comma-separated lists split.
    public func list(_ key: some OptionKey) -> [String] {
        occurrences(key).flatMap { $0.split(separator: ",").map { String($0).trimmingWhitespace() } }
            .filter { !$0.isEmpty }
    }
}
