/// Turns argv into a `ParsedInvocation` against the command tree.
///
/// Global options are accepted before or after the command words (`tta-monitor --json status`
/// and `tta-monitor status --json` mean the same), because people type both.
public struct InvocationParser: Sendable {
    private let root: CommandSpec
    private let globalOptions: [OptionSpec]

    /// Creates a parser for the tree under `root`, with `globalOptions` valid everywhere.
    public init(root: CommandSpec, globalOptions: [OptionSpec]) {
        self.root = root
        self.globalOptions = globalOptions
    }

    /// Parses `arguments` (argv without the program name).
    public func parse(_ arguments: [String]) throws(UsageError) -> ParsedInvocation {
        var invocation = ParsedInvocation()
        var command = root
        var index = 0
        var onlyPositionals = false

        // Help wins over every other problem, so `tta-monitor check --bogus --help` helps.
        invocation.wantsHelp = arguments.prefix { $0 != "--" }.contains { $0 == "-h" || $0 == "--help" }

        while index < arguments.count {
            let token = arguments[index]
            index += 1
            if onlyPositionals {
                invocation.arguments.append(token)
                continue
            }
            if token == "--" {
                onlyPositionals = true
                continue
            }
            if token == "-h" || token == "--help" { continue }
            if token.hasPrefix("--") {
                try parseLong(token, command: command, path: invocation.commandPath,
                              arguments: arguments, index: &index, into: &invocation)
                continue
            }
            if looksLikeOption(token) {
                try parseShortCluster(token, command: command, path: invocation.commandPath,
                                      arguments: arguments, index: &index, into: &invocation)
                continue
            }
            if !command.subcommands.isEmpty, invocation.arguments.isEmpty {
                if let sub = command.subcommand(token) {
                    command = sub
                    invocation.commandPath.append(token)
                    continue
                }
                if command.arguments.isEmpty {
                    if invocation.wantsHelp { continue }
                    var message = invocation.commandPath.isEmpty
                        ? "Unknown command '\(token)'."
                        : "Unknown subcommand '\(token)' for '\(invocation.commandPath.joined(separator: " "))'."
                    if let hint = EditDistance.suggestion(for: token, among: command.subcommands.map(\.name)) {
                        message += " Did you mean '\(hint)'?"
                    }
                    throw UsageError(message, commandPath: invocation.commandPath)
                }
            }
            invocation.arguments.append(token)
        }
        if invocation.wantsHelp { return invocation }
        try validate(invocation, command: command)
        return invocation
    }

    private func options(of command: CommandSpec) -> [OptionSpec] { command.options + globalOptions }

    private func parseLong(_ token: String, command: CommandSpec, path: [String], arguments: [String],
                           index: inout Int, into invocation: inout ParsedInvocation) throws(UsageError) {
        let body = token.dropFirst(2)
        let name: String
        var inlineValue: String?
        if let equals = body.firstIndex(of: "=") {
            name = String(body[..<equals])
            inlineValue = String(body[body.index(after: equals)...])
        } else {
            name = String(body)
        }
        guard let option = options(of: command).first(where: { $0.name == name }) else {
            if invocation.wantsHelp { return }
            var message = "Unknown option '--\(name)'."
            if let hint = EditDistance.suggestion(for: name, among: options(of: command).map(\.name)) {
                message += " Did you mean '--\(hint)'?"
            }
            throw UsageError(message, commandPath: path)
        }
        if option.valueName == nil {
            if inlineValue != nil {
                throw UsageError("The flag '--\(name)' does not take a value.", commandPath: path)
            }
            invocation.values[option.name, default: []].append("true")
            return
        }
        let value: String
        if let inlineValue {
            value = inlineValue
        } else if index < arguments.count, !looksLikeOption(arguments[index]) {
            value = arguments[index]
            index += 1
        } else {
            if invocation.wantsHelp { return }
            throw UsageError("Missing value for '\(option.longSynopsis)'.", commandPath: path)
        }
        invocation.values[option.name, default: []].append(value)
    }

    private func parseShortCluster(_ token: String, command: CommandSpec, path: [String], arguments: [String],
                                   index: inout Int, into invocation: inout ParsedInvocation) throws(UsageError) {
        let letters = Array(token.dropFirst())
        for (position, letter) in letters.enumerated() {
            guard let option = options(of: command).first(where: { $0.short == letter }) else {
                if invocation.wantsHelp { return }
                throw UsageError("Unknown option '-\(letter)'.", commandPath: path)
            }
            if option.valueName == nil {
                invocation.values[option.name, default: []].append("true")
                continue
            }
            // `-oFILE` or `-o FILE`: the value is the rest of the cluster or the next word.
            let rest = String(letters[(position + 1)...])
            if !rest.isEmpty {
                invocation.values[option.name, default: []].append(rest)
            } else if index < arguments.count, !looksLikeOption(arguments[index]) {
                invocation.values[option.name, default: []].append(arguments[index])
                index += 1
            } else {
                throw UsageError("Missing value for '\(option.longSynopsis)'.", commandPath: path)
            }
            return
        }
    }

    /// `-q` or `--json`, but not `-1s`, `-5` or `-.5`: no option name starts with a digit, so a
    /// word like that is a (negative) value, and its own parser can say what is wrong with it.
    private func looksLikeOption(_ word: String) -> Bool {
        guard word.hasPrefix("-"), word.count > 1 else { return false }
        let second = word[word.index(after: word.startIndex)]
        return !(second.isASCII && (second.isNumber || second == "."))
    }

    private func validate(_ invocation: ParsedInvocation, command: CommandSpec) throws(UsageError) {
        let path = invocation.commandPath
        for option in options(of: command) {
            guard let given = invocation.values[option.name] else { continue }
            if !option.repeatable, option.valueName != nil, given.count > 1, Set(given).count > 1 {
                throw UsageError("'\(option.longSynopsis)' was given more than once.", commandPath: path)
            }
            if let allowed = option.allowedValues {
                for value in given where !allowed.contains(value) {
                    throw UsageError("The value '\(value)' is invalid for '\(option.longSynopsis)'. "
                        + "Please provide one of \(Self.humanList(allowed)).", commandPath: path)
                }
            }
        }
        try rejectConflicts(invocation, path: path)
        let accepted = command.arguments
        if let required = accepted.first(where: \.required), invocation.arguments.isEmpty {
            throw UsageError("Missing expected argument '<\(required.name)>'.", commandPath: path)
        }
        let variadic = accepted.contains(where: \.variadic)
        if !variadic, invocation.arguments.count > accepted.count {
            let extra = invocation.arguments[accepted.count]
            throw UsageError("Unexpected argument '\(extra)'.", commandPath: path)
        }
    }

    /// Options that contradict each other are a usage error rather than a silent choice:
    /// `--json` asks for JSON, so a `--format` other than json cannot also be honoured.
    private func rejectConflicts(_ invocation: ParsedInvocation, path: [String]) throws(UsageError) {
        // `check` and `export` both call their format option `format`; the check key names it.
        if invocation.flag(CommandOptions.Global.json), let format = invocation.value(CommandOptions.Check.format),
           format != "json" {
            throw UsageError("'--json' conflicts with '--format \(format)'. Give one of them "
                + "('--json' is the same as '--format json').", commandPath: path)
        }
    }

    /// `'a', 'b' or 'c'`, the wording swift-argument-parser uses.
    static func humanList(_ values: [String]) -> String {
        let quoted = values.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }
}
