/// One page of a component's raw results, newest first, for the API's results endpoint.
/// Keyset pagination on (ts, id): a page costs one index range scan however deep it is, and
/// rows stored while a client pages do not shift the pages after its cursor.
public struct ResultPageQuery {
    /// The connection used.
    public let database: Database

    /// Wraps an open database.
    public init(database: Database) { self.database = database }

    /// One stored result, in `export --report checks`' column names.
    public struct Row: Sendable {
        public var id: Int64
        public var check: String, kind: String
        public var ts: Int64
        public var status: Int64
        public var reportedStatus: Int64?
        public var latencyMs: Double?
        public var message: String
        public var details: String?
        public var runID: Int64
    }

    /// Where the previous page ended: results strictly older than this (ts, id).
    public struct Position: Sendable, Equatable {
        public var ts: Int64, id: Int64
        public init(ts: Int64, id: Int64) { (self.ts, self.id) = (ts, id) }
    }

    /// Up to `limit` results of `component` with `since <= ts < until`, older than `after`;
    /// nil when the database has no such component.
    public func page(component: String, since: Int64, until: Int64, after: Position?, limit: Int) throws(StoreError) -> [Row]? {
        let lookup = try database.prepare("SELECT id, kind FROM components WHERE name = ?").bind([.text(component)])
        guard try lookup.step() else { return nil }
        let (componentID, kind) = (lookup.int(0), lookup.text(1) ?? "")
        let statement = try database.prepare("""
            SELECT id, ts, status, reported_status, latency_ms, message, details, run_id FROM check_results
            WHERE component_id = ? AND ts >= ? AND ts < ? AND (ts < ? OR (ts = ? AND id < ?))
            ORDER BY ts DESC, id DESC LIMIT ?
            """)
        let cursor = after ?? Position(ts: Int64.max, id: Int64.max)
        try statement.bind([.integer(componentID), .integer(since), .integer(until), .integer(cursor.ts), .integer(cursor.ts),
                            .integer(cursor.id), .integer(Int64(limit))])
        var rows: [Row] = []
        while try statement.step() {
            rows.append(Row(id: statement.int(0), check: component, kind: kind, ts: statement.int(1), status: statement.int(2),
                            reportedStatus: statement.optionalInt(3), latencyMs: statement.optionalDouble(4),
                            message: statement.text(5) ?? "", details: statement.text(6), runID: statement.int(7)))
        }
        return rows
    }
}
