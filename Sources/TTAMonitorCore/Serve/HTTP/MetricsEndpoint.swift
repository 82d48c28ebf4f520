/// `GET /metrics`: the status export's families (`export --report status --format
/// openmetrics`: each check's latest status, up, latency, 24-hour availability, last result
/// time, firing alerts, carbon totals), whose check gauges carry the names and labels of
/// `check --format openmetrics`, from a snapshot at most `MetricsCache.maxAgeMs` old.
/// OpenMetrics 1.0 when the Accept header asks for it (as
/// Prometheus does), else text 0.0.4.
enum MetricsEndpoint {
    static let openMetricsType = "application/openmetrics-text; version=1.0.0; charset=utf-8"
    static let textType = "text/plain; version=0.0.4; charset=utf-8"

    static func handle(_ request: ServeRequest) throws(APIError) -> HTTPResponse {
        try request.allowParameters([])
        let openMetrics = wantsOpenMetrics(request.http.header("accept"))
        let checks = request.state.configInForce().checks.map(\.name)
        let page = try request.metrics.page(openMetrics: openMetrics, now: request.now) { () throws(APIError) -> ExportSnapshot in
            let database = try request.readDatabase()
            do {
                return try ExportSnapshot.read(database, period: ExportPeriod(since: request.now - ExportPeriod.defaultLengthMs,
                                                                               until: request.now), checks: checks)
            } catch {
                throw APIError(status: 503, code: "database_unavailable", message: "the database cannot be read")
            }
        }
        return HTTPResponse(status: 200, contentType: openMetrics ? openMetricsType : textType,
                            body: page)
    }

    /// True when Accept names application/openmetrics-text with a q above 0.
    static func wantsOpenMetrics(_ accept: String?) -> Bool {
        guard let accept else { return false }
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmingSpaces.lowercased() }
            guard parts.first == "application/openmetrics-text" else { continue }
            let q = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if q > 0 { return true }
        }
        return false
    }
}
