/// From a parsed request to an answer: path and query decoding, the token rules, the route,
/// the handler, and one log line per request (method, path, status, time — never the query
/// or a header, which may carry a token).
struct ServeRouter: Sendable {
    let settings: ServeHTTPSettings
    let state: any ServeState
    let logger: any ServeLogger
    let metrics = MetricsCache()

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        let started = MonotonicClock.nowMilliseconds()
        let response = answer(request)
        let elapsed = MonotonicClock.nowMilliseconds() - started
        logger.log(response.status >= 500 ? .warning : .debug, "http_request",
                   [("method", request.method), ("path", PercentDecoding.printable(request.path)),
                    ("status", String(response.status)), ("duration_ms", String(elapsed))])
        return response
    }

    func answer(_ request: HTTPRequest) -> HTTPResponse {
        var segments: [String] = []
        for raw in request.path.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard let segment = PercentDecoding.decode(raw, plusIsSpace: false) else {
                return APIResponse.error(400, "bad_request", "malformed percent-encoding in the path")
            }
            segments.append(segment)
        }
        if segments.last == "", segments.count > 1 { segments.removeLast() }
        let isRead = request.method == "GET" || request.method == "HEAD"
        // /healthz says only "alive": load balancers and orchestrators probe it without a token.
        if segments != ["healthz"], isRead ? settings.readsNeedToken : true {
            guard let token = settings.token else {
                return unauthorized("write actions need a token: set monitoring.serve.token (or TTA_MONITOR_TOKEN) and send it as a bearer token")
            }
            guard BearerToken.matches(request.header("authorization"), token: token) else {
                return unauthorized("missing or wrong bearer token")
            }
        }
        guard let query = PercentDecoding.query(request.query) else {
            return APIResponse.error(400, "bad_request", "malformed percent-encoding in the query")
        }
        guard let (route, captures) = ServeRoutes.match(segments) else {
            return APIResponse.error(404, "not_found", "no such endpoint; see docs/api.md")
        }
        let method = request.method == "HEAD" ? "GET" : request.method
        guard let handler = route.methods.first(where: { $0.0 == method })?.1 else {
            let allowed = route.methods.map(\.0).flatMap { $0 == "GET" ? ["GET", "HEAD"] : [$0] }.joined(separator: ", ")
            return APIResponse.error(405, "method_not_allowed", "this endpoint answers \(allowed)", extraHeaders: [("Allow", allowed)])
        }
        let serveRequest = ServeRequest(http: request, captures: captures, query: query, state: state,
                                        now: WallClock.nowMilliseconds(), metrics: metrics)
        do {
            return try handler(serveRequest)
        } catch {
            return APIResponse.error(error.status, error.code, error.message)
        }
    }

    private func unauthorized(_ message: String) -> HTTPResponse {
        APIResponse.error(401, "unauthorized", message, extraHeaders: [("WWW-Authenticate", "Bearer")])
    }
}
