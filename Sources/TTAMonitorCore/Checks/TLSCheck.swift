/// The `tls` check: does a TLS handshake with `host:port` succeed, and how long until the
/// server's certificate expires?
///
/// With `verify` on (the default) the chain and the name (`server_name`, else `host`) must
/// verify against the system's CAs; a self-signed, expired or misnamed certificate fails the
/// handshake and the check is CRITICAL with OpenSSL's reason ("certificate has expired",
/// "self-signed certificate"). With `verify: false` any certificate is accepted and judged
/// only on its dates: expired is still CRITICAL, otherwise the days left meet `days_left`.
public enum TLSCheck {
    /// Runs the check once; never takes much longer than `timeout`, never throws. Latency is
    /// the whole probe (resolve, connect, handshake).
    public static func run(name: String, spec: TLSCheckSpec, timeout: Duration) async -> CheckResult {
        let startedAt = WallClock.nowMilliseconds()
        let request: HTTPProbeRequest
        switch TLSProbe.request(for: spec, timeout: timeout) {
        case .success(let built): request = built
        case .failure(let problem):
            return CheckResult(check: name, kind: TLSCheckSpec.kindName, status: .unknown, startedAt: startedAt, latencyMs: nil,
                               message: problem.description)
        }
        let response = await HTTPProbe.perform(request)
        let latency = response.completed || response.timings.totalMs > 0 ? response.timings.totalMs : nil
        let now = WallClock.nowMilliseconds()
        var result = CheckResult(check: name, kind: TLSCheckSpec.kindName, status: .ok, startedAt: startedAt, latencyMs: latency,
                                 message: "", details: details(spec, response, now: now))
        if let failure = HTTPTransportFailure.verdict(for: response, url: TLSProbe.displayURL(for: spec), timeout: timeout) {
            (result.status, result.message) = failure
        } else if let certificate = response.certificate {
            (result.status, result.message) = CertificateVerdict.judge(certificate, thresholds: spec.daysLeft, now: now)
            result.perfdata = [CertificateVerdict.perfdata(certificate, thresholds: spec.daysLeft, now: now)]
        } else {
            result.status = .unknown
            result.message = "TLS handshake with \(LatencyText.endpoint(host: spec.host, port: spec.port)) "
                + "succeeded but libcurl reported no certificate"
        }
        return result
    }

    /// `timings_ms` are cumulative from the start, as in the `http` check; `handshake_ms` is
    /// the TLS handshake alone. `certificate` is null when the handshake failed.
    static func details(_ spec: TLSCheckSpec, _ response: HTTPProbeResponse, now: Int64) -> JSONValue {
        let timings = response.timings
        let handshaked = timings.appConnectMs > 0
        return .object([
            ("host", .string(spec.host)),
            ("port", .int(Int64(spec.port))),
            ("server_name", .string(spec.serverName ?? spec.host)),
            ("address", .text(response.primaryIP)),
            ("verify", .bool(spec.verify)),
            ("tls_version", .text(response.tlsVersion)),
            ("cipher", .text(response.tlsCipher)),
            ("handshake_ms", handshaked ? .double(max(0, timings.appConnectMs - timings.connectMs)) : .null),
            ("timings_ms", .object([
                ("dns", .double(timings.nameLookupMs)),
                ("connect", .double(timings.connectMs)),
                ("tls", handshaked ? .double(timings.appConnectMs) : .null),
                ("total", .double(timings.totalMs)),
            ])),
            ("certificate", response.certificate.map { CertificateVerdict.details($0, now: now) } ?? .null),
        ])
    }
}
