/// A handler's refusal: status, stable code, message. Messages name the parameter at fault
/// and never quote a header (a token must not come back in an answer).
struct APIError: Error {
    var status: Int
    var code: String
    var message: String

    static func badParameter(_ message: String) -> APIError { APIError(status: 400, code: "bad_parameter", message: message) }
    static func notFound(_ message: String) -> APIError { APIError(status: 404, code: "not_found", message: message) }
}
