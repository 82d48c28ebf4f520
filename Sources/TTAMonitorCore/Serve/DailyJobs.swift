#if canImport(Glibc)
import Glibc
#endif

/// serve's daily jobs (`monitoring.schedule`), each a task of its own beside the checks: a
/// long purge never holds up a result. They run the commands' own code.
enum DailyJobs {
    /// Starts a task per configured job; cancel them to stop (a purge already running ends
    /// its current batch and is safe to abandon: each batch is one transaction).
    static func start(_ config: MonitoringConfig, databasePath: String, log: any ServeLogger) -> [Task<Void, Never>] {
        var tasks: [Task<Void, Never>] = []
        if let time = config.schedule.retentionPurge {
            let retention = config.retention, mode = config.storageMode
            tasks.append(Task {
                await every(time, job: "retention_purge", log: log) {
                    await purge(databasePath: databasePath, retention: retention, mode: mode, log: log)
                }
            })
        }
        return tasks
    }

    /// Runs `work` at `time` every local day until cancelled. Sleeps a minute at most at a
    /// time, so a wall clock that jumps (NTP, a suspended VM) is noticed.
    static func every(_ time: DailyTime, job: String, log: any ServeLogger, _ work: @Sendable () async -> Void) async {
        var ranOn: Int?
        while true {
            let next = DailyJobClock.next(time, after: WallClock.nowMilliseconds(), ranOn: ranOn)
            while WallClock.nowMilliseconds() < next {
                let left = next - WallClock.nowMilliseconds()
                do { try await Task.sleep(for: .milliseconds(min(max(left, 1), 60_000))) } catch { return }
            }
            ranOn = DailyJobClock.localDay(next)
            log.log(.info, "daily_job_started", [("job", job), ("scheduled", time.description)])
            await work()
        }
    }

    /// `retention purge` over every dataset, on a connection and a thread of its own.
    static func purge(databasePath: String, retention: RetentionConfig, mode: mode_t, log: any ServeLogger) async {
        let result = await BlockingCall.run { () -> Result<RetentionPurge.Outcome, StoreError> in
            do throws(StoreError) {
                let database = try Database(path: databasePath, mode: mode)
                let purge = RetentionPurge(database: database, config: retention, now: WallClock.nowMilliseconds())
                return .success(try purge.run(RetentionConfig.Dataset.allCases, dryRun: false))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let outcome):
            log.log(.info, "retention_purged", [("rows_removed", String(outcome.rowsRemoved)),
                                                ("bytes_reclaimed", String(outcome.bytesReclaimed)),
                                                ("duration_ms", String(outcome.finishedAt - outcome.startedAt))])
        case .failure(let error):
            log.log(.error, "retention_purge_failed", [("error", "\(error)")])
        }
    }
}
