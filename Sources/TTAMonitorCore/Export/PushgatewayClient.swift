/// Sends Prometheus text to a Pushgateway: `PUT URL/metrics/job/tta-monitor/instance/HOST`,
/// which replaces every series of that group, so a component that disappeared stops being
/// reported. Goes through the shared libcurl multi loop like every HTTP request.
enum PushgatewayClient {
    /// A push that failed (exit 74); the message never contains credentials from the URL.
    struct PushError: ReportableError {
        var message: String
        var exitCode: ExitCode { .ioError }
        var description: String { message }
    }

    /// The group URL for `base` and `host`.
    static func groupURL(base: String, host: String) -> String {
        var trimmed = base
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed + "/metrics/job/tta-monitor/instance/" + pathSegment(host)
    }

    /// Pushes `text`; throws when the gateway cannot be reached or does not answer 2xx.
    static func push(_ text: String, base: String, host: String, timeout: Duration = .seconds(10)) async throws(PushError) {
        guard base.hasPrefix("http://") || base.hasPrefix("https://") else {
            throw PushError(message: "--push needs an http:// or https:// URL, got '\(URLRedaction.masked(base))'")
        }
        let url = groupURL(base: base, host: host)
        let request = HTTPProbeRequest(url: url, method: "PUT",
                                       headers: [HTTPHeader(name: "Content-Type", value: "text/plain; version=0.0.4; charset=utf-8")],
                                       body: Array(text.utf8), timeout: timeout)
        let response = await HTTPProbe.perform(request)
        let shown = URLRedaction.masked(url)
        // A gateway (or a proxy in front of it) may echo the Basic credentials it was sent.
        let redactor = Redactor(categories: [.urlCredentials, .bearer, .jwt], secrets: SecretVariants.urlCredentialForms(base))
        guard response.completed else {
            throw PushError(message: "cannot push to \(shown): \(redactor.redact(response.errorMessage ?? "transfer failed"))")
        }
        guard (200..<300).contains(response.statusCode) else {
            // Redacted before it is cut, so a cut never leaves part of a secret unrecognised.
            let body = String(redactor.redact(String(decoding: response.body, as: UTF8.self)).prefix(200))
            throw PushError(message: "the Pushgateway at \(shown) answered HTTP \(response.statusCode): \(body)")
        }
    }

    /// Percent-encodes everything but unreserved characters, so a host name can never add
    /// path segments.
    static func pathSegment(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return out.isEmpty ? "unknown" : out
    }
}
