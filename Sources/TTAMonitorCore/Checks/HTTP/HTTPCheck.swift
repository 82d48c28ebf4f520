/// The `http` check kind: one request through `HTTPProbe`, judged against the spec.
public enum HTTPCheck {
    /// Runs the check once. Never takes much longer than `timeout`, never throws: every
    /// failure becomes a CRITICAL (or, for an unusable config, UNKNOWN) result.
    public static func run(name: String, spec: HTTPCheckSpec, timeout: Duration) async -> CheckResult {
        let startedAt = WallClock.nowMilliseconds()
        let request = HTTPProbeRequest(url: spec.url, method: spec.method, headers: spec.headers,
                                       timeout: timeout, followRedirects: spec.followRedirects,
                                       verifyTLS: spec.verifyTLS)
        let response = await HTTPProbe.perform(request)
        let verdict = HTTPTransportFailure.verdict(for: response, url: spec.url, timeout: timeout)
            ?? HTTPVerdict.judge(response, spec: spec)
        let probed = response.completed || response.timings.totalMs > 0
        return CheckResult(check: name, kind: "http", status: verdict.status, startedAt: startedAt,
                           latencyMs: probed ? response.timings.totalMs : nil,
                           message: verdict.message, details: details(of: response))
    }

    /// The stored measurements, in a fixed key order. Timings are cumulative from the start of
    /// the request, as `curl -w` reports them; `tls` is null for plain HTTP. No body, headers
    /// or credentials: the effective URL is shown masked, and only after a redirect.
    static func details(of response: HTTPProbeResponse) -> JSONValue {
        let timings = response.timings
        let isTLS = response.effectiveURL?.lowercased().hasPrefix("https:") ?? false
        var members: [(String, JSONValue)] = [
            ("http_status", response.statusCode > 0 ? .int(Int64(response.statusCode)) : .null),
            ("timings_ms", .object([
                ("dns", .double(timings.nameLookupMs)),
                ("connect", .double(timings.connectMs)),
                ("tls", isTLS ? .double(timings.appConnectMs) : .null),
                ("ttfb", .double(timings.startTransferMs)),
                ("total", .double(timings.totalMs)),
            ])),
            ("body_bytes", .int(Int64(response.bodyBytesSeen))),
            ("http_version", .text(response.httpVersion)),
            ("redirects", .int(Int64(response.redirectCount))),
        ]
        if response.redirectCount > 0, let url = response.effectiveURL {
            members.append(("effective_url", .string(URLRedaction.masked(url))))
        }
        return .object(members)
    }
}
