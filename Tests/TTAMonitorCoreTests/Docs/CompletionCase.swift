import TTAMonitorCore

/// One completion request: the words typed so far, the last being the one under the
/// cursor, and candidates the shell must offer for it. The cases are derived from
/// `CommandTable`, so every shell is asked about every command, option and value.
struct CompletionCase: Sendable, CustomStringConvertible {
    /// `["tta-monitor", "check", "--fo"]`: the last word is being completed.
    var words: [String]
    /// Candidates that must all be offered (others may be too).
    var expected: [String]

    var description: String { "'\(words.joined(separator: " "))' should offer \(expected)" }

    static let tool = "tta-monitor"

    /// Each command from the first two letters of its name, with and without a global
    /// option and its value in front (`tta-monitor --db x.db al` → `alerts`).
    static var commands: [CompletionCase] {
        DocumentedCommand.all.flatMap { command -> [CompletionCase] in
            let typed = Array(command.path.dropLast()) + [String(command.path.last!.prefix(2))]
            return [CompletionCase(words: [tool] + typed, expected: [command.path.last!]),
                    CompletionCase(words: [tool, "--db", "x.db"] + typed, expected: [command.path.last!])]
        }
    }

    /// Each command's options and the global options, after a lone dash.
    static var options: [CompletionCase] {
        DocumentedCommand.all.map { command in
            CompletionCase(words: [tool] + command.path + ["-"],
                           expected: spellings(command.spec.options + CommandTable.globalOptions))
        }
    }

    /// The allowed values of each option, as the next word (`--format js`) or, when
    /// `equals` is set, after `=` in the same word (`--format=js`).
    static func values(equals: Bool) -> [CompletionCase] {
        DocumentedCommand.optionsWithAllowedValues.map { command, option in
            let allowed = option.allowedValues ?? []
            return equals
                ? CompletionCase(words: [tool] + command.path + ["--\(option.name)="], expected: allowed.map { "--\(option.name)=\($0)" })
                : CompletionCase(words: [tool] + command.path + ["--\(option.name)", ""], expected: allowed)
        }
    }

    /// After each option of a command (and its value, if it takes one), the command is
    /// still known: its own options are offered again.
    static var afterOptions: [CompletionCase] {
        DocumentedCommand.withOptions.flatMap { command in
            (command.spec.options + CommandTable.globalOptions).map { option in
                let given = option.valueName == nil ? ["--\(option.name)"] : ["--\(option.name)", option.allowedValues?.first ?? "x"]
                return CompletionCase(words: [tool] + command.path + given + ["--"],
                                      expected: command.spec.options.map { "--\($0.name)" })
            }
        }
    }

    /// `-q`, `--quiet`, `--format`, … for `options`.
    static func spellings(_ options: [OptionSpec]) -> [String] {
        options.flatMap { option in ["--\(option.name)"] + (option.short.map { ["-\($0)"] } ?? []) }
    }
}
