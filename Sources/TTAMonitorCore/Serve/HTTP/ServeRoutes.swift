/// The endpoints: a path pattern (`:` captures one segment) and a handler per method.
/// Adding an endpoint is one line here and one handler function.
enum ServeRoutes {
    typealias Handler = @Sendable (ServeRequest) throws(APIError) -> HTTPResponse

    struct Route: Sendable {
        var pattern: [String]
        var methods: [(String, Handler)]
    }

    static let all: [Route] = [
        Route(pattern: ["healthz"], methods: [("GET", HealthEndpoints.healthz)]),
        Route(pattern: ["readyz"], methods: [("GET", HealthEndpoints.readyz)]),
        Route(pattern: ["metrics"], methods: [("GET", MetricsEndpoint.handle)]),
        Route(pattern: ["api", "v1", "status"], methods: [("GET", StatusEndpoint.handle)]),
        Route(pattern: ["api", "v1", "checks", ":", "results"], methods: [("GET", ResultsEndpoint.handle)]),
        Route(pattern: ["api", "v1", "checks", ":", "series"], methods: [("GET", SeriesEndpoint.handle)]),
        Route(pattern: ["api", "v1", "alerts"], methods: [("GET", AlertsEndpoint.handle)]),
        Route(pattern: ["api", "v1", "alerts", ":", "ack"], methods: [("POST", AlertActionEndpoints.acknowledge)]),
        Route(pattern: ["api", "v1", "silences"], methods: [("POST", AlertActionEndpoints.silence)]),
        Route(pattern: ["api", "v1", "silences", ":"], methods: [("DELETE", AlertActionEndpoints.unsilence)]),
        Route(pattern: ["api", "v1", "carbon"], methods: [("GET", CarbonEndpoint.handle)]),
    ]

    /// The route matching `segments` and its captures.
    static func match(_ segments: [String]) -> (Route, [String])? {
        for route in all where route.pattern.count == segments.count {
            var captures: [String] = []
            let matches = zip(route.pattern, segments).allSatisfy { pattern, segment in
                if pattern == ":" {
                    captures.append(segment)
                    return !segment.isEmpty
                }
                return pattern == segment
            }
            if matches { return (route, captures) }
        }
        return nil
    }
}
