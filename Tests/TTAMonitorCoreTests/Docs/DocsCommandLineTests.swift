import Testing
@testable import TTAMonitorCore

/// Every `tta-monitor …` line the docs show parses with the real command table (parsed, not
/// run): a renamed option or command fails here, not in a reader's terminal.
@Suite struct DocsCommandLineTests {
    static let lines: [DocumentedCommandLine] = ((try? MarkdownDocument.all()) ?? []).flatMap(DocumentedCommandLine.all(in:))

    @Test func theDocsShowCommandLines() {
        #expect(lines.count >= 10, "\(Self.lines.map(\.testDescription))")
        #expect(Self.lines.contains { $0.showsUsageError }, "the README's misspelled-option example is no longer found")
    }

    var lines: [DocumentedCommandLine] { Self.lines }

    @Test(arguments: lines)
    func parsesWithTheCommandTable(_ line: DocumentedCommandLine) {
        let parser = InvocationParser(root: CommandTable.root, globalOptions: CommandTable.globalOptions)
        let result = Result { () throws(UsageError) in try parser.parse(line.arguments) }
        if line.showsUsageError {
            #expect(throws: UsageError.self, "\(line.testDescription) is shown failing but parses") { try result.get() }
            return
        }
        switch result {
        case .failure(let error):
            Issue.record("\(line.testDescription): \(error)")
        case .success(let invocation):
            // A group such as `alerts` alone parses but has nothing to run.
            let command = invocation.commandPath.reduce(CommandTable.root) { $0.subcommand($1) ?? $0 }
            #expect(command.action != nil || invocation.wantsHelp || ["help", "version"].contains(invocation.commandPath.first ?? ""),
                    "\(line.testDescription) names no runnable command")
        }
    }
}
