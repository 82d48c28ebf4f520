/// A mistake on the command line: reported with the command's usage line, exit status 64.
public struct UsageError: ReportableError, Equatable {
    /// The sentence after `Error: `.
    public var message: String
    /// The command whose usage is shown (`["check"]`; empty for the tool itself).
    public var commandPath: [String]

    /// Creates a usage error.
    public init(_ message: String, commandPath: [String]) {
        self.message = message
        self.commandPath = commandPath
    }

    public var exitCode: ExitCode { .usage }
    public var description: String { message }
}
