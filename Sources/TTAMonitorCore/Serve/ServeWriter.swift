#if canImport(Glibc)
import Glibc
#endif

/// The one task that owns serve's database connection. Check loops probe on their own and
/// send results here; the writer settles them through the check cycle (pipeline, store,
/// alert rules), delivers the outbox, reloads the config and stops, one event at a time, so
/// no two of those ever touch the database together.
final class ServeWriter {
    /// How often the outbox is retried besides the delivery right after an alert is queued.
    static let deliveryPeriod = Duration.seconds(2)
    /// How often the config file is looked at.
    static let watchPeriod = Duration.seconds(2)
    /// How long in-flight probes have after SIGTERM before their commands are killed (serve
    /// must be gone within 5 s: systemd's and Kubernetes' patience is longer, an operator's not).
    static let drainTime = Duration.seconds(3)

    var cycle: CheckCycle
    let configPath: String
    let environment: [String: String]
    /// What the HTTP side reads.
    let state: ServeRuntimeState
    let log: ServeEventLog
    let scheduler: CheckScheduler
    let events: AsyncStream<ServeEvent>
    let continuation: AsyncStream<ServeEvent>.Continuation
    /// The database's serve lock and what it says (`status` reads a failed reload there).
    let lock: ServeLock
    var holder: ServeLockHolder
    /// `monitoring.schedule`'s jobs, restarted on reload.
    var dailyJobs: [Task<Void, Never>] = []

    init(config: MonitoringConfig, configPath: String, database: Database, databasePath: String,
         environment: [String: String], log: ServeEventLog, lock: ServeLock, holder: ServeLockHolder) {
        self.lock = lock
        self.holder = holder
        (events, continuation) = AsyncStream.makeStream(of: ServeEvent.self)
        cycle = CheckCycle(config: config, database: database, storesResults: true, environment: environment,
                           runner: CheckRunner(concurrency: 1), note: { log.log(.info, "note", [("message", $0)]) })
        self.configPath = configPath
        self.environment = environment
        self.log = log
        state = ServeRuntimeState(databasePath: databasePath, config: config)
        scheduler = CheckScheduler(events: continuation, log: log)
    }

    /// Runs until a termination signal, then stops gracefully; exit 0.
    func run() async -> ExitCode {
        divertSignals()
        scheduler.apply(cycle.config)
        dailyJobs = DailyJobs.start(cycle.config, databasePath: state.databasePath, log: log)
        state.running(cycle.config)
        log.log(.info, "serve_started", [("pid", String(getpid())), ("checks", String(cycle.config.checks.count)),
                                         ("database", state.databasePath), ("config", configPath)])
        let timers = ServeTimers.start(events: continuation, configPath: configPath,
                                       deliveryPeriod: Self.deliveryPeriod, watchPeriod: Self.watchPeriod)
        defer { for timer in timers { timer.cancel() } }
        var stopping = false
        for await event in self.events {
            switch event {
            case .probed(let check, let results, let startedAt):
                await settle(check, results, startedAt: startedAt)
            case .deliver:
                if !stopping { await deliver() }
            case .reload(let reason):
                if !stopping { reload(because: reason) }
            case .stop(let signal):
                stopping = true
                beginStop(signal: signal)
            case .drained:
                return await finish(abandoning: false)
            case .drainDeadline:
                return await finish(abandoning: true)
            }
        }
        return .ok
    }

    /// SIGHUP reloads; the first SIGTERM or SIGINT stops gracefully, a second one ends the
    /// process at once (the usual 128 + signal).
    private func divertSignals() {
        let events = continuation
        let stopRequested = ServeStopFlag()
        TerminationSignals.divert { signal in
            if signal == SIGHUP {
                events.yield(.reload(reason: "SIGHUP"))
                return true
            }
            guard stopRequested.set() else { return false }
            events.yield(.stop(signal: signal))
            return true
        }
    }
}
