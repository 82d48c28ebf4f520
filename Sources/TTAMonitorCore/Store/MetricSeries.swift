/// Reads a check's numeric series, newest first, from wherever it is stored: `latency_ms`
/// from `check_results`, a scraped or host series from `metrics` by name, or else a number
/// in the results' `details` JSON (`used_percent` of a disk check).
struct MetricSeries {
    /// One sample.
    struct Sample: Sendable, Equatable {
        /// ms since the epoch.
        var ts: Int64
        /// The value.
        var value: Double
    }

    let database: Database

    /// Samples of `metric` for `componentID` with `since <= ts <= until`, newest first, at most
    /// `limit`. Rules pass `FutureResults.horizon` as `until`: a sample from the future would
    /// otherwise stay the newest for as long as the clock skew lasts.
    func samples(componentID: Int64, metric: String, since: Int64 = Int64.min, until: Int64 = Int64.max,
                 limit: Int = 100_000) throws(StoreError) -> [Sample] {
        if metric == "latency_ms" {
            return try read("""
                SELECT ts, latency_ms AS value FROM check_results WHERE component_id = ? AND ts >= ? AND ts <= ? AND latency_ms IS NOT NULL
                ORDER BY ts DESC LIMIT ?
                """, [.integer(componentID), .integer(since), .integer(until), .integer(Int64(limit))])
        }
        let scraped = try read("""
            SELECT ts, value FROM metrics WHERE component_id = ? AND ts >= ? AND ts <= ? AND name = ? AND value IS NOT NULL
            ORDER BY ts DESC LIMIT ?
            """, [.integer(componentID), .integer(since), .integer(until), .text(metric), .integer(Int64(limit))])
        if !scraped.isEmpty { return scraped }
        // The metric name is validated as [A-Za-z0-9_.], so it is safe inside a JSON path.
        return try read("""
            SELECT ts, json_extract(details, ?) AS value FROM check_results WHERE component_id = ? AND ts >= ? AND ts <= ?
                AND json_valid(details) AND value IS NOT NULL
            ORDER BY ts DESC LIMIT ?
            """, [.text("$." + metric), .integer(componentID), .integer(since), .integer(until), .integer(Int64(limit))])
    }

    private func read(_ sql: String, _ values: [Statement.Value]) throws(StoreError) -> [Sample] {
        let statement = try database.prepare(sql)
        try statement.bind(values)
        // Up to 100,000 samples per rule: the names resolve to indexes once, before the loop.
        let tsColumn = try statement.columnIndex("ts"), valueColumn = try statement.columnIndex("value")
        var samples: [Sample] = []
        while try statement.step() {
            let value = statement.double(valueColumn)
            if value.isFinite { samples.append(Sample(ts: statement.int(tsColumn), value: value)) }
        }
        return samples
    }

    /// Whether `name` can name a metric (safe in a JSON path and a SQL bound value).
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "." }
    }
}
