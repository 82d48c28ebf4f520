#if canImport(Glibc)
import Glibc
#endif

/// `tta-monitor check`: probe now, store one run, report it in every asked-for format,
/// exit with the verdict. The work is the check cycle's (`CheckCycle`); the command picks
/// the checks, configures the cycle and prints.
enum CheckCommand {
    static func run(_ context: CommandContext) async throws -> ExitCode {
        let support = CommandSupport(context: context)
        let invocation = context.invocation
        let options = try CheckOptions(context: context)
        let plan = options.plan

        let loaded = try support.requiredConfig()
        try loaded.requireChecks()
        guard loaded.enabled else {
            context.note("monitoring is disabled in \(loaded.sourcePath) (monitoring.enabled: false); nothing checked")
            return .ok
        }
        // One connection for the whole run (discovery state, prior state, the results),
        // opened and migrated before probing so a bad --db fails in milliseconds rather than
        // after every check has run. --no-store without a database creates none.
        let databasePath = try support.databasePath(config: loaded)
        try plan.refuseOverwriting(databasePath, what: "the database", commandPath: invocation.commandPath)
        try plan.refuseOverwriting(loaded.sourcePath, what: "the config file", commandPath: invocation.commandPath)
        let database = options.noStore && !loaded.discovery.auto && !support.locator.exists(databasePath)
            ? nil : try support.openDatabase(databasePath, config: loaded)
        var cycle = CheckCycle(config: loaded, database: database, storesResults: !options.noStore,
                               environment: context.environment,
                               runner: CheckRunner(concurrency: options.concurrency ?? loaded.defaults.concurrency,
                                                   timeoutOverride: options.timeout),
                               note: context.note)
        try await cycle.addDiscoveredChecks(composeFiles: ComposeFileSearch.files(
            explicit: [], config: loaded, configPath: loaded.sourcePath, locator: support.locator,
            workingDirectory: context.workingDirectory))
        let config = cycle.config
        guard !config.checks.isEmpty else {
            throw ConfigError("no checks configured in \(config.sourcePath): add a monitoring.checks list (see tta_config.yaml.example)")
        }
        let names = try support.resolveNames(invocation.arguments, among: config.checks.map(\.name), what: "check")
        let selected = names.isEmpty ? config.checks : config.checks.filter { names.contains($0.name) }

        let stopwatch = Stopwatch()
        let run = try await cycle.run(checks: selected, evaluateAlerts: true, deliver: true)
        let report = CheckRunReport(results: run.results, runID: run.runID, startedAt: run.startedAt,
                                    durationMs: stopwatch.elapsedMilliseconds, failOn: options.failOn,
                                    latencyThresholds: latencyThresholds(selected))
        try deliver(report, plan: plan, context: context, mode: config.storageMode)
        // A command check that ignored SIGTERM at its timeout gets SIGKILL a second later;
        // wait for that (bounded) so nothing the run started outlives it.
        _ = await CommandCheck.waitForTimedOutCommands()
        return report.exitCode
    }

    /// Writes every file (each atomically), then stdout. One unwritable file does not keep
    /// the others from being written (a broken CI path must not starve the textfile
    /// collector); the failures are reported together afterwards, exit status 74.
    static func deliver(_ report: CheckRunReport, plan: ReportOutputPlan, context: CommandContext,
                        mode: mode_t = FileMode.privateData) throws(OutputError) {
        let plain = TerminalStyle(isTerminal: false, environment: [:], noColorFlag: true)
        var failures: [String] = []
        var standardOutput: String?
        for target in plan.targets {
            switch target.destination {
            case .standardOutput:
                standardOutput = target.format.render(report, style: context.style, verbose: context.verbose)
            case .file(let path):
                do {
                    try AtomicFile.write(target.format.render(report, style: plain, verbose: context.verbose), to: path, mode: mode)
                } catch {
                    failures.append(error.message)
                }
            }
        }
        if let standardOutput { context.console.out(standardOutput) }
        guard failures.isEmpty else { throw OutputError(message: failures.joined(separator: "; ")) }
    }

    static func latencyThresholds(_ checks: [CheckConfig]) -> [String: Thresholds] {
        var thresholds: [String: Thresholds] = [:]
        for check in checks { thresholds[check.name] = check.kind.latencyThresholds }
        return thresholds
    }
}
