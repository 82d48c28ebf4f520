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
        // A non-loopback address without a token is refused (78) before anything is bound or locked.
        let http = ServeHTTPSettings(config: config, listen: options.listen, environment: context.environment)
        if !options.noHTTP { try http.validate() }
        let databasePath = try support.databasePath(config: config)
        let holder = ServeLockHolder(pid: getpid(), startedAt: WallClock.nowMilliseconds(),
                                     listen: options.noHTTP ? "none" : http.listen.description)
        guard let lock = try ServeLock.acquire(forDatabase: databasePath, holder: holder) else {
            throw ServeLock.busy(forDatabase: databasePath)
        }
        let database = try support.openDatabase(databasePath, config: config)
        let log = ServeEventLog(format: options.logFormat, console: context.console, config: config)
        let writer = ServeWriter(config: config, configPath: support.locator.resolve(config.sourcePath), database: database,
                                 databasePath: databasePath, environment: context.environment, log: log,
                                 lock: lock, holder: holder)
        let server = options.noHTTP ? nil : try ServeHTTPServer.start(listen: http.listen, settings: http,
                                                                       state: writer.state, logger: log)
        let status = await writer.run()
        server?.stop()
        return status
    }
}
