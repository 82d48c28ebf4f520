/// `GET /api/v1/alerts?state=firing|pending|resolved|all`: the body of `alerts list --json`.
enum AlertsEndpoint {
    static let states: Set<String> = Set(AlertState.allCases.map(\.rawValue) + ["all"])

    static func handle(_ request: ServeRequest) throws(APIError) -> HTTPResponse {
        try request.allowParameters(["state"])
        let state = request.query["state"] ?? "firing"
        guard states.contains(state) else { throw .badParameter("'state' must be one of firing, pending, resolved, all") }
        let database = try request.readDatabase()
        let store = AlertStore(database: database)
        let now = request.now
        var records: [AlertRecord] = []
        var silences: [SilenceRecord] = []
        do {
            try database.readTransaction { () throws(StoreError) in
                records = try store.alerts(state: AlertState(rawValue: state), limit: 10_000)
                silences = try store.activeSilences(now: now)
            }
        } catch {
            throw APIError(status: 503, code: "database_unavailable", message: "the database cannot be read: \(error)")
        }
        return APIResponse.json(.object([
            ("schema_version", .int(1)), ("generated_at", .string(Timestamps.rfc3339(milliseconds: now))),
            ("state", .string(state)), ("alerts", .array(records.map { $0.json(now: now) })),
            ("silences", .array(silences.map { $0.json(now: now) })),
        ]))
    }
}
