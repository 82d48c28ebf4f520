/// `tta-monitor status`: what the database says about each component. It never probes.
enum StatusCommand {
    /// Results older than this many intervals are stale.
    static let staleIntervals: Int64 = 3
    /// Staleness limit for checks without an interval.
    static let defaultStaleMs: Int64 = 180_000

    static func run(_ context: CommandContext) async throws -> ExitCode {
        let support = CommandSupport(context: context)
        let options = try StatusOptions(context: context)
        let window = options.window
        let config = try support.optionalConfig()
        try config?.requireChecks()
        let path = try support.databasePath(config: config)
        let now = WallClock.nowMilliseconds()

        var states: [String: StatusQuery.ComponentState] = [:]
        var stats: [String: StatusQuery.WindowStats] = [:]
        var lastPurge: StatusQuery.PurgeRecord?
        let databaseExists = support.locator.exists(path)
        if !databaseExists, config == nil, let explicit = context.databaseOption {
            throw StoreError.missing("no such database (from --db); check the path, or record results there "
                + "first with 'tta-monitor --db \(explicit) check'", path: path)
        }
        if !databaseExists, config == nil {
            // Without a config nothing can ever be checked, so running `check` would not help:
            // the first step is a config file.
            throw ConfigError.missingFile("no config file found (looked for $TTA_CONFIG, ./config/tta_config.yaml, "
                + "./tta_config.yaml) and no database at \(path): create a config from tta_config.yaml.example "
                + "(copy it to ./tta_config.yaml and list your checks), or pass --config PATH / --db PATH")
        }
        if !databaseExists {
            context.note("note: no results yet in \(path); run 'tta-monitor check' to record some")
        }

        var names = config?.checks.map(\.name) ?? []
        if databaseExists {
            let query = StatusQuery(database: try support.openDatabase(path, config: config))
            try query.database.readTransaction { () throws(StoreError) in
                states = try query.components()
                lastPurge = try query.lastPurge()
                if config == nil { names = states.keys.sorted() }
                let requested = try? support.resolveNames(options.components, among: names, what: "component")
                let selected = (requested?.isEmpty ?? true) ? names : requested!
                for name in selected where states[name] != nil {
                    stats[name] = try query.windowStats(component: name, since: now - window.milliseconds, now: now)
                }
            }
        }
        let requested = try support.resolveNames(options.components, among: names, what: "component")
        if !requested.isEmpty { names = names.filter { requested.contains($0) } }

        let rows = names.map { name -> StatusRow in
            let configured = config?.check(named: name)
            let state = states[name]
            let intervalMs = configured.flatMap { config?.interval(for: $0)?.milliseconds } ?? state?.intervalMs
            return StatusRow(name: name, kind: configured?.kind.name ?? state?.kind ?? "?",
                             critical: configured?.critical ?? state?.critical ?? false,
                             state: state, stats: stats[name], now: now,
                             staleAfterMs: intervalMs.map { $0 * staleIntervals } ?? defaultStaleMs)
        }
        let ahead = rows.filter(\.isFromFuture).map(\.name)
        if !ahead.isEmpty {
            context.console.err("warning: the latest result of \(NameList.abbreviated(ahead)) is stamped in the future "
                + "(the clock was ahead when it was stored, or is behind now); shown as stale until a new result is stored\n")
        }
        let report = StatusReport(rows: rows, now: now, window: window, databasePath: path, lastPurge: lastPurge,
                                  serve: ServeLock.holder(forDatabase: path))
        context.console.out(context.wantsJSON ? report.json() : report.table(style: context.style))
        return ExitCode(report.overall)
    }
}
