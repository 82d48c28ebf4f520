#if canImport(Glibc)
import Glibc
#endif

/// `tta-monitor carbon report`: imports the configured CodeCarbon files first, then reports
/// a day or period against the seven days before it and the daily threshold. Exit 1 when
/// a day of the period is over `daily_threshold_kg` (so cron can alert), else 0.
enum CarbonReportCommand {
    static func run(_ context: CommandContext) async throws -> ExitCode {
        let support = CommandSupport(context: context)
        let config = try support.optionalConfig()
        let carbon = config?.carbon ?? CarbonConfig()
        let period = try period(context, now: WallClock.nowMilliseconds())
        let dimension = CarbonReportOptions(invocation: context.invocation).dimension
        let path = try support.databasePath(config: config)
        let files = carbon.codecarbonCSV
        let imports = try await automaticImport(files, isDefault: carbon.csvIsDefault, databasePath: path, context: context, config: config)
        let working = context.workingDirectory
        let result = await BlockingCall.run { () -> Result<CarbonReport, StoreError> in
            let builder = CarbonReportBuilder(period: period, dimension: dimension, config: carbon)
            let absolute = path.hasPrefix("/") ? path : working + "/" + path
            // No database and nothing imported: an empty report, without creating a file.
            guard access(absolute, F_OK) == 0 else { return .success(builder.build(runs: [], attribution: [:], baselineRuns: [])) }
            do throws(StoreError) {
                let database = try support.openDatabase(path, config: config)
                let store = CarbonRunStore(database: database)
                return .success(try database.readTransaction { () throws(StoreError) in
                    let runs = period.isDay ? try store.runs(firstDay: period.firstDay, lastDay: period.lastDay)
                        : try store.runs(since: period.since, until: period.until)
                    let baseline = try period.baselineDays.map { span throws(StoreError) in
                        try store.runs(firstDay: span.first, lastDay: span.last)
                    } ?? []
                    return builder.build(runs: runs, attribution: try store.attribution(runIDs: runs.map(\.id)), baselineRuns: baseline)
                })
            } catch {
                return .failure(error)
            }
        }
        let report = try result.get()
        if context.wantsJSON {
            context.console.out(JSONWriter.render(CarbonReportRenderer.json(report, imports: imports)) + "\n")
        } else if !context.quiet {
            context.console.out(CarbonReportRenderer.table(report, style: context.style))
        }
        return report.thresholdExceeded ? .warning : .ok
    }

    /// The period from `--day` or `--since`/`--until`; today when neither is given.
    static func period(_ context: CommandContext, now: Int64) throws(UsageError) -> CarbonPeriod {
        let invocation = context.invocation
        let options = CarbonReportOptions(invocation: invocation)
        let (day, since, until) = (options.day, options.since, options.until)
        if day != nil, since != nil || until != nil {
            throw UsageError("Give either '--day' or '--since'/'--until', not both.", commandPath: invocation.commandPath)
        }
        if since == nil, until == nil {
            let text = day ?? "today"
            guard let period = CarbonPeriod.day(text, now: now) else {
                throw UsageError("The value '\(text)' is invalid for '--day <date>'. Use YYYY-MM-DD, 'today' or 'yesterday'.",
                                 commandPath: invocation.commandPath)
            }
            return period
        }
        func instant(_ name: String, _ text: String?) throws(UsageError) -> Int64? {
            guard let text else { return nil }
            guard let value = CarbonPeriod.instant(text, now: now) else {
                throw UsageError("The value '\(text)' is invalid for '--\(name) <time>'. Use YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS[Z], 'now' or a duration ago such as 7d.",
                                 commandPath: invocation.commandPath)
            }
            return value
        }
        guard let start = try instant("since", since) else {
            throw UsageError("'--until' needs '--since'.", commandPath: invocation.commandPath)
        }
        let end = try instant("until", until) ?? now
        guard end > start else {
            throw UsageError("'--since' must be before '--until'.", commandPath: invocation.commandPath)
        }
        return CarbonPeriod.range(since: start, until: end)
    }

    /// Imports the configured emissions files. Problems are notes on stderr, never a failure
    /// of the report: a missing default file is normal before CodeCarbon first ran.
    static func automaticImport(_ files: [String], isDefault: Bool, databasePath: String,
                                context: CommandContext, config: MonitoringConfig?) async throws(StoreError) -> [CodeCarbonImporter.Outcome] {
        guard !files.isEmpty else { return [] }
        let outcomes = try await CarbonImportCommand.importAll(files, databasePath: databasePath, workingDirectory: context.workingDirectory,
                                                                  support: CommandSupport(context: context), config: config)
        for outcome in outcomes {
            if let failure = outcome.failure, failure.exitCode == .noInput {
                context.note(isDefault ? "note: \(outcome.file) not found (CodeCarbon has not written it yet); nothing imported"
                                       : "warning: \(failure.description); nothing imported")
                continue
            }
            if outcome.failure != nil || !outcome.malformed.isEmpty {
                if !context.quiet { CarbonImportCommand.reportProblems(outcome, context: context, prefix: "warning: ") }
            }
            if outcome.imported > 0 { context.note("Imported \(outcome.imported) new row(s) from \(outcome.file).") }
        }
        return outcomes
    }
}
