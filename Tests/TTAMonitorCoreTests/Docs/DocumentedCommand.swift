import Testing
import TTAMonitorCore

/// One node of `CommandTable.root` with the words that reach it, so parameterised tests
/// name the command they are about (`alerts list`).
struct DocumentedCommand: Sendable, CustomTestStringConvertible {
    /// Command words from the root, e.g. `["alerts", "list"]`.
    let path: [String]
    /// The table's entry.
    let spec: CommandSpec

    var testDescription: String { path.joined(separator: " ") }

    /// Every command and subcommand of the table, parents before children.
    static let all: [DocumentedCommand] = {
        var result: [DocumentedCommand] = []
        func walk(_ spec: CommandSpec, path: [String]) {
            for child in spec.subcommands {
                let childPath = path + [child.name]
                result.append(DocumentedCommand(path: childPath, spec: child))
                walk(child, path: childPath)
            }
        }
        walk(CommandTable.root, path: [])
        return result
    }()

    /// The commands that take options of their own.
    static var withOptions: [DocumentedCommand] { all.filter { !$0.spec.options.isEmpty } }

    /// Every option with a fixed set of values, with the command it belongs to.
    static var optionsWithAllowedValues: [(command: DocumentedCommand, option: OptionSpec)] {
        all.flatMap { command in
            command.spec.options.filter { $0.allowedValues != nil }.map { (command, $0) }
        }
    }
}
