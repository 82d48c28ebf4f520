/// `GET /api/v1/carbon?day=YYYY-MM-DD|today|yesterday`: the body of `carbon report --json
/// --day D` over what is stored (serve does not import CodeCarbon files on a request;
/// `imports` is always empty).
enum CarbonEndpoint {
    static func handle(_ request: ServeRequest) throws(APIError) -> HTTPResponse {
        try request.allowParameters(["day"])
        guard let period = CarbonPeriod.day(request.query["day"] ?? "today", now: request.now) else {
            throw .badParameter("'day' must be YYYY-MM-DD, 'today' or 'yesterday'")
        }
        let carbon = request.state.configInForce().carbon
        let builder = CarbonReportBuilder(period: period, dimension: .component, config: carbon)
        let database = try request.readDatabase()
        let store = CarbonRunStore(database: database)
        let report: CarbonReport
        do {
            report = try database.readTransaction { () throws(StoreError) in
                let runs = try store.runs(firstDay: period.firstDay, lastDay: period.lastDay)
                let baseline = try period.baselineDays.map { span throws(StoreError) in
                    try store.runs(firstDay: span.first, lastDay: span.last)
                } ?? []
                return builder.build(runs: runs, attribution: try store.attribution(runIDs: runs.map(\.id)), baselineRuns: baseline)
            }
        } catch {
            throw APIError(status: 503, code: "database_unavailable", message: "the database cannot be read: \(error.description)")
        }
        return APIResponse.json(CarbonReportRenderer.json(report, imports: []))
    }
}
