/// The indexes of a `rollups` row's columns, resolved by name once per statement: period
/// summaries read up to one row per hour per component, so they read by index.
struct RollupColumns {
    let hourStart, count, ok, warning, unknown, latencyCount, p50, p95, max: Int32

    /// Resolves the names in `statement`'s result (an error names a missing one).
    init(_ statement: Statement) throws(StoreError) {
        hourStart = try statement.columnIndex("hour_start")
        count = try statement.columnIndex("count")
        ok = try statement.columnIndex("ok")
        warning = try statement.columnIndex("warning")
        unknown = try statement.columnIndex("unknown")
        latencyCount = try statement.columnIndex("latency_count")
        p50 = try statement.columnIndex("latency_p50")
        p95 = try statement.columnIndex("latency_p95")
        max = try statement.columnIndex("latency_max")
    }
}
