#if canImport(Glibc)
import Glibc
#endif

/// Entry point of the command line: parses argv, runs a command, and is the one place that
/// decides what is printed where and with which exit status.
public enum CommandDispatcher {
    /// What to do after parsing: exit at once (help, version, usage error) or run a command.
    public enum Plan: Sendable {
        /// Everything is printed; exit with this status.
        case exit(Int32)
        /// Run this command; `run` returns the exit status.
        case run(PreparedCommand)
    }

    /// A parsed command, ready to run.
    public struct PreparedCommand: Sendable {
        let action: CommandAction
        let context: CommandContext

        /// Runs the command and reports any error it throws.
        public func run() async -> Int32 {
            let code: Int32
            do {
                code = try await action(context).rawValue
            } catch {
                code = CommandDispatcher.report(error, console: context.console)
            }
            return CommandDispatcher.checkingStdout(code, console: context.console)
        }
    }

    /// Runs the tool with the process's environment and standard streams.
    public static func main(arguments: [String]) async -> Int32 {
        await run(arguments: arguments, environment: ProcessEnvironment.current(),
                  console: .standard(), workingDirectory: ProcessEnvironment.workingDirectory())
    }

    /// Parses and plans synchronously, so `--help`, `--version` and usage errors never start
    /// the concurrency runtime's threads (start-up time is part of the contract).
    public static func prepare(arguments: [String]) -> Plan {
        prepare(arguments: arguments, environment: ProcessEnvironment.current(), console: .standard(),
                workingDirectory: ProcessEnvironment.workingDirectory())
    }

    /// Runs the tool with `arguments` (argv without the program name) and returns the exit status.
    public static func run(arguments: [String], environment: [String: String], console: Console,
                           workingDirectory: String) async -> Int32 {
        switch prepare(arguments: arguments, environment: environment, console: console,
                       workingDirectory: workingDirectory) {
        case .exit(let code): return code
        case .run(let command): return await command.run()
        }
    }

    /// Parses `arguments` and either answers at once or returns the command to run.
    public static func prepare(arguments: [String], environment: [String: String], console: Console,
                               workingDirectory: String) -> Plan {
        let parser = InvocationParser(root: CommandTable.root, globalOptions: CommandTable.globalOptions)
        let renderer = HelpRenderer(toolName: ToolVersion.name, globalOptions: CommandTable.globalOptions)
        do {
            let invocation = try parser.parse(arguments)
            if (invocation.flag(CommandOptions.Global.version) && !invocation.wantsHelp) || invocation.commandPath == ["version"] {
                console.out(ToolVersion.report(json: invocation.flag(CommandOptions.Global.json)))
                return .exit(checkingStdout(ExitCode.ok.rawValue, console: console))
            }
            if invocation.commandPath == ["help"] {
                let target = try resolveHelpTarget(invocation.arguments)
                console.out(renderer.help(for: target.command, path: target.path))
                return .exit(checkingStdout(ExitCode.ok.rawValue, console: console))
            }
            let command = resolve(invocation.commandPath)
            if invocation.wantsHelp || invocation.commandPath.isEmpty {
                console.out(renderer.help(for: command, path: invocation.commandPath))
                return .exit(checkingStdout(ExitCode.ok.rawValue, console: console))
            }
            guard let action = command.action else {
                throw UsageError("Missing subcommand for '\(invocation.commandPath.joined(separator: " "))'. "
                    + "Please provide one of \(InvocationParser.humanList(command.subcommands.map { $0.name })).",
                    commandPath: invocation.commandPath)
            }
            let context = CommandContext(invocation: invocation, environment: environment, console: console,
                                         workingDirectory: workingDirectory)
            return .run(PreparedCommand(action: action, context: context))
        } catch {
            return .exit(checkingStdout(report(error, console: console), console: console))
        }
    }

    /// `code`, unless something written to stdout was lost: then the run failed whatever
    /// its verdict (a report that did not arrive must not read as OK), exit status 74.
    static func checkingStdout(_ code: Int32, console: Console) -> Int32 {
        guard let failure = console.stdoutFailure else { return code }
        return report(OutputError.standardOutput(errno: failure), console: console)
    }

    /// Prints an error the way its kind requires and returns its exit status.
    static func report(_ error: any Error, console: Console) -> Int32 {
        let renderer = HelpRenderer(toolName: ToolVersion.name, globalOptions: CommandTable.globalOptions)
        switch error {
        case let error as UsageError:
            let command = resolve(error.commandPath)
            let pathText = ([ToolVersion.name] + error.commandPath).joined(separator: " ")
            console.err("Error: \(error.message)\n")
            console.err("Usage: \(renderer.usageLine(for: command, path: error.commandPath))\n")
            console.err("  See '\(pathText) --help' for more information.\n")
            return ExitCode.usage.rawValue
        case let error as ReportableError:
            // An error may quote what a target, a receiver or an import file said.
            console.err("Error: \(TerminalSafeText.neutralise(error.description, keepingLayout: true))\n")
            return error.exitCode.rawValue
        default:
            console.err("Error: internal error: \(TerminalSafeText.neutralise("\(error)", keepingLayout: true))\n")
            return ExitCode.software.rawValue
        }
    }

    private static func resolve(_ path: [String]) -> CommandSpec {
        var command = CommandTable.root
        for word in path {
            guard let next = command.subcommand(word) else { break }
            command = next
        }
        return command
    }

    private static func resolveHelpTarget(_ words: [String]) throws(UsageError) -> (command: CommandSpec, path: [String]) {
        var command = CommandTable.root
        var path: [String] = []
        for word in words {
            guard let next = command.subcommand(word) else {
                var message = "Unknown command '\(word)'."
                if let hint = EditDistance.suggestion(for: word, among: command.subcommands.map { $0.name }) {
                    message += " Did you mean '\(hint)'?"
                }
                throw UsageError(message, commandPath: ["help"])
            }
            command = next
            path.append(word)
        }
        return (command, path)
    }
}
