/// One check's life in serve: wait for its tick, probe, hand the results to the writer,
/// repeat. Runs of one check never overlap: the next tick is waited for only after the run.
struct CheckLoop: Sendable {
    let check: CheckConfig
    /// The config the check came from: its defaults give the timeout and retries.
    let config: MonitoringConfig
    let interval: Duration
    let events: AsyncStream<ServeEvent>.Continuation
    let log: any ServeLogger
    let stopping: ServeStopFlag

    /// Runs until cancelled while waiting. `previous`, the loop this one replaces, is
    /// waited for first so a changed check's old run and new run never overlap.
    func run(after previous: Task<Void, Never>?) async {
        await previous?.value
        let clock = ContinuousClock()
        var tick = clock.now + ServeSchedule.firstDelay(interval: interval, fraction: Double.random(in: 0..<1))
        while !stopping.isSet {
            do { try await clock.sleep(until: tick) } catch { return }
            if stopping.isSet || Task.isCancelled { return }
            let startedAt = WallClock.nowMilliseconds()
            let check = check, config = config
            // A task of its own: cancelling the loop (reload, stop) must not cut a probe
            // short; it ends within its own deadline and its result is still stored.
            let results = await Task { await CheckRunner(concurrency: 1).run([check], config: config) }.value
            events.yield(.probed(check, results, startedAt: startedAt))
            let (next, skipped) = ServeSchedule.next(after: tick, interval: interval, now: clock.now)
            if skipped > 0, !stopping.isSet {
                log.log(.warning, "ticks_skipped", [("check", check.name), ("skipped", String(skipped)),
                                                    ("interval", "\(interval.milliseconds)ms")])
            }
            tick = next
        }
    }
}
