import Foundation
import Testing
@testable import TTAMonitorCore

/// The table declares options with the keys commands read them by; these tests prove the two
/// name the same set, so an option cannot be declared without a key (its command could not
/// read it) nor a key exist that the table does not declare (help and completion would lack it).
@Suite struct CommandOptionsTests {
    /// Each command path with options, and its key enum's names.
    static let keys: [[String]: [String]] = [
        ["status"]: names(CommandOptions.Status.self),
        ["discover"]: names(CommandOptions.Discover.self),
        ["check"]: names(CommandOptions.Check.self),
        ["serve"]: names(CommandOptions.Serve.self),
        ["export"]: names(CommandOptions.Export.self),
        ["retention", "purge"]: names(CommandOptions.RetentionPurge.self),
        ["alerts", "list"]: names(CommandOptions.AlertsList.self),
        ["alerts", "silence"]: names(CommandOptions.AlertsSilence.self),
        ["alerts", "history"]: names(CommandOptions.AlertsHistory.self),
        ["carbon", "report"]: names(CommandOptions.CarbonReport.self),
        ["carbon", "measure"]: names(CommandOptions.CarbonMeasure.self),
    ]

    static func names<Key: OptionKey>(_ type: Key.Type) -> [String] { Key.allCases.map(\.rawValue) }

    /// Every command of the tree with its path from the root.
    static func commands(_ spec: CommandSpec = CommandTable.root, path: [String] = []) -> [([String], CommandSpec)] {
        [(path, spec)] + spec.subcommands.flatMap { commands($0, path: path + [$0.name]) }
    }

    @Test func everyCommandsOptionsMatchItsKeyEnum() {
        for (path, command) in Self.commands() where !command.options.isEmpty || Self.keys[path] != nil {
            #expect(command.options.map(\.name) == Self.keys[path], "options of '\(path.joined(separator: " "))'")
        }
        let tablePaths = Set(Self.commands().filter { !$0.1.options.isEmpty }.map(\.0))
        #expect(tablePaths == Set(Self.keys.keys))
    }

    @Test func globalOptionsMatchTheGlobalKeys() {
        #expect(CommandTable.globalOptions.map(\.name) == Self.names(CommandOptions.Global.self))
    }

    /// The parser's --json/--format conflict check reads the check key for both commands.
    @Test func checkAndExportNameTheirFormatAlike() {
        #expect(CommandOptions.Check.format.rawValue == CommandOptions.Export.format.rawValue)
    }

    /// Keys make a misspelt name fail to compile only if nothing reads the parsed dictionary
    /// by string behind their back: only the parser and `ParsedInvocation` may touch it.
    @Test func onlyTheParserReadsOptionsByString() throws {
        let sources = DocumentationFiles.path("Sources")
        let allowed: Set<String> = ["TTAMonitorCore/CLI/InvocationParser.swift", "TTAMonitorCore/CLI/ParsedInvocation.swift"]
        let files = try #require(FileManager.default.enumerator(atPath: sources)).compactMap { $0 as? String }
        let offenders = try files.filter { $0.hasSuffix(".swift") && !allowed.contains($0) }.filter { file in
            try String(contentsOfFile: sources + "/" + file, encoding: .utf8).contains("invocation.values")
        }
        #expect(offenders.isEmpty, "read options by key (CommandOptions), not by string: \(offenders)")
        #expect(files.contains("TTAMonitorCore/CLI/InvocationParser.swift"), "the scan must see the sources")
    }
}
