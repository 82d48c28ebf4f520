/// What a command does when it runs: returns the exit status or throws a `ReportableError`.
public typealias CommandAction = @Sendable (CommandContext) async throws -> ExitCode

/// A node of the command tree: a runnable command, a group of subcommands, or both.
public struct CommandSpec: Sendable {
    /// The word typed on the command line.
    public var name: String
    /// One line for command lists.
    public var summary: String
    /// Longer help shown under OVERVIEW (defaults to the summary).
    public var discussion: String?
    /// Options specific to this command (global options are added by the parser).
    public var options: [OptionSpec]
    /// Positional arguments.
    public var arguments: [ArgumentSpec]
    /// Subcommands, for groups such as `alerts` and `config`.
    public var subcommands: [CommandSpec]
    /// The code that runs; nil for a pure group (which then prints its help).
    public var action: CommandAction?
    /// Example invocations for the help text.
    public var examples: [String]

    /// Creates a command.
    public init(_ name: String, summary: String, discussion: String? = nil, options: [OptionSpec] = [],
                arguments: [ArgumentSpec] = [], subcommands: [CommandSpec] = [], examples: [String] = [],
                action: CommandAction? = nil) {
        self.name = name
        self.summary = summary
        self.discussion = discussion
        self.options = options
        self.arguments = arguments
        self.subcommands = subcommands
        self.examples = examples
        self.action = action
    }

    /// The subcommand called `name`.
    public func subcommand(_ name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }
}
