/// The discovered components recorded in the database's `components` table (`--save`).
///
/// A component saved earlier and not found now keeps its row with `missing_since` set, so
/// its disappearance is reported rather than silently dropped; finding it again clears it.
public struct DiscoveredComponents {
    /// What a save changed.
    public struct Changes: Sendable, Equatable {
        /// Names saved for the first time.
        public var appeared: [String]
        /// Names saved before (by discovery) and not found this time.
        public var missing: [String]
    }

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

    /// Works on `database` (migrated on open).
    public init(database: Database) { self.database = database }

    /// Upserts `proposals` as seen at `now` and marks saved discovered components that are
    /// not among them as missing.
    public func save(_ proposals: [DiscoveryProposal], now: Int64) throws(StoreError) -> Changes {
        try database.writeTransaction { () throws(StoreError) -> Changes in
            let before = try saved()
            let known = Set(try allNames())
            var appeared: [String] = []
            let present = Set(proposals.map(\.name))
            for proposal in proposals {
                let spec = JSONWriter.render(proposal.checkSpec, pretty: false)
                let source = proposal.sources.joined(separator: ",")
                if known.contains(proposal.name) {
                    try database.prepare("""
                        UPDATE components SET first_seen = COALESCE(first_seen, ?1), last_seen = ?1, source = ?2, discovered_spec = ?3,
                            missing_since = NULL WHERE name = ?4
                        """).run([.integer(now), .text(source), .text(spec), .text(proposal.name)])
                } else {
                    try database.prepare("""
                        INSERT INTO components (name, kind, first_seen, last_seen, source, discovered_spec)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """).run([.text(proposal.name), .text(proposal.kind), .integer(now), .integer(now),
                                   .text(source), .text(spec)])
                    appeared.append(proposal.name)
                }
            }
            var missing: [String] = []
            for component in before where !present.contains(component.name) {
                missing.append(component.name)
                if component.missingSince == nil {
                    try database.prepare("UPDATE components SET missing_since = ? WHERE name = ?")
                        .run([.integer(now), .text(component.name)])
                }
            }
            return Changes(appeared: appeared, missing: missing)
        }
    }

    /// Every component that discovery saved, by name.
    public func saved() throws(StoreError) -> [Saved] {
        let statement = try database.prepare("""
            SELECT name, kind, discovered_spec, missing_since FROM components
            WHERE discovered_spec IS NOT NULL ORDER BY name
            """)
        var rows: [Saved] = []
        while try statement.step() {
            rows.append(Saved(name: statement.text(0) ?? "", kind: statement.text(1) ?? "", spec: statement.text(2) ?? "",
                              missingSince: statement.isNull(3) ? nil : statement.int(3)))
        }
        return rows
    }

    private func allNames() throws(StoreError) -> [String] {
        let statement = try database.prepare("SELECT name FROM components")
        var names: [String] = []
        while try statement.step() { names.append(statement.text(0) ?? "") }
        return names
    }
}
