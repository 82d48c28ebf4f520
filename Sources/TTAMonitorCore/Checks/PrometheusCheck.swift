/// The `prometheus` check: scrapes a metrics page (`/metrics`, TTA's `/metrics-prom`), parses
/// it, stores the series its rules select and judges them against their thresholds.
///
/// Verdicts: transport failure, a non-2xx status, a page over the size cap or one that is
/// not Prometheus text → CRITICAL; a threshold crossed → its level, the worst sample named;
/// a required rule with nothing to select → WARNING. Without rules the check only proves the
/// page scrapes and parses, and stores nothing.
///
/// The scrape asks for OpenMetrics first and the 0.0.4 text second, as Prometheus does, and
/// reads the page in the format its `Content-Type` names; `format:` forces one.
///
/// A rule selects samples by their exact own name (`http_request_duration_seconds_count`,
/// not the family `http_request_duration_seconds`) and its label equality matchers.
public enum PrometheusCheck {
    /// The largest page accepted. Far above what exporters serve (node_exporter: ~100 KiB)
    /// yet bounded, because the whole page is held and parsed in memory.
    public static let maxBodyBytes = 16 << 20

    /// Pages above this are parsed on a thread of their own rather than on the cooperative
    /// pool, where a multi-megabyte parse would hold up every other check.
    static let offloadedParseBytes = 1 << 20

    /// Runs the check once; never throws.
    public static func run(name: String, spec: PrometheusCheckSpec, timeout: Duration) async -> CheckResult {
        await run(name: name, spec: spec, timeout: timeout, maxBodyBytes: maxBodyBytes)
    }

    /// `run` with another size cap, so tests can cross it without serving 16 MiB.
    static func run(name: String, spec: PrometheusCheckSpec, timeout: Duration, maxBodyBytes: Int) async -> CheckResult {
        let startedAt = WallClock.nowMilliseconds()
        let request = HTTPProbeRequest(url: spec.url, headers: [HTTPHeader(name: "Accept", value: spec.format.acceptHeader)],
                                       timeout: timeout, followRedirects: true, maxBodyBytes: maxBodyBytes)
        let response = await HTTPProbe.perform(request)
        let probed = response.completed || response.timings.totalMs > 0
        var result = CheckResult(check: name, kind: PrometheusCheckSpec.kindName, status: .critical, startedAt: startedAt,
                                 latencyMs: probed ? response.timings.totalMs : nil, message: "",
                                 details: details(response, exposition: nil, format: nil, matched: []))
        if let failure = HTTPTransportFailure.verdict(for: response, url: spec.url, timeout: timeout) {
            result.status = failure.status
            result.message = failure.message
            return result
        }
        guard (200..<300).contains(response.statusCode) else {
            result.message = "HTTP \(response.statusCode) (expected 2xx)"
            return result
        }
        guard response.bodyBytesSeen <= maxBodyBytes else {
            result.message = "metrics page is \(response.bodyBytesSeen) bytes, over the \(sizeText(maxBodyBytes)) limit"
            return result
        }
        let format = PrometheusFormatDecision(format: spec.format, contentType: response.contentType, body: response.body)
        let exposition: PrometheusExposition
        switch await parse(response.body, openMetrics: format.openMetrics) {
        case .success(let parsed): exposition = parsed
        case .failure(let error):
            result.message = "not \(format.openMetrics ? "OpenMetrics" : "Prometheus") text: \(error)"
            result.details = details(response, exposition: nil, format: format, matched: [])
            return result
        }
        let scraped = "scraped \(exposition.sampleCount) samples in \(exposition.families.count) families"
        guard !spec.series.isEmpty else {
            result.status = .ok
            result.message = scraped
            result.details = details(response, exposition: exposition, format: format, matched: [])
            return result
        }
        let verdict = PrometheusSeriesVerdict(exposition: exposition, rules: spec.series, scrapedAtMs: startedAt)
        result.status = verdict.status
        result.message = verdict.problems.isEmpty ? okMessage(scraped, verdict: verdict) : verdict.problems.joined(separator: "; ")
        result.samples = verdict.samples
        result.perfdata = verdict.perfdata
        result.details = details(response, exposition: exposition, format: format, matched: verdict.matched)
        return result
    }

    private static func parse(_ body: [UInt8], openMetrics: Bool) async -> Result<PrometheusExposition, PrometheusParseError> {
        let work: @Sendable () -> Result<PrometheusExposition, PrometheusParseError> = {
            do throws(PrometheusParseError) {
                return .success(try PrometheusTextParser.parse(body, openMetrics: openMetrics))
            } catch {
                return .failure(error)
            }
        }
        return body.count > offloadedParseBytes ? await BlockingCall.run(work) : work()
    }

    /// Names the one matched sample when there is exactly one (a gauge such as TTA's CPU
    /// usage), else how many were matched.
    private static func okMessage(_ scraped: String, verdict: PrometheusSeriesVerdict) -> String {
        if verdict.samples.count == 1, let sample = verdict.samples.first {
            return scraped + "; " + PrometheusSeriesText.series(sample.name, labels: sample.labels)
                + " = " + PrometheusSeriesText.number(sample.value)
        }
        return scraped + "; \(verdict.samples.count) matched"
    }

    private static func sizeText(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes)-byte"
    }

    /// Counts of the page (null when it was not parsed), its size, the HTTP time, the matched
    /// samples per rule metric, and which format the page was read as and why (`format_source`:
    /// `content-type`, `config`, or `sniffed` when the `Content-Type` was missing or generic).
    static func details(_ response: HTTPProbeResponse, exposition: PrometheusExposition?,
                        format: PrometheusFormatDecision?, matched: [(String, Int)]) -> JSONValue {
        .object([
            ("families", exposition.map { .int(Int64($0.families.count)) } ?? .null),
            ("samples", exposition.map { .int(Int64($0.sampleCount)) } ?? .null),
            ("bytes", .int(Int64(response.bodyBytesSeen))),
            ("scrape_ms", .double((response.timings.totalMs * 10).rounded() / 10)),
            ("matched", .object(matched.map { ($0.0, .int(Int64($0.1))) })),
            ("http_status", response.statusCode > 0 ? .int(Int64(response.statusCode)) : .null),
            ("format", format.map { .string($0.name) } ?? .null),
            ("format_source", format.map { .string($0.source.rawValue) } ?? .null),
            ("content_type", response.contentType.map { .string(String($0.prefix(200))) } ?? .null),
        ])
    }
}
