/// Which rows of one table a dataset's purge removes, and which child tables lose rows with
/// them through `ON DELETE CASCADE` (counted, so that the output says what went).
///
/// The condition is SQL over the table's own columns with the cutoff bound as `?1`; it is
/// a constant of this file, never built from input.
struct PurgeRule: Sendable {
    /// A child table whose rows go with their parent.
    struct Cascade: Sendable {
        /// The child table.
        let table: String
        /// Its column referencing the parent's `id`.
        let column: String
    }

    /// The table.
    let table: String
    /// Rows matching this (with `?1` = cutoff) are past their window.
    let condition: String
    /// Child tables emptied by cascade.
    let cascades: [Cascade]

    /// The rules of `dataset`, in purge order. `checks`, `metrics` and `rollups` are purged
    /// by `BatchedPurge`'s rowid and key walks instead; their rules serve counting only.
    static func rules(_ dataset: RetentionConfig.Dataset) -> [PurgeRule] {
        switch dataset {
        case .checks: [PurgeRule(table: "check_results", condition: "ts < ?1", cascades: [])]
        case .metrics: [PurgeRule(table: "metrics", condition: "ts < ?1", cascades: [])]
        case .rollups: [PurgeRule(table: "rollups", condition: "hour_start < ?1", cascades: [])]
        case .alerts: [
            // Only resolved alerts: a pending or firing alert stays whatever its age.
            PurgeRule(table: "alerts", condition: "state = 'resolved' AND resolved_at < ?1",
                      cascades: [Cascade(table: "alert_events", column: "alert_id")]),
            // A silence that was removed, or that expired, before the cutoff no longer
            // silences anything.
            PurgeRule(table: "silences", condition: "(removed_at < ?1 OR expires_at < ?1)", cascades: []),
        ]
        case .carbon: [PurgeRule(table: "carbon_runs", condition: "ts < ?1",
                                 cascades: [Cascade(table: "carbon_attribution", column: "carbon_run_id")])]
        // Never an undelivered notification (delivered_at NULL), however old: the outbox
        // promises at-least-once delivery.
        case .notifications: [PurgeRule(table: "notifications", condition: "delivered_at IS NOT NULL AND delivered_at < ?1",
                                        cascades: [])]
        }
    }

    /// Rows of the table past `cutoff`.
    func count(before cutoff: Int64, in database: Database) throws(StoreError) -> Int64 {
        try database.scalarInt("SELECT COUNT(*) FROM \(table) WHERE \(condition)", [.integer(cutoff)]) ?? 0
    }

    /// Rows of `cascade` that go with the table's rows past `cutoff` (and, if given, with
    /// an id no higher than `upTo`).
    func count(_ cascade: Cascade, before cutoff: Int64, upTo: Int64? = nil, in database: Database) throws(StoreError) -> Int64 {
        let bound = upTo == nil ? "" : " AND id <= ?2"
        return try database.scalarInt("""
            SELECT COUNT(*) FROM \(cascade.table) WHERE \(cascade.column) IN (SELECT id FROM \(table) WHERE \(condition)\(bound))
            """, [.integer(cutoff)] + (upTo.map { [.integer($0)] } ?? [])) ?? 0
    }
}
