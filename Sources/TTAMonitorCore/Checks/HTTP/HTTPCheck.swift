/// The `http` check kind: one request through `HTTPProbe`, judged against the spec.
public enum HTTPCheck {
    /// Runs the check once. Never takes much longer than `timeout`, never throws: every
    /// failure becomes a CRITICAL (or, for an unusable config, UNKNOWN) result.
    public static func run(name: String, spec: HTTPCheckSpec, timeout: Duration) async -> CheckResult {
        let startedAt = WallClock.nowMilliseconds()
        let request = HTTPProbeRequest(url: spec.url, method: spec.method, headers: spec.headers,
                                       timeout: timeout, followRedirects: spec.followRedirects,
                                       verifyTLS: spec.verifyTLS, auth: spec.auth,
                                       readsCertificate: spec.certificateDaysLeft != nil)
        let response = await HTTPProbe.perform(request)
        let now = WallClock.nowMilliseconds()
        var verdict = HTTPTransportFailure.verdict(for: response, url: spec.url, timeout: timeout)
            ?? HTTPVerdict.judge(response, spec: spec)
        var perfdata: [PerfdataItem] = []
        if response.completed, let thresholds = spec.certificateDaysLeft {
            verdict = combined(verdict, certificateVerdict(response, url: spec.url, thresholds: thresholds, now: now))
            if let certificate = response.certificate {
                perfdata.append(CertificateVerdict.perfdata(certificate, thresholds: thresholds, now: now))
            }
        }
        let probed = response.completed || response.timings.totalMs > 0
        var result = CheckResult(check: name, kind: HTTPCheckSpec.kindName, status: verdict.status, startedAt: startedAt,
                                 latencyMs: probed ? response.timings.totalMs : nil, message: verdict.message,
                                 details: details(of: response, certificateRequested: spec.certificateDaysLeft != nil, now: now))
        result.perfdata = perfdata
        return result
    }

    /// The certificate's verdict; UNKNOWN when there was none to read, since a configured
    /// expiry check that silently checks nothing would look like a healthy certificate.
    private static func certificateVerdict(_ response: HTTPProbeResponse, url: String, thresholds: Thresholds,
                                           now: Int64) -> (status: CheckStatus, message: String) {
        if let certificate = response.certificate {
            return CertificateVerdict.judge(certificate, thresholds: thresholds, now: now)
        }
        let https = (response.effectiveURL ?? url).lowercased().hasPrefix("https:")
        return (.unknown, https ? "libcurl reported no TLS certificate"
                                : "no TLS certificate to check (certificate_days_left needs an https URL)")
    }

    /// The worse verdict's message leads; the other follows after `; ` so an OK run reads
    /// `HTTP 200 in 12 ms; certificate valid for 187 days (until 2027-05-30)`.
    private static func combined(_ http: (status: CheckStatus, message: String),
                                 _ certificate: (status: CheckStatus, message: String)) -> (status: CheckStatus, message: String) {
        let (first, second) = certificate.status.severity > http.status.severity ? (certificate, http) : (http, certificate)
        return (first.status, "\(first.message); \(second.message)")
    }

    /// The stored measurements, in a fixed key order. Timings are cumulative from the start of
    /// the request, as `curl -w` reports them; `tls` is null for plain HTTP. No body, headers
    /// or credentials: the effective URL is shown masked, and only after a redirect.
    /// `certificate` is present only when `certificate_days_left` asked for it (null when
    /// none was read).
    static func details(of response: HTTPProbeResponse, certificateRequested: Bool, now: Int64) -> JSONValue {
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
        if certificateRequested {
            members.append(("certificate", response.certificate.map { CertificateVerdict.details($0, now: now) } ?? .null))
        }
        return .object(members)
    }
}
