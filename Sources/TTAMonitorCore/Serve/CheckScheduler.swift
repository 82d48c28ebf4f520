import Synchronization

/// serve's check loops, one per configured check. A reload hands it the new config: loops of
/// unchanged checks keep running on their schedule, removed checks' loops end, added and
/// changed checks get new ones (state lives in the database, so nothing is lost).
final class CheckScheduler: Sendable {
    private struct Loop {
        var plan: CheckPlan
        var task: Task<Void, Never>
    }

    private let loops = Mutex<[String: Loop]>([:])
    /// Loops cancelled by a reload that may still finish a probe.
    private let retired = Mutex<[Task<Void, Never>]>([])
    private let events: AsyncStream<ServeEvent>.Continuation
    private let log: any ServeLogger
    let stopping = ServeStopFlag()

    init(events: AsyncStream<ServeEvent>.Continuation, log: any ServeLogger) {
        self.events = events
        self.log = log
    }

    /// Makes the loops match `config`'s checks; returns what changed.
    @discardableResult
    func apply(_ config: MonitoringConfig) -> CheckPlan.Changes {
        let plans = config.enabled ? config.checks.map { CheckPlan(check: $0, config: config) } : []
        return loops.withLock { loops in
            var changes = CheckPlan.Changes()
            let wanted = Set(plans.map(\.check.name))
            for (name, loop) in loops where !wanted.contains(name) {
                loop.task.cancel()
                retired.withLock { $0.append(loop.task) }
                loops[name] = nil
                changes.removed.append(name)
            }
            for plan in plans {
                let previous = loops[plan.check.name]
                if let previous, previous.plan == plan { continue }
                previous?.task.cancel()
                if let previous { retired.withLock { $0.append(previous.task) } }
                let loop = CheckLoop(check: plan.check, config: config, interval: plan.interval, events: events,
                                     log: log, stopping: stopping)
                let previousTask = previous?.task
                loops[plan.check.name] = Loop(plan: plan, task: Task { await loop.run(after: previousTask) })
                if previous == nil { changes.added.append(plan.check.name) } else { changes.changed.append(plan.check.name) }
            }
            return changes
        }
    }

    /// No new runs from now on; returns every loop task, to be waited for.
    func stop() -> [Task<Void, Never>] {
        _ = stopping.set()
        let tasks = loops.withLock { $0.values.map(\.task) } + retired.withLock { $0 }
        for task in tasks { task.cancel() }
        return tasks
    }
}
