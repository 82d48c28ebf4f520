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

    /// Whether the flag `name` was given.
    public func flag(_ name: String) -> Bool { values[name] != nil }

    /// The last value of option `name` (a later occurrence overrides an earlier one).
    public func value(_ name: String) -> String? { values[name]?.last }

    /// Every value of a repeatable option, comma-separated lists split.
    public func list(_ name: String) -> [String] {
        (values[name] ?? []).flatMap { $0.split(separator: ",").map { String($0).trimmingWhitespace() } }
            .filter { !$0.isEmpty }
    }
}
