/// Renders `--help` text for any command of the tree, in the layout swift-argument-parser uses.
public struct HelpRenderer: Sendable {
    private let toolName: String
    private let globalOptions: [OptionSpec]

    /// Creates a renderer for the tool `toolName`.
    public init(toolName: String, globalOptions: [OptionSpec]) {
        self.toolName = toolName
        self.globalOptions = globalOptions
    }

    /// The one-line usage of a command (`tta-monitor check [<name> ...] [<options>]`).
    public func usageLine(for command: CommandSpec, path: [String]) -> String {
        var parts = [([toolName] + path).joined(separator: " ")]
        if !command.subcommands.isEmpty, command.action == nil {
            parts.append("<subcommand>")
        }
        for argument in command.arguments {
            let word = "<\(argument.name)>" + (argument.variadic ? " ..." : "")
            parts.append(argument.required ? word : "[\(word)]")
        }
        if !command.options.isEmpty || path.isEmpty || command.action != nil {
            parts.append("[<options>]")
        }
        return parts.joined(separator: " ")
    }

    /// The full help text for the command at `path`.
    public func help(for command: CommandSpec, path: [String]) -> String {
        var lines: [String] = []
        lines.append("OVERVIEW: \(command.discussion ?? command.summary)")
        lines.append("")
        lines.append("USAGE: \(usageLine(for: command, path: path))")
        if !command.arguments.isEmpty {
            lines.append("")
            lines.append("ARGUMENTS:")
            lines += table(command.arguments.map { ("<\($0.name)>" + ($0.variadic ? " ..." : ""), $0.help) })
        }
        if !command.options.isEmpty {
            lines.append("")
            lines.append("OPTIONS:")
            lines += table(command.options.map { ($0.synopsis, describe($0)) })
        }
        lines.append("")
        lines.append("GLOBAL OPTIONS:")
        lines += table(globalOptions.map { ($0.synopsis, describe($0)) })
        if !command.subcommands.isEmpty {
            lines.append("")
            lines.append("SUBCOMMANDS:")
            lines += table(command.subcommands.map { ($0.name, $0.summary) })
            lines.append("")
            lines.append("  See '\(([toolName] + path).joined(separator: " ")) help <subcommand>' for detailed help.")
        }
        if !command.examples.isEmpty {
            lines.append("")
            lines.append("EXAMPLES:")
            lines += command.examples.map { "  \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func describe(_ option: OptionSpec) -> String {
        guard let allowed = option.allowedValues else { return option.help }
        return option.help + " (values: " + allowed.joined(separator: ", ") + ")"
    }

    private func table(_ rows: [(String, String)]) -> [String] {
        let width = min(28, (rows.map(\.0.count).max() ?? 0) + 2)
        return rows.map { left, right in
            let label = "  " + left
            if left.count + 2 > width {
                return label + "\n" + String(repeating: " ", count: width + 2) + right
            }
            return label + String(repeating: " ", count: width + 2 - label.count) + right
        }
    }
}
