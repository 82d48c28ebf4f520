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
        """
        -- Alerts (schema v4). One row per alert instance: a fingerprint (rule + check +
        -- labels) has at most one row that is not resolved, so one condition is one alert.
        CREATE TABLE alerts (
            id INTEGER PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            rule TEXT NOT NULL,
            kind TEXT NOT NULL,                    -- status, threshold, availability, absent, forecast, anomaly, carbon
            component TEXT,                        -- the check it is about; NULL for rules about no one check
            severity TEXT NOT NULL,                -- info, warning, critical
            state TEXT NOT NULL,                   -- pending, firing, resolved
            labels TEXT NOT NULL,                  -- JSON object, keys sorted
            summary TEXT NOT NULL,
            runbook_url TEXT,
            value REAL,
            threshold REAL,
            started_at INTEGER NOT NULL,           -- ms: condition first seen (pending since)
            fired_at INTEGER,
            resolved_at INTEGER,
            last_evaluated_at INTEGER NOT NULL,
            last_notified_at INTEGER,
            acked_at INTEGER,
            acked_by TEXT,
            escalation_level INTEGER NOT NULL DEFAULT 0,
            escalated_at INTEGER,
            suppressed_by TEXT                     -- 'silence:<id>' or 'inhibited:<check>' while suppressed
        );
        CREATE UNIQUE INDEX alerts_open_by_fingerprint ON alerts (fingerprint) WHERE state <> 'resolved';
        CREATE INDEX alerts_by_state ON alerts (state, started_at);
        CREATE INDEX alerts_by_resolved ON alerts (resolved_at) WHERE resolved_at IS NOT NULL;
        CREATE TABLE alert_events (
            id INTEGER PRIMARY KEY,
            alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
            ts INTEGER NOT NULL,
            event TEXT NOT NULL,                   -- pending, firing, repeat, resolved, acked, silenced, inhibited, escalated
            detail TEXT
        );
        CREATE INDEX alert_events_by_alert ON alert_events (alert_id, ts);
        CREATE INDEX alert_events_by_ts ON alert_events (ts);
        CREATE TABLE silences (
            id INTEGER PRIMARY KEY,
            component TEXT,                        -- NULL: every component (then rule is set)
            rule TEXT,                             -- NULL: every rule
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            removed_at INTEGER,
            comment TEXT,
            created_by TEXT
        );
        -- The outbox: written in the same transaction as the alert state change that caused
        -- it, delivered at-least-once by later runs; a row is never deleted while undelivered.
        CREATE TABLE notifications (
            id INTEGER PRIMARY KEY,
            alert_id INTEGER REFERENCES alerts(id) ON DELETE SET NULL,   -- NULL for notify-test
            channel TEXT NOT NULL,
            event TEXT NOT NULL,                   -- firing, repeat, resolved, escalated, test
            payload TEXT NOT NULL,                 -- JSON of AlertNotification at the event
            created_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            delivered_at INTEGER,
            last_error TEXT
        );
        CREATE INDEX notifications_pending ON notifications (channel, next_attempt_at) WHERE delivered_at IS NULL;
        CREATE INDEX notifications_by_delivered ON notifications (delivered_at) WHERE delivered_at IS NOT NULL;
        -- Deleting a purged alert detaches its notifications (ON DELETE SET NULL): without
        -- this index every deleted alert would scan the outbox.
        CREATE INDEX notifications_by_alert ON notifications (alert_id) WHERE alert_id IS NOT NULL;
        """,
        """
        -- Carbon (schema v5): one row per CodeCarbon run imported or per `carbon measure`.
        CREATE TABLE carbon_runs (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,                  -- codecarbon, measure
            row_key TEXT NOT NULL UNIQUE,          -- idempotency key: re-importing adds nothing
            source_file TEXT,
            source_line INTEGER,
            ts INTEGER NOT NULL,                   -- ms since the epoch (UTC), end of the run
            local_day TEXT NOT NULL,               -- YYYY-MM-DD in local time, for daily reports
            project TEXT,
            run_id TEXT,
            experiment_id TEXT,
            label TEXT,
            component TEXT,
            model TEXT,
            duration_s REAL,
            emissions_kg REAL,
            emissions_rate REAL,
            energy_kwh REAL,                       -- total, PUE included
            cpu_power_w REAL,
            gpu_power_w REAL,
            ram_power_w REAL,
            cpu_energy_kwh REAL,
            gpu_energy_kwh REAL,
            ram_energy_kwh REAL,
            country_name TEXT,
            country_iso_code TEXT,
            region TEXT,
            cloud_provider TEXT,
            cloud_region TEXT,
            on_cloud TEXT,
            os TEXT,
            python_version TEXT,
            codecarbon_version TEXT,
            cpu_count REAL,
            cpu_model TEXT,
            gpu_count REAL,
            gpu_model TEXT,
            longitude REAL,
            latitude REAL,
            ram_total_size REAL,
            tracking_mode TEXT,
            pue REAL,
            intensity_g_per_kwh REAL,
            method TEXT,                           -- JSON: how each part was obtained (measure)
            extra TEXT                             -- JSON: any other CSV columns, kept verbatim
        );
        CREATE INDEX carbon_runs_by_ts ON carbon_runs (ts);
        CREATE INDEX carbon_runs_by_day ON carbon_runs (local_day);
        -- Per-component split of a measured run's CPU energy by CPU-time share.
        CREATE TABLE carbon_attribution (
            carbon_run_id INTEGER NOT NULL REFERENCES carbon_runs(id) ON DELETE CASCADE,
            component TEXT NOT NULL,
            cpu_seconds REAL NOT NULL,
            share REAL NOT NULL,
            energy_kwh REAL NOT NULL,
            emissions_kg REAL NOT NULL,
            PRIMARY KEY (carbon_run_id, component)
        );
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
