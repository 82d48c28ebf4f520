/// The reads of `components` and `check_results` that alert rules make: which id each check
/// has, when a check last reported, and its latest statuses.
extension ResultStore {
    /// `components.id` by name.
    func componentIDs() throws(StoreError) -> [String: Int64] {
        let statement = try database.prepare("SELECT name, id FROM components")
        var ids: [String: Int64] = [:]
        while try statement.step() {
            let row = statement.row
            ids[try row.text("name") ?? ""] = try row.int("id")
        }
        return ids
    }

    /// The newest result time of `componentID` at or before `notAfter`, nil if none.
    func lastResultTime(componentID: Int64, notAfter: Int64) throws(StoreError) -> Int64? {
        try database.scalarInt("SELECT MAX(ts) FROM check_results WHERE component_id = ? AND ts <= ?",
                               [.integer(componentID), .integer(notAfter)])
    }

    /// Visits the results of `componentID` at or before `notAfter`, newest first, at most
    /// `limit`, with the reported status (after the check's own thresholds); `visit` returns
    /// false to stop early, so a rule reads only the streak it needs.
    func visitRecentStatuses(componentID: Int64, notAfter: Int64, limit: Int,
                             _ visit: (_ ts: Int64, _ status: CheckStatus, _ message: String?) -> Bool) throws(StoreError) {
        let statement = try database.prepare("""
            SELECT ts, COALESCE(reported_status, status) AS status, message FROM check_results
            WHERE component_id = ? AND ts <= ? ORDER BY ts DESC LIMIT ?
            """)
        try statement.bind([.integer(componentID), .integer(notAfter), .integer(Int64(limit))])
        while try statement.step() {
            let row = statement.row
            let status = CheckStatus(rawValue: Int(try row.int("status"))) ?? .unknown
            guard visit(try row.int("ts"), status, try row.text("message")) else { return }
        }
    }
}
