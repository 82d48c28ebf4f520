import Testing
@testable import TTAMonitorCore

/// Each command's options struct reads what the command line gave, by key, with the
/// documented defaults when nothing was given.
@Suite struct CommandOptionStructsTests {
    func context(_ arguments: [String]) throws -> CommandContext {
        let parser = InvocationParser(root: CommandTable.root, globalOptions: CommandTable.globalOptions)
        return CommandContext(invocation: try parser.parse(arguments), environment: [:], console: .capturing(),
                              workingDirectory: "/tmp")
    }

    @Test func checkOptionsReadEveryOption() throws {
        let given = try CheckOptions(context: try context(["check", "--format", "nagios", "--fail-on", "critical",
                                                           "--timeout", "2s", "--concurrency", "4", "--no-store"]))
        #expect(given.failOn == .critical && given.timeout == .seconds(2) && given.concurrency == 4 && given.noStore)
        let defaults = try CheckOptions(context: try context(["check"]))
        #expect(defaults.failOn == .warning && defaults.timeout == nil && defaults.concurrency == nil && !defaults.noStore)
    }

    @Test func checkOptionsRejectABadConcurrency() throws {
        let context = try context(["check", "--concurrency", "0"])
        #expect(throws: UsageError.self) { try CheckOptions(context: context) }
    }

    @Test func statusDiscoverAndRetentionOptions() throws {
        let status = try StatusOptions(context: try context(["status", "--component", "redis,api", "--window", "7d"]))
        #expect(status.components == ["redis", "api"] && status.window == .seconds(7 * 86_400))
        #expect(try StatusOptions(context: try context(["status"])).window == .seconds(86_400))
        let discover = DiscoverOptions(invocation: try context(["discover", "--source", "ports", "--compose", "a.yml",
                                                                "--save", "--emit-yaml"]).invocation)
        #expect(discover.sources == ["ports"] && discover.composeFiles == ["a.yml"] && discover.save && discover.emitYAML)
        let purge = RetentionPurgeOptions(invocation: try context(["retention", "purge", "--dry-run"]).invocation)
        #expect(purge.dryRun && purge.datasets == RetentionConfig.Dataset.allCases)
    }

    @Test func alertsOptions() throws {
        let silence = try AlertsSilenceOptions(context: try context(["alerts", "silence", "--rule", "down", "--for", "2h",
                                                                     "--comment", "deploy"]))
        #expect(silence.component == nil && silence.rule == "down" && silence.duration == .seconds(7_200)
            && silence.comment == "deploy")
        let missing = try context(["alerts", "silence", "--for", "2h"])
        #expect(throws: UsageError.self) { try AlertsSilenceOptions(context: missing) }
        let list = AlertsListOptions(invocation: try context(["alerts", "list", "--state", "all"]).invocation)
        #expect(list.state == "all" && list.filter == nil)
        #expect(AlertsListOptions(invocation: try context(["alerts", "list"]).invocation).filter == .firing)
        #expect(try AlertsHistoryOptions(context: try context(["alerts", "history"])).since == .seconds(7 * 86_400))
    }

    @Test func carbonOptions() throws {
        let measure = try CarbonMeasureOptions(context: try context(["carbon", "measure", "--duration", "30s", "--label", "x"]))
        #expect(measure.duration == .seconds(30) && measure.label == "x")
        let tooLong = try context(["carbon", "measure", "--duration", "2d"])
        #expect(throws: UsageError.self) { try CarbonMeasureOptions(context: tooLong) }
        let report = CarbonReportOptions(invocation: try context(["carbon", "report", "--since", "7d"]).invocation)
        #expect(report.since == "7d" && report.day == nil && report.dimension == .component)
    }
}
