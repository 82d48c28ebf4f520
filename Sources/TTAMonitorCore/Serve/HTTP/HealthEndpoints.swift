/// `/healthz` (the process answers) and `/readyz` (it can do its work).
enum HealthEndpoints {
    static func healthz(_ request: ServeRequest) -> HTTPResponse {
        APIResponse.json(.object([("schema_version", .int(1)), ("status", .string("alive"))]))
    }

    /// 200 when ready, else 503 with the state's reason (worded for operators, no secret).
    static func readyz(_ request: ServeRequest) -> HTTPResponse {
        switch request.state.readiness() {
        case .ready:
            return APIResponse.json(.object([("schema_version", .int(1)), ("status", .string("ready"))]))
        case .notReady(let reason):
            return APIResponse.json(.object([("schema_version", .int(1)), ("status", .string("not_ready")),
                                             ("reason", .string(reason))]), status: 503)
        }
    }
}
