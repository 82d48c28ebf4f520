/// The API's JSON answers: every body carries `schema_version`, errors have one shape
/// (`{"schema_version":1,"error":{"code":…,"message":…}}`), and nothing is cached.
enum APIResponse {
    /// Headers every API answer carries. No CORS headers: browsers of other origins must
    /// not read the API.
    static let headers: [(String, String)] = [("Cache-Control", "no-store")]

    /// 200 (or `status`) with `document` rendered.
    static func json(_ document: JSONValue, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json", body: JSONWriter.render(document) + "\n", headers: headers)
    }

    /// An error body; `code` is a stable machine word (`not_found`, `bad_parameter`, …).
    static func error(_ status: Int, _ code: String, _ message: String, extraHeaders: [(String, String)] = []) -> HTTPResponse {
        let document: JSONValue = .object([
            ("schema_version", .int(1)),
            ("error", .object([("code", .string(code)), ("message", .string(message))])),
        ])
        var response = json(document, status: status)
        response.headers += extraHeaders
        return response
    }

    /// The answer to a request the parser refused.
    static func parseFailure(_ failure: HTTPParseFailure) -> HTTPResponse {
        let code = switch failure.status {
        case 413: "body_too_large"
        case 431: "headers_too_large"
        case 501: "not_implemented"
        case 505: "http_version_not_supported"
        default: "bad_request"
        }
        return error(failure.status, code, failure.reason)
    }
}
