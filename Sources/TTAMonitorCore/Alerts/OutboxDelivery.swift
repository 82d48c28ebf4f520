/// Delivers due notifications from the outbox (`notifications` table) to their channels,
/// at-least-once, with retries and backoff on later runs.
///
/// One pass claims what is due, groups it per channel into one message per channel (a
/// person paged once with three alerts, not three times), sends the channels in parallel,
/// each bounded by its own timeout, and records every outcome in one transaction. A
/// notification is marked delivered only after its receiver accepted it, so a receiver that
/// is down gets everything it missed, once, when it comes back; receivers that must never
/// see a repeat (after a crash between sending and recording) deduplicate on
/// `notification_id`.
struct OutboxDelivery {
    /// How one channel fared in a pass.
    struct ChannelOutcome: Sendable {
        /// The channel's name.
        var channel: String
        /// Its type.
        var type: String
        /// Notifications its receiver accepted.
        var deliveredIDs: [Int64] = []
        /// Notifications that did not arrive (kept for a later run).
        var failedIDs: [Int64] = []
        /// Messages sent (more than one only past `batchSize` notifications).
        var messages: Int
        /// Nil when everything arrived; else why not (secrets masked, redacted).
        var error: String?
        /// Time spent sending.
        var durationMs: Double
    }

    /// What one delivery pass did.
    struct Report: Sendable {
        /// Notifications delivered.
        var delivered = 0
        /// Notifications that failed this time (kept for a later run).
        var failed = 0
        /// Per channel that had something to send, in config order.
        var channels: [ChannelOutcome] = []
        /// Due notifications for channels the config no longer has, per channel name.
        var orphaned: [String: Int] = [:]
        /// Due notifications whose payload could not be read.
        var unreadable = 0

        /// `(channel, error)` for every channel whose message failed.
        var errors: [(channel: String, message: String)] {
            channels.compactMap { outcome in outcome.error.map { (outcome.channel, $0) } }
        }

        /// One line for stderr, or nil when the pass had nothing to say.
        var note: String? {
            var parts: [String] = []
            if delivered > 0 { parts.append("\(delivered) notification\(delivered == 1 ? "" : "s") delivered") }
            if failed > 0 {
                let reasons = errors.map { "\($0.channel): \($0.message)" }.joined(separator: "; ")
                parts.append("\(failed) not delivered, retried on a later run (\(reasons))")
            }
            for (channel, count) in orphaned.sorted(by: { $0.key < $1.key }) {
                parts.append("\(count) waiting for channel '\(channel)', which is not configured")
            }
            if unreadable > 0 { parts.append("\(unreadable) with an unreadable payload set aside") }
            return parts.isEmpty ? nil : "alerts: " + parts.joined(separator: "; ")
        }
    }

    /// Most notifications in one message; a backlog larger than this goes out in several.
    static let batchSize = 100

    let database: Database
    let config: MonitoringConfig
    let now: Int64
    let environment: [String: String]

    /// Delivers every notification whose next attempt is due. A receiver that is down is
    /// recorded on the row and retried later; this never throws for that.
    func deliverDue() async throws(StoreError) -> Report {
        try await deliver(ids: nil, retryFailures: true)
    }

    /// Delivers exactly the rows `ids`, due or not (`alerts notify-test`). With
    /// `retryFailures` false a failed row is never tried again: it keeps its error and
    /// `next_attempt_at` moves to the end of time.
    func deliver(ids: [Int64]?, retryFailures: Bool) async throws(StoreError) -> Report {
        let channels = config.alerts.channels
        let store = OutboxStore(database: database)
        let claim = try store.claim(now: now, ids: ids, channels: channels) { channel, count in
            // Long enough for every message this pass may send to the channel, plus margin.
            let messages = Int64((count + Self.batchSize - 1) / Self.batchSize)
            return channel.timeout.milliseconds * max(1, messages) + 60_000
        }
        var report = Report(orphaned: claim.orphaned, unreadable: claim.unreadable)
        guard !claim.rows.isEmpty else { return report }

        let stopwatch = Stopwatch()
        let work: [(AlertChannel, [OutboxStore.Row])] = channels.compactMap { channel in
            let rows = claim.rows.filter { $0.channel == channel.name }
            return rows.isEmpty ? nil : (channel, rows)
        }
        let redactor = config.redactor
        let sentAt = now
        let outcomes = await withTaskGroup(of: (Int, ChannelOutcome).self) { group in
            for (index, (channel, rows)) in work.enumerated() {
                group.addTask { (index, await Self.send(rows, to: channel, sentAt: sentAt, redactor: redactor)) }
            }
            var collected: [(Int, ChannelOutcome)] = []
            for await outcome in group { collected.append(outcome) }
            return collected.sorted { $0.0 < $1.0 }.map(\.1)
        }

        let finishedAt = now + Int64(stopwatch.elapsedMilliseconds)
        let rowsByID = Dictionary(claim.rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let channelsByName = Dictionary(channels.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        try database.writeTransaction { () throws(StoreError) in
            for outcome in outcomes {
                try store.markDelivered(outcome.deliveredIDs, at: finishedAt)
                guard let error = outcome.error else { continue }
                for id in outcome.failedIDs {
                    guard let row = rowsByID[id], let channel = channelsByName[outcome.channel] else { continue }
                    let next = retryFailures
                        ? finishedAt + OutboxBackoff.delay(afterAttempts: row.attempts + 1, base: channel.retryBackoff)
                        : Int64.max
                    try store.markFailed(row, error: error, nextAttemptAt: next)
                }
            }
        }
        report.delivered = outcomes.reduce(0) { $0 + $1.deliveredIDs.count }
        report.failed = outcomes.reduce(0) { $0 + $1.failedIDs.count }
        report.channels = outcomes
        return report
    }

    /// Sends one channel's rows, `batchSize` per message, oldest first; the first failure
    /// stops the channel for this pass and counts for every row not yet accepted.
    private static func send(_ rows: [OutboxStore.Row], to channel: AlertChannel, sentAt: Int64,
                             redactor: Redactor) async -> ChannelOutcome {
        let stopwatch = Stopwatch()
        var outcome = ChannelOutcome(channel: channel.name, type: channel.type, messages: 0, error: nil, durationMs: 0)
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(start + batchSize, rows.count)]
            outcome.messages += 1
            if case .failed(let reason) = await channel.send(batch.map(\.notification), sentAt: sentAt) {
                // A receiver's error body is untrusted text: it goes to last_error and stderr.
                outcome.error = TerminalSafeText.neutralise(redactor.redact(channel.masking(reason)))
                outcome.failedIDs = rows[start...].map(\.id)
                break
            }
            outcome.deliveredIDs += batch.map(\.id)
            start += batchSize
        }
        outcome.durationMs = stopwatch.elapsedMilliseconds
        return outcome
    }
}
