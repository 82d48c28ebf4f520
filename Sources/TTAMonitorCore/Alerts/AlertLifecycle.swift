/// The state changes of one alert that the evaluator and the `alerts` commands share:
/// firing, repeating, escalating, resolving, acknowledging. Each writes its event and its
/// outbox rows through `store`, inside the caller's transaction, so a state change and the
/// notifications it causes commit together.
struct AlertLifecycle {
    let store: AlertStore
    let route: AlertRoute
    let repeatInterval: Duration
    let escalateAfter: Duration
    let now: Int64

    /// The lifecycle under `config` (route, intervals).
    init(store: AlertStore, config: AlertsConfig, now: Int64) {
        self.store = store
        self.route = config.route
        self.repeatInterval = config.repeatInterval
        self.escalateAfter = config.escalateAfter
        self.now = now
    }

    /// pending → firing. The notification follows in `maintainFiring`.
    func fire(_ alert: inout AlertRecord) throws(StoreError) {
        alert.state = .firing
        alert.firedAt = now
        try store.addEvent(alertID: alert.id, at: now, .firing, detail: alert.summary)
    }

    /// What a firing alert owes its receivers at `now`: the first notification (also the one
    /// held back while it was silenced or inhibited), a repeat after `repeat_interval`, the next
    /// escalation level after `escalate_after`. A suppressed alert records the suppression
    /// and sends nothing; an acknowledged one neither repeats nor escalates. Returns the
    /// outbox rows written.
    func maintainFiring(_ alert: inout AlertRecord, suppression: String?) throws(StoreError) -> Int {
        if suppression != alert.suppressedBy {
            if let suppression {
                try store.addEvent(alertID: alert.id, at: now, suppression.hasPrefix("silence:") ? .silenced : .inhibited, detail: suppression)
            } else if let previous = alert.suppressedBy {
                try store.addEvent(alertID: alert.id, at: now, .unsuppressed, detail: previous)
            }
            alert.suppressedBy = suppression
        }
        guard suppression == nil else { return 0 }
        let severity = alert.severity
        var queued = 0
        if alert.lastNotifiedAt == nil {
            queued += try store.enqueue(alert.notification(.firing, now: now),
                                        channels: route.channels(for: severity, through: alert.escalationLevel), now: now)
            alert.lastNotifiedAt = now
        } else if alert.ackedAt == nil, let last = alert.lastNotifiedAt, now - last >= repeatInterval.milliseconds {
            let channels = route.channels(for: severity, through: alert.escalationLevel)
            queued += try store.enqueue(alert.notification(.repeat, now: now), channels: channels, now: now)
            try store.addEvent(alertID: alert.id, at: now, .repeat, detail: channels.joined(separator: ", "))
            alert.lastNotifiedAt = now
        }
        let levels = route.levels(for: severity)
        if alert.ackedAt == nil, alert.escalationLevel + 1 < levels.count,
           now - (alert.escalatedAt ?? alert.firedAt ?? now) >= escalateAfter.milliseconds {
            alert.escalationLevel += 1
            alert.escalatedAt = now
            let channels = levels[alert.escalationLevel]
            try store.addEvent(alertID: alert.id, at: now, .escalated,
                               detail: "level \(alert.escalationLevel): \(channels.joined(separator: ", "))")
            queued += try store.enqueue(alert.notification(.escalated, now: now), channels: channels, now: now)
            alert.lastNotifiedAt = now
        }
        return queued
    }

    /// → resolved. A firing alert that is not suppressed notifies the channels that were
    /// told it fired. Returns the outbox rows written.
    func resolve(_ alert: inout AlertRecord, detail: String) throws(StoreError) -> Int {
        let wasFiring = alert.state == .firing
        alert.state = .resolved
        alert.resolvedAt = now
        alert.lastEvaluatedAt = max(alert.lastEvaluatedAt, now)
        try store.addEvent(alertID: alert.id, at: now, .resolved, detail: detail)
        var queued = 0
        if wasFiring, alert.suppressedBy == nil {
            queued = try store.enqueue(alert.notification(.resolved, now: now),
                                       channels: try store.notifiedChannels(alertID: alert.id), now: now)
        }
        try store.update(alert)
        return queued
    }

    /// Acknowledges: stops escalation and repeats.
    func acknowledge(_ alert: inout AlertRecord, by user: String?) throws(StoreError) {
        alert.ackedAt = now
        alert.ackedBy = user
        try store.addEvent(alertID: alert.id, at: now, .acked, detail: user)
        try store.update(alert)
    }
}
