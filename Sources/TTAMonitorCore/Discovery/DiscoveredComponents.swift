/// The discovered components recorded in the database's `components` table (`--save`).
///
/// A component saved earlier and not found now keeps its row with `missing_since` set, so
/// its disappearance is reported rather than silently dropped; finding it again clears it.
/// The statements are `DiscoveryStateStore`'s; this decides what changes.
public struct DiscoveredComponents {
    /// What a save changed.
    public struct Changes: Sendable, Equatable {
        /// Names saved for the first time.
        public var appeared: [String]
        /// Names saved before (by discovery) and not found this time.
        public var missing: [String]
    }

    /// A saved discovered component.
    public typealias Saved = DiscoveryStateStore.Saved

    let database: Database

    /// Works on `database` (migrated on open).
    public init(database: Database) { self.database = database }

    /// Upserts `proposals` as seen at `now` and marks saved discovered components that are
    /// not among them as missing.
    public func save(_ proposals: [DiscoveryProposal], now: Int64) throws(StoreError) -> Changes {
        let store = DiscoveryStateStore(database: database)
        return try database.writeTransaction { () throws(StoreError) -> Changes in
            let before = try store.saved()
            let known = Set(try store.names())
            var appeared: [String] = []
            let present = Set(proposals.map(\.name))
            for proposal in proposals {
                let spec = JSONWriter.render(proposal.checkSpec, pretty: false)
                let source = proposal.sources.joined(separator: ",")
                try store.recordFound(name: proposal.name, kind: proposal.kind, source: source, spec: spec, now: now,
                                      known: known.contains(proposal.name))
                if !known.contains(proposal.name) { appeared.append(proposal.name) }
            }
            var missing: [String] = []
            for component in before where !present.contains(component.name) {
                missing.append(component.name)
                if component.missingSince == nil { try store.markMissing(name: component.name, now: now) }
            }
            return Changes(appeared: appeared, missing: missing)
        }
    }

    /// Every component that discovery saved, by name.
    public func saved() throws(StoreError) -> [Saved] {
        try DiscoveryStateStore(database: database).saved()
    }
}
