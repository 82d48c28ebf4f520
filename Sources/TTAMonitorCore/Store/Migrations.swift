/// The schema, as an ordered list of migrations keyed by `PRAGMA user_version`.
///
/// Append new migrations; never edit a released one. A database whose version is higher than
/// the last migration here was written by a newer tta-monitor and is refused rather than
/// guessed at.
public enum Migrations {
    /// SQL per schema version; index 0 takes an empty database to version 1.
    static let steps: [String] = [
        """
        CREATE TABLE components (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            critical INTEGER NOT NULL DEFAULT 0,
            interval_ms INTEGER,
            -- The current streak, kept up to date by every run so that `status` needs no scan
            -- of history to answer "since when".
            last_status INTEGER,
            last_ts INTEGER,
            status_since INTEGER,
            consecutive INTEGER NOT NULL DEFAULT 0,
            last_message TEXT
        );
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started_at INTEGER NOT NULL,
            finished_at INTEGER NOT NULL,
            checks INTEGER NOT NULL,
            worst_status INTEGER NOT NULL,
            tool_version TEXT NOT NULL
        );
        CREATE TABLE check_results (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            component_id INTEGER NOT NULL REFERENCES components(id) ON DELETE CASCADE,
            ts INTEGER NOT NULL,
            status INTEGER NOT NULL,
            latency_ms REAL,
            message TEXT NOT NULL,
            details TEXT
        );
        -- Covers the window scans of `status` (availability, latency percentiles) without
        -- touching the table rows.
        CREATE INDEX check_results_by_component_ts
            ON check_results (component_id, ts, status, latency_ms);
        CREATE INDEX check_results_by_run ON check_results (run_id);
        """,
        """
        -- Flap suppression (failure/success thresholds): check_results.status stays the probed
        -- truth; reported_status is what the run reported after the thresholds and
        -- dependencies. components.last_status is the reported status; soft_* count the
        -- consecutive results that disagree with it.
        ALTER TABLE check_results ADD COLUMN reported_status INTEGER;
        ALTER TABLE components ADD COLUMN soft_status INTEGER;
        ALTER TABLE components ADD COLUMN soft_count INTEGER NOT NULL DEFAULT 0;
        -- Scraped and host series.
        CREATE TABLE metrics (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            component_id INTEGER NOT NULL REFERENCES components(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            labels TEXT NOT NULL,
            ts INTEGER NOT NULL,
            value REAL
        );
        CREATE INDEX metrics_by_name_ts ON metrics (name, ts);
        CREATE INDEX metrics_by_component_ts ON metrics (component_id, ts);
        """,
        """
        -- Retention: hourly rollups of raw results (kept after the raw rows are purged) and
        -- a record of every purge run.
        CREATE TABLE rollups (
            component_id INTEGER NOT NULL REFERENCES components(id) ON DELETE CASCADE,
            hour_start INTEGER NOT NULL,           -- ms since the epoch, a whole UTC hour
            count INTEGER NOT NULL,
            ok INTEGER NOT NULL,
            warning INTEGER NOT NULL,
            critical INTEGER NOT NULL,
            unknown INTEGER NOT NULL,
            latency_count INTEGER NOT NULL,
            latency_p50 REAL,
            latency_p95 REAL,
            latency_max REAL,
            PRIMARY KEY (component_id, hour_start)
        ) WITHOUT ROWID;
        CREATE TABLE purge_log (
            id INTEGER PRIMARY KEY,
            started_at INTEGER NOT NULL,
            finished_at INTEGER NOT NULL,
            dry_run INTEGER NOT NULL,
            rows_removed INTEGER NOT NULL,
            bytes_reclaimed INTEGER NOT NULL,
            details TEXT NOT NULL                  -- JSON: per dataset {window_ms, cutoff, rows}
        );
        -- Discovery: where a component was found and what to check, for components that are
        -- not (yet) in the config file.
        ALTER TABLE components ADD COLUMN first_seen INTEGER;
        ALTER TABLE components ADD COLUMN last_seen INTEGER;
        ALTER TABLE components ADD COLUMN source TEXT;          -- config, compose, ports, processes (comma-separated)
        ALTER TABLE components ADD COLUMN discovered_spec TEXT; -- JSON of the proposed check
        ALTER TABLE components ADD COLUMN missing_since INTEGER;
        """,
    ]

    /// The schema version this build writes.
    public static var currentVersion: Int64 { Int64(steps.count) }

    /// Brings `database` up to `currentVersion`, each step in its own transaction.
    static func migrate(_ database: Database) throws(StoreError) {
        let version = try database.scalarInt("PRAGMA user_version") ?? 0
        if version > currentVersion { throw newerSchema(version, database) }
        guard version < currentVersion else { return }
        try database.writeTransaction { () throws(StoreError) in
            // Re-read under the write lock: a concurrent process may have migrated meanwhile.
            let locked = try database.scalarInt("PRAGMA user_version") ?? 0
            if locked > currentVersion { throw newerSchema(locked, database) }
            for index in Int(locked)..<steps.count {
                try database.execute(steps[index])
            }
            try database.execute("PRAGMA user_version = \(currentVersion)")
        }
    }

    /// For read-only opens: the schema must be one this build understands.
    static func checkReadable(_ database: Database) throws(StoreError) {
        let version = try database.scalarInt("PRAGMA user_version") ?? 0
        if version > currentVersion { throw newerSchema(version, database) }
        if version == 0 { throw StoreError("not a tta-monitor database (schema version 0)", path: database.path) }
    }

    private static func newerSchema(_ version: Int64, _ database: Database) -> StoreError {
        StoreError("schema version \(version) is newer than this tta-monitor understands (\(currentVersion)); "
            + "upgrade tta-monitor or point --db at another file", path: database.path)
    }
}
