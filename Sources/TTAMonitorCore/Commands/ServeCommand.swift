#if canImport(Glibc)
import Glibc
#endif

/// `tta-monitor serve`: checks on their own intervals, alerts, HTTP, until SIGTERM. The
/// command reads the options and the config, takes the database's serve lock, and hands over
/// to the writer (`ServeWriter`), which runs the check cycle.
enum ServeCommand {
    static func run(_ context: CommandContext) async throws -> ExitCode {
        let options = try ServeOptions(context: context)
        let support = CommandSupport(context: context)
        let config = try support.requiredConfig()
        try config.requireChecks()
        try ServeSchedule.validate(config)
        let databasePath = try support.databasePath(config: config)
        let holder = ServeLockHolder(pid: getpid(), startedAt: WallClock.nowMilliseconds(),
                                     listen: options.noHTTP ? "none" : options.listen?.description ?? "default")
        guard let lock = try ServeLock.acquire(forDatabase: databasePath, holder: holder) else {
            throw ServeLock.busy(forDatabase: databasePath)
        }
        let database = try support.openDatabase(databasePath, config: config)
        let log = ServeEventLog(format: options.logFormat, console: context.console, config: config)
        let writer = ServeWriter(config: config, configPath: support.locator.resolve(config.sourcePath), database: database,
                                 databasePath: databasePath, environment: context.environment, log: log,
                                 lock: lock, holder: holder)
        if !options.noHTTP { startHTTP(options.listen, state: writer.state, log: log) }
        return await writer.run()
    }

    /// WIRING POINT for the HTTP server (Serve/HTTP/, built apart): the lead replaces this
    /// body with the server's start after the merge. It reads only `state` and logs through `log`.
    static func startHTTP(_ listen: ServeListenAddress?, state: any ServeState, log: any ServeLogger) {
        log.log(.warning, "http_not_built", [("listen", listen?.description ?? "default"),
                                             ("message", "http: not built yet; running the checks only")])
    }
}
