/// Writes check runs and reads component state: the typed queries over the schema.
public struct ResultStore {
    /// The connection used.
    public let database: Database

    /// Wraps an open database.
    public init(database: Database) { self.database = database }

    /// What the store knows about a configured check, kept in `components`.
    public struct ComponentInfo: Sendable {
        /// Check name.
        public var name: String
        /// Check kind.
        public var kind: String
        /// Whether it is critical to the platform.
        public var critical: Bool
        /// Expected interval in milliseconds, if configured.
        public var intervalMs: Int64?
        /// Creates info.
        public init(name: String, kind: String, critical: Bool, intervalMs: Int64?) {
            self.name = name
            self.kind = kind
            self.critical = critical
            self.intervalMs = intervalMs
        }
    }

    /// Stores one run of results in a single transaction and returns the run's id: either all
    /// results land or none do.
    public func recordRun(startedAt: Int64, finishedAt: Int64, results: [CheckResult],
                          components: [String: ComponentInfo]) throws(StoreError) -> Int64 {
        try database.writeTransaction { () throws(StoreError) -> Int64 in
            let worst = CheckStatus.worst(of: results.map(\.status))
            try database.prepare("""
                INSERT INTO runs (started_at, finished_at, checks, worst_status, tool_version) VALUES (?, ?, ?, ?, ?)
                """).run([.integer(startedAt), .integer(finishedAt), .integer(Int64(results.count)),
                          .integer(Int64(worst.rawValue)), .text(ToolVersion.version)])
            let runID = database.lastInsertRowID
            let upsert = try database.prepare("""
                INSERT INTO components (name, kind, critical, interval_ms) VALUES (?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, critical = excluded.critical,
                    interval_ms = excluded.interval_ms
                RETURNING id, last_status, status_since, consecutive
                """)
            let insert = try database.prepare("""
                INSERT INTO check_results (run_id, component_id, ts, status, reported_status, latency_ms, message, details)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let updateState = try database.prepare("""
                UPDATE components SET last_status = ?, last_ts = ?, status_since = ?, consecutive = ?, last_message = ?,
                    soft_status = ?, soft_count = ?
                WHERE id = ?
                """)
            let insertSample = try database.prepare("""
                INSERT INTO metrics (run_id, component_id, name, labels, ts, value) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for result in results {
                let info = components[result.check]
                try upsert.bind([.text(result.check), .text(result.kind), .integer(info?.critical == true ? 1 : 0),
                                 info?.intervalMs.map { .integer($0) } ?? .null])
                guard try upsert.step() else { throw StoreError("component upsert returned no row", path: database.path) }
                let returned = upsert.row
                let componentID = try returned.int("id")
                let previousStatus = try returned.optionalInt("last_status")
                let previousSince = try returned.optionalInt("status_since")
                let previousCount = try returned.int("consecutive")
                _ = try? upsert.step()
                // `status` in check_results is what the probe saw (availability is computed
                // from it); the reported status drives the component's current state.
                let status = Int64(result.status.rawValue)
                let probed = Int64((result.probedStatus ?? result.status).rawValue)
                let continues = previousStatus == status
                try insert.run([.integer(runID), .integer(componentID), .integer(result.startedAt), .integer(probed),
                                .integer(status), result.latencyMs.map { .real($0) } ?? .null, .text(result.message),
                                .text(JSONWriter.render(result.details, pretty: false))])
                try updateState.run([.integer(status), .integer(result.startedAt),
                                     // A streak that "began" in the future (the clock ran ahead) began now at the latest.
                                     .integer(continues ? min(previousSince ?? result.startedAt, result.startedAt) : result.startedAt),
                                     .integer(continues ? previousCount + 1 : 1), .text(result.message),
                                     result.softCount > 0 ? .integer(probed) : .null, .integer(Int64(result.softCount)),
                                     .integer(componentID)])
                for sample in result.samples {
                    let labels = JSONWriter.render(.object(sample.labels.map { ($0.0, .string($0.1)) }), pretty: false)
                    // SQLite stores NaN as NULL; ±Inf survive as REAL.
                    try insertSample.run([.integer(runID), .integer(componentID), .text(sample.name), .text(labels),
                                          .integer(sample.timestampMs), sample.value.isNaN ? .null : .real(sample.value)])
                }
            }
            return runID
        }
    }
}
