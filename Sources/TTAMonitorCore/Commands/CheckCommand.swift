#if canImport(Glibc)
import Glibc
#endif

/// `tta-monitor check`: probe now, store one run, report it in every asked-for format,
/// exit with the verdict.
enum CheckCommand {
    static func run(_ context: CommandContext) async throws -> ExitCode {
        let support = CommandSupport(context: context)
        let invocation = context.invocation
        let options = try CheckOptions(context: context)
        let plan = options.plan

        var config = try support.requiredConfig()
        try config.requireChecks()
        guard config.enabled else {
            context.note("monitoring is disabled in \(config.sourcePath) (monitoring.enabled: false); nothing checked")
            return .ok
        }
        // One connection for the whole run (discovery state, prior state, the results),
        // opened and migrated before probing so a bad --db fails in milliseconds rather than
        // after every check has run. --no-store without a database creates none.
        let databasePath = try support.databasePath(config: config)
        try plan.refuseOverwriting(databasePath, what: "the database", commandPath: invocation.commandPath)
        try plan.refuseOverwriting(config.sourcePath, what: "the config file", commandPath: invocation.commandPath)
        let database = options.noStore && !config.discovery.auto && !support.locator.exists(databasePath)
            ? nil : try support.openDatabase(databasePath, config: config)
        if config.discovery.auto, let database {
            let discovered = try await AutoDiscovery.run(
                config: config, configText: try ConfigLoader.readFile(config.sourcePath), environment: context.environment,
                composeFiles: DiscoverCommand.composeFiles(explicit: [], config: config, configPath: config.sourcePath,
                                                           locator: support.locator, workingDirectory: context.workingDirectory),
                database: database)
            for note in discovered.notes { context.note(note) }
            config.checks += discovered.checks
        }
        guard !config.checks.isEmpty else {
            throw ConfigError("no checks configured in \(config.sourcePath): add a monitoring.checks list (see tta_config.yaml.example)")
        }
        let names = try support.resolveNames(invocation.arguments, among: config.checks.map(\.name), what: "check")
        let selected = names.isEmpty ? config.checks : config.checks.filter { names.contains($0.name) }

        let store = options.noStore ? nil : database.map(ResultStore.init(database:))

        let startedAt = WallClock.nowMilliseconds()
        let stopwatch = Stopwatch()
        let runner = CheckRunner(concurrency: options.concurrency ?? config.defaults.concurrency, timeoutOverride: options.timeout)
        if runner.effectiveConcurrency < min(runner.concurrency, selected.count) {
            let most = runner.effectiveConcurrency == 1 ? "1 check" : "\(runner.effectiveConcurrency) checks"
            context.note("note: at most \(most) in flight instead of \(runner.concurrency): "
                + "the open-file limit (ulimit -n) is \(DescriptorLimit.softLimit ?? 0) and each check may need "
                + "\(DescriptorLimit.perCheck) descriptors besides \(DescriptorLimit.reserved) for tta-monitor itself")
        }
        let probed = await runner.run(selected, config: config)
        let prior = try database.map { try StatusQuery(database: $0).components() } ?? [:]
        let results = CheckPipeline.process(probed, checks: selected, config: config, prior: prior)
        let finishedAt = WallClock.nowMilliseconds()

        var runID: Int64?
        if let store {
            let components = Dictionary(uniqueKeysWithValues: selected.map {
                ($0.name, ResultStore.ComponentInfo(name: $0.name, kind: $0.kind.name, critical: $0.critical,
                                                    intervalMs: config.interval(for: $0)?.milliseconds))
            })
            runID = try store.recordRun(startedAt: startedAt, finishedAt: finishedAt, results: results, components: components)
        }
        // Alerts are evaluated on the stored history, so only runs that were stored count.
        // The run's verdict (and exit status) never depends on alerting: a database problem
        // while evaluating is a note, and the next run evaluates again.
        if store != nil, let database {
            do {
                let (outcome, delivery) = try await AlertCycle.run(database: database, config: config, now: WallClock.nowMilliseconds(),
                                                                   environment: context.environment)
                if let note = AlertCycle.note(outcome) { context.note(note) }
                if let note = delivery.note { context.note(note) }
            } catch {
                context.note("warning: alerts not evaluated: \(error)")
            }
        }

        let report = CheckRunReport(results: results, runID: runID, startedAt: startedAt,
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
