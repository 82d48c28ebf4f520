/// `GET /api/v1/status?window=24h`: the body of `status --json --window 24h`, for the
/// configuration in force.
enum StatusEndpoint {
    static func handle(_ request: ServeRequest) throws(APIError) -> HTTPResponse {
        try request.allowParameters(["window"])
        let window = try request.duration("window") ?? .seconds(86_400)
        let config = request.state.configInForce()
        let database = try request.readDatabase()
        let now = request.now
        var states: [String: StatusQuery.ComponentState] = [:]
        var stats: [String: StatusQuery.WindowStats] = [:]
        var lastPurge: StatusQuery.PurgeRecord?
        let names = config.checks.map(\.name)
        do {
            let query = StatusQuery(database: database)
            try database.readTransaction { () throws(StoreError) in
                states = try query.components()
                lastPurge = try query.lastPurge()
                for name in names where states[name] != nil {
                    stats[name] = try query.windowStats(component: name, since: now - window.milliseconds, now: now)
                }
            }
        } catch {
            throw APIError(status: 503, code: "database_unavailable", message: "the database cannot be read: \(error.description)")
        }
        let rows = names.map { name -> StatusRow in
            let configured = config.check(named: name)
            let state = states[name]
            let intervalMs = configured.flatMap { config.interval(for: $0)?.milliseconds } ?? state?.intervalMs
            return StatusRow(name: name, kind: configured?.kind.name ?? state?.kind ?? "?",
                             critical: configured?.critical ?? state?.critical ?? false, state: state, stats: stats[name], now: now,
                             staleAfterMs: intervalMs.map { $0 * StatusCommand.staleIntervals } ?? StatusCommand.defaultStaleMs)
        }
        let report = StatusReport(rows: rows, now: now, window: window, databasePath: request.state.databasePath, lastPurge: lastPurge)
        return HTTPResponse(status: 200, contentType: "application/json", body: report.json(), headers: APIResponse.headers)
    }
}
