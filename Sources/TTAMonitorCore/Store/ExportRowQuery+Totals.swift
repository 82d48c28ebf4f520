/// Aggregates over an export query's rows, for the PDF's "rows omitted" line and the
/// period's carbon totals: the same WHERE as the rows, so the figures cannot disagree.
extension ExportRowQuery {
    /// How many rows the query returns.
    func count(in database: Database) throws(StoreError) -> Int64 {
        let statement = try database.prepare("SELECT count(*) AS rows FROM (\(sql))")
        try statement.bind(bindings)
        return try statement.step() ? try statement.row.int("rows") : 0
    }

    /// Runs, energy and emissions summed over a `carbon` query's rows.
    func carbonTotals(in database: Database) throws(StoreError) -> (runs: Int64, energyKwh: Double, emissionsKg: Double) {
        let statement = try database.prepare("""
            SELECT count(*) AS runs, total(energy_kwh) AS energy, total(emissions_kg) AS emissions FROM (\(sql))
            """)
        try statement.bind(bindings)
        guard try statement.step() else { return (0, 0, 0) }
        let row = statement.row
        return (try row.int("runs"), try row.double("energy"), try row.double("emissions"))
    }
}
