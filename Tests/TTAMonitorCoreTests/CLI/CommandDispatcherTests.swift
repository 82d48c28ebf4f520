import Testing
@testable import TTAMonitorCore

/// Runs the dispatcher in-process with a capturing console.
func runCLI(_ arguments: [String], environment: [String: String] = [:],
            workingDirectory: String = "/tmp") async -> (code: Int32, out: String, err: String) {
    let console = Console.capturing()
    let code = await CommandDispatcher.run(arguments: arguments, environment: environment, console: console,
                                           workingDirectory: workingDirectory)
    return (code, console.capturedOut, console.capturedErr)
}

@Suite struct CommandDispatcherTests {
    @Test func versionFlagAndCommandAgree() async {
        let flag = await runCLI(["--version"])
        let command = await runCLI(["version"])
        #expect(flag.code == 0 && command.code == 0)
        #expect(flag.out == "tta-monitor \(ToolVersion.version)\n")
        #expect(flag.out == command.out)
    }

    @Test func unknownCommandSuggestsNearest() async {
        let result = await runCLI(["stauts"])
        #expect(result.code == 64)
        #expect(result.out.isEmpty)
        #expect(result.err == """
            Error: Unknown command 'stauts'. Did you mean 'status'?
            Usage: tta-monitor <subcommand> [<options>]
              See 'tta-monitor --help' for more information.

            """)
    }

    @Test func unknownOptionSuggestsNearest() async {
        let result = await runCLI(["check", "--fial-on", "warning"])
        #expect(result.code == 64)
        #expect(result.err.hasPrefix("Error: Unknown option '--fial-on'. Did you mean '--fail-on'?\nUsage: tta-monitor check [<name> ...] [<options>]\n"))
    }

    @Test func invalidValueListsChoices() async {
        let result = await runCLI(["check", "--format", "png"])
        #expect(result.code == 64)
        #expect(result.err.contains("The value 'png' is invalid for '--format <format>'. Please provide one of 'table', 'json', 'nagios', 'junit', 'tap' or 'openmetrics'."))
    }

    @Test func missingValueIsAUsageError() async {
        let result = await runCLI(["status", "--window"])
        #expect(result.code == 64)
        #expect(result.err.hasPrefix("Error: Missing value for '--window <duration>'."))
    }

    @Test(arguments: [["--help"], ["-h"], ["help"]])
    func rootHelpListsEveryCommand(_ arguments: [String]) async {
        let result = await runCLI(arguments)
        #expect(result.code == 0)
        #expect(result.err.isEmpty)
        for command in ["status", "discover", "check", "alerts", "carbon", "export", "retention", "config"] {
            #expect(result.out.contains("\n  \(command) "), "help lacks \(command)")
        }
    }

    @Test func helpIsTheSameEveryWayItIsAsked() async {
        let a = await runCLI(["help", "alerts", "silence"])
        let b = await runCLI(["alerts", "silence", "--help"])
        let c = await runCLI(["alerts", "silence", "-h"])
        #expect(a.code == 0 && b.code == 0 && c.code == 0)
        #expect(a.out == b.out && b.out == c.out)
        #expect(a.out.contains("USAGE: tta-monitor alerts silence [<options>]"))
    }

    @Test func helpWinsOverOtherMistakes() async {
        let result = await runCLI(["check", "--bogus", "--help"])
        #expect(result.code == 0)
        #expect(result.out.hasPrefix("OVERVIEW: Run all configured checks"))
    }

    @Test func groupWithoutSubcommandIsAUsageError() async {
        let result = await runCLI(["config"])
        #expect(result.code == 64)
        #expect(result.err.hasPrefix("Error: Missing subcommand for 'config'. Please provide one of 'validate' or 'show'."))
    }

    @Test func unexpectedArgument() async {
        let result = await runCLI(["status", "extra"])
        #expect(result.code == 64)
        #expect(result.err.hasPrefix("Error: Unexpected argument 'extra'."))
    }
}

@Suite struct InvocationParserTests {
    let parser = InvocationParser(root: CommandTable.root, globalOptions: CommandTable.globalOptions)

    @Test func globalOptionsBeforeOrAfterTheCommand() throws {
        let before = try parser.parse(["--json", "--db", "x.db", "status"])
        let after = try parser.parse(["status", "--json", "--db=x.db"])
        #expect(before.commandPath == ["status"] && after.commandPath == ["status"])
        #expect(before.value(CommandOptions.Global.db) == "x.db" && after.value(CommandOptions.Global.db) == "x.db")
        #expect(before.flag(CommandOptions.Global.json) && after.flag(CommandOptions.Global.json))
    }

    @Test func shortFlagsCombine() throws {
        let parsed = try parser.parse(["-qv", "check"])
        #expect(parsed.flag(CommandOptions.Global.quiet) && parsed.flag(CommandOptions.Global.verbose))
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try parser.parse(["check", "--", "--weird-name"])
        #expect(parsed.arguments == ["--weird-name"])
    }

    @Test func repeatableOptionsAccumulateAndSplitCommas() throws {
        let parsed = try parser.parse(["status", "--component", "redis,neo4j", "--component", "api"])
        #expect(parsed.list(CommandOptions.Status.component) == ["redis", "neo4j", "api"])
    }

    @Test func conflictingRepeatsOfASingleOptionAreRejected() {
        #expect(throws: UsageError.self) { try parser.parse(["check", "--timeout", "1s", "--timeout", "2s"]) }
    }

    @Test func flagsRejectValues() {
        #expect(throws: UsageError("The flag '--json' does not take a value.", commandPath: [])) {
            try parser.parse(["--json=yes"])
        }
    }
}

@Suite struct EditDistanceTests {
    @Test func distances() {
        #expect(EditDistance.between("status", "stauts") == 1)
        #expect(EditDistance.between("redsi", "redis") == 1)
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("", "abc") == 3)
        #expect(EditDistance.between("check", "check") == 0)
    }

    @Test func farWordsGetNoSuggestion() {
        #expect(EditDistance.suggestion(for: "xyzzy", among: ["status", "check"]) == nil)
        #expect(EditDistance.suggestion(for: "chek", among: ["status", "check"]) == "check")
    }
}
