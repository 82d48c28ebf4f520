/// The outbox queries delivery needs: claim what is due, then record how it went. Claiming
/// pushes `next_attempt_at` ahead by a lease inside a write transaction, so a second
/// process delivering at the same time (an overlapping cron run) does not send the same
/// rows again; a process killed mid-send leaves rows that come due once the lease passes.
struct OutboxStore {
    /// One claimed notification.
    struct Row: Sendable {
        /// `notifications.id`.
        var id: Int64
        /// `notifications.channel`.
        var channel: String
        /// Attempts before this one.
        var attempts: Int64
        /// The decoded payload, `notificationID` filled in.
        var notification: AlertNotification
    }

    /// What a claim found.
    struct Claim: Sendable {
        /// Rows to send now, oldest first.
        var rows: [Row] = []
        /// Due rows whose channel is not in the config, per channel name.
        var orphaned: [String: Int] = [:]
        /// Rows whose payload could not be read (set aside for an hour, with an error).
        var unreadable = 0
    }

    /// How many due rows one pass looks at; the rest wait for the next run.
    static let claimLimit = 10_000

    let database: Database

    /// Claims every undelivered row due at `now` (or exactly the rows `ids`, due or not).
    func claim(now: Int64, ids: [Int64]? = nil, channels: [AlertChannel], lease: (AlertChannel, Int) -> Int64) throws(StoreError) -> Claim {
        try database.writeTransaction { () throws(StoreError) -> Claim in
            var claim = Claim()
            var candidates: [Candidate] = []
            if let ids {
                let select = try database.prepare("""
                    SELECT id, channel, payload, attempts, last_error FROM notifications WHERE id = ? AND delivered_at IS NULL
                    """)
                for id in ids {
                    try select.bind([.integer(id)])
                    if try select.step() {
                        candidates.append(try Self.candidate(select.row))
                    }
                }
            } else {
                // Only configured channels, so old rows of a removed channel cannot fill the
                // limit and starve the rest; those are counted (and explained) separately.
                let names = channels.map { Statement.Value.text($0.name) }
                let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
                let select = try database.prepare("""
                    SELECT id, channel, payload, attempts, last_error FROM notifications
                    WHERE delivered_at IS NULL AND next_attempt_at <= ? AND channel IN (\(placeholders)) ORDER BY id LIMIT ?
                    """)
                try select.bind([.integer(now)] + names + [.integer(Int64(Self.claimLimit))])
                while try select.step() {
                    candidates.append(try Self.candidate(select.row))
                }
                try explainOrphans(now: now, configured: names, placeholders: placeholders, into: &claim)
            }
            let byName = Dictionary(channels.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            var counts: [String: Int] = [:]
            for candidate in candidates where byName[candidate.channel] != nil { counts[candidate.channel, default: 0] += 1 }
            let reschedule = try database.prepare("UPDATE notifications SET next_attempt_at = ? WHERE id = ?")
            let orphan = try database.prepare("UPDATE notifications SET last_error = ? WHERE id = ?")
            let unreadable = try database.prepare("""
                UPDATE notifications SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?
                """)
            for candidate in candidates {
                guard let channel = byName[candidate.channel] else {
                    claim.orphaned[candidate.channel, default: 0] += 1
                    let message = Self.orphanMessage(candidate.channel)
                    if candidate.error != message { try orphan.run([.text(message), .integer(candidate.id)]) }
                    continue
                }
                guard let notification = AlertNotification(stored: candidate.payload, notificationID: candidate.id) else {
                    claim.unreadable += 1
                    try unreadable.run([.text("payload is not a notification this version can read"),
                                        .integer(now + OutboxBackoff.maximum.milliseconds), .integer(candidate.id)])
                    continue
                }
                try reschedule.run([.integer(now + lease(channel, counts[candidate.channel] ?? 1)), .integer(candidate.id)])
                claim.rows.append(Row(id: candidate.id, channel: candidate.channel, attempts: candidate.attempts,
                                      notification: notification))
            }
            return claim
        }
    }

    /// An undelivered row as `claim` first reads it.
    private typealias Candidate = (id: Int64, channel: String, payload: String, attempts: Int64, error: String?)

    private static func candidate(_ row: TTAMonitorCore.Row) throws(StoreError) -> Candidate {
        (try row.int("id"), try row.text("channel") ?? "", try row.text("payload") ?? "", try row.int("attempts"),
         try row.text("last_error"))
    }

    /// Counts due rows whose channel is not configured and says why on each (written only
    /// when the text changes, so a waiting row costs no write per run).
    private func explainOrphans(now: Int64, configured names: [Statement.Value], placeholders: String,
                                into claim: inout Claim) throws(StoreError) {
        let count = try database.prepare("""
            SELECT channel, COUNT(*) AS due FROM notifications
            WHERE delivered_at IS NULL AND next_attempt_at <= ? AND channel NOT IN (\(placeholders)) GROUP BY channel
            """)
        try count.bind([.integer(now)] + names)
        while try count.step() { claim.orphaned[try count.row.text("channel") ?? "", default: 0] += Int(try count.row.int("due")) }
        let explain = try database.prepare("""
            UPDATE notifications SET last_error = ?1
            WHERE delivered_at IS NULL AND channel = ?2 AND next_attempt_at <= ?3 AND (last_error IS NULL OR last_error <> ?1)
            """)
        for channel in claim.orphaned.keys {
            try explain.run([.text(Self.orphanMessage(channel)), .text(channel), .integer(now)])
        }
    }

    /// `last_error` of a row whose channel is not configured.
    static func orphanMessage(_ channel: String) -> String {
        "channel '\(channel)' is not configured (monitoring.alerts.channels); kept until it is"
    }

    /// Marks `ids` delivered at `at`.
    func markDelivered(_ ids: [Int64], at: Int64) throws(StoreError) {
        let update = try database.prepare("""
            UPDATE notifications SET delivered_at = ?, attempts = attempts + 1, last_error = NULL
            WHERE id = ? AND delivered_at IS NULL
            """)
        for id in ids { try update.run([.integer(at), .integer(id)]) }
    }

    /// Records a failed attempt on `row`: its error and when to try again.
    func markFailed(_ row: Row, error: String, nextAttemptAt: Int64) throws(StoreError) {
        try database.prepare("""
            UPDATE notifications SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?
            WHERE id = ? AND delivered_at IS NULL
            """).run([.text(error), .integer(nextAttemptAt), .integer(row.id)])
    }

    /// Inserts a notification for `channel`, due at once; returns its id.
    func enqueue(_ notification: AlertNotification, channel: String, now: Int64) throws(StoreError) -> Int64 {
        try database.writeTransaction { () throws(StoreError) -> Int64 in
            try database.prepare("""
                INSERT INTO notifications (alert_id, channel, event, payload, created_at, attempts, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, 0, ?)
                """).run([notification.alertID.map { .integer($0) } ?? .null, .text(channel), .text(notification.event.rawValue),
                          .text(notification.storedJSON), .integer(now), .integer(now)])
            return database.lastInsertRowID
        }
    }
}
