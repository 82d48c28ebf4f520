import Synchronization

/// serve's `ServeState`: what the HTTP side reads, written by the writer task.
final class ServeRuntimeState: ServeState {
    private struct Snapshot {
        var config: MonitoringConfig
        var readiness: ServeReadiness
        /// When each check last ran (start of the probe, ms since the Unix epoch).
        var lastRun: [String: Int64] = [:]
    }

    let databasePath: String
    private let snapshot: Mutex<Snapshot>

    init(databasePath: String, config: MonitoringConfig) {
        self.databasePath = databasePath
        snapshot = Mutex(Snapshot(config: config, readiness: .notReady(reason: "starting")))
    }

    func configInForce() -> MonitoringConfig { snapshot.withLock { $0.config } }

    func readiness() -> ServeReadiness { snapshot.withLock { $0.readiness } }

    /// When each check last ran.
    func lastRuns() -> [String: Int64] { snapshot.withLock { $0.lastRun } }

    /// The scheduler runs on `config`.
    func running(_ config: MonitoringConfig) {
        snapshot.withLock {
            $0.config = config
            $0.readiness = .ready
        }
    }

    /// A reload failed: the old config stays in force, and readiness says why until a
    /// reload succeeds. Not ready, because the file on disk is not what runs: an operator
    /// (or a deploy pipeline waiting on /readyz) must hear of it.
    func reloadFailed(_ reason: String) {
        snapshot.withLock { $0.readiness = .notReady(reason: "config_error: \(reason); the previous config stays in force") }
    }

    /// A check's run started at `startedAt`.
    func ran(_ check: String, at startedAt: Int64) {
        snapshot.withLock { $0.lastRun[check] = startedAt }
    }

    /// serve is stopping.
    func stopping() {
        snapshot.withLock { $0.readiness = .notReady(reason: "stopping") }
    }
}
