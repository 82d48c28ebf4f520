/// `tta-monitor check`: probe now, store one run, print, exit with the verdict.
enum CheckCommand {
    static let implementedFormats = ["table", "json"]

    static func run(_ context: CommandContext) async throws -> ExitCode {
        let support = CommandSupport(context: context)
        let invocation = context.invocation
        let format = invocation.value("format") ?? (context.wantsJSON ? "json" : "table")
        guard implementedFormats.contains(format) else {
            throw NotImplemented.Failure(command: "check --format \(format)")
        }
        let timeout = try support.durationOption("timeout")
        let concurrency = try support.intOption("concurrency", range: 1...1_024)
        let failOn: CheckStatus = invocation.value("fail-on") == "critical" ? .critical : .warning

        let config = try support.requiredConfig()
        guard config.enabled else {
            context.note("monitoring is disabled in \(config.sourcePath) (monitoring.enabled: false); nothing checked")
            return .ok
        }
        guard !config.checks.isEmpty else {
            throw ConfigError("no checks configured in \(config.sourcePath): add a monitoring.checks list (see tta_config.yaml.example)")
        }
        let names = try support.resolveNames(invocation.arguments, among: config.checks.map(\.name), what: "check")
        let selected = names.isEmpty ? config.checks : config.checks.filter { names.contains($0.name) }

        // Open (and migrate) the database before probing, so a bad --db fails in milliseconds
        // rather than after every check has run.
        let store = invocation.flag("no-store") ? nil : try ResultStore(database: Database(path: support.databasePath(config: config)))

        let startedAt = WallClock.nowMilliseconds()
        let stopwatch = Stopwatch()
        let runner = CheckRunner(concurrency: concurrency ?? config.defaults.concurrency, timeoutOverride: timeout)
        let probed = await runner.run(selected, config: config)
        let prior = try CheckPipeline.priorStates(databasePath: support.databasePath(config: config), locator: support.locator)
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

        let report = CheckReport(results: results, runID: runID, startedAt: startedAt,
                                 durationMs: stopwatch.elapsedMilliseconds, failOn: failOn)
        let text = format == "json" ? report.json() : report.table(style: context.style, verbose: context.verbose)
        if let output = invocation.value("output"), output != "-" {
            try AtomicFile.write(text, to: output)
        } else {
            context.console.out(text)
        }
        return report.exitCode
    }
}
