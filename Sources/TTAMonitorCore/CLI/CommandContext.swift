/// Everything a running command may use: its parsed invocation, the global settings,
/// the environment and the console.
public struct CommandContext: Sendable {
    /// The parsed command line.
    public var invocation: ParsedInvocation
    /// The process environment (a copy, so tests can set it).
    public var environment: [String: String]
    /// Where output goes.
    public var console: Console
    /// Colour decisions for stdout.
    public var style: TerminalStyle
    /// The working directory, for resolving relative paths.
    public var workingDirectory: String

    /// Creates a context.
    public init(invocation: ParsedInvocation, environment: [String: String], console: Console,
                workingDirectory: String) {
        self.invocation = invocation
        self.environment = environment
        self.console = console
        self.workingDirectory = workingDirectory
        self.style = TerminalStyle(isTerminal: console.stdoutIsTerminal, environment: environment,
                                   noColorFlag: invocation.flag(CommandOptions.Global.noColor))
    }

    /// `--json` was given.
    public var wantsJSON: Bool { invocation.flag(CommandOptions.Global.json) }
    /// `-q`/`--quiet` was given: print nothing but errors (and JSON when asked for).
    public var quiet: Bool { invocation.flag(CommandOptions.Global.quiet) }
    /// `-v`/`--verbose` was given.
    public var verbose: Bool { invocation.flag(CommandOptions.Global.verbose) }
    /// `--config`: the config file named on the command line, if any.
    public var configOption: String? { invocation.value(CommandOptions.Global.config) }
    /// `--db`: the database file named on the command line, if any.
    public var databaseOption: String? { invocation.value(CommandOptions.Global.db) }

    /// Writes a diagnostic line to stderr unless `--quiet`. Notes quote delivery errors and
    /// discovery findings, so control characters in them are made visible.
    public func note(_ text: String) {
        if !quiet { console.err(TerminalSafeText.neutralise(text, keepingLayout: true) + "\n") }
    }
}
