/// The statements on discovery's columns of `components` (`first_seen`, `last_seen`,
/// `source`, `discovered_spec`, `missing_since`); `DiscoveredComponents` decides what to
/// write, this is where the SQL lives.
public struct DiscoveryStateStore {
    /// A saved discovered component.
    public struct Saved: Sendable, Equatable {
        /// Component name.
        public var name: String
        /// Check kind.
        public var kind: String
        /// The `monitoring.checks` entry as JSON text.
        public var spec: String
        /// When it was last found missing (ms), nil while present.
        public var missingSince: Int64?
    }

    let database: Database

    /// Records a component found at `now`: updates the row of a known name (clearing
    /// `missing_since`), inserts one otherwise.
    func recordFound(name: String, kind: String, source: String, spec: String, now: Int64, known: Bool) throws(StoreError) {
        if known {
            try database.prepare("""
                UPDATE components SET first_seen = COALESCE(first_seen, ?1), last_seen = ?1, source = ?2, discovered_spec = ?3,
                    missing_since = NULL WHERE name = ?4
                """).run([.integer(now), .text(source), .text(spec), .text(name)])
        } else {
            try database.prepare("""
                INSERT INTO components (name, kind, first_seen, last_seen, source, discovered_spec)
                VALUES (?, ?, ?, ?, ?, ?)
                """).run([.text(name), .text(kind), .integer(now), .integer(now), .text(source), .text(spec)])
        }
    }

    /// Marks a saved component as missing since `now`.
    func markMissing(name: String, now: Int64) throws(StoreError) {
        try database.prepare("UPDATE components SET missing_since = ? WHERE name = ?").run([.integer(now), .text(name)])
    }

    /// Every component that discovery saved, by name.
    func saved() throws(StoreError) -> [Saved] {
        let statement = try database.prepare("""
            SELECT name, kind, discovered_spec, missing_since FROM components
            WHERE discovered_spec IS NOT NULL ORDER BY name
            """)
        var rows: [Saved] = []
        while try statement.step() {
            let row = statement.row
            rows.append(Saved(name: try row.text("name") ?? "", kind: try row.text("kind") ?? "",
                              spec: try row.text("discovered_spec") ?? "", missingSince: try row.optionalInt("missing_since")))
        }
        return rows
    }

    /// Every component's name, discovered or configured.
    func names() throws(StoreError) -> [String] {
        let statement = try database.prepare("SELECT name FROM components")
        var names: [String] = []
        while try statement.step() { names.append(try statement.row.text("name") ?? "") }
        return names
    }
}
