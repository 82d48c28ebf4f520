import Testing
@testable import TTAMonitorCore

@Suite struct PrometheusCheckTests {
    let server: LocalHTTPServer

    init() throws {
        server = try LocalHTTPServer { request in
            let text = [("Content-Type", "text/plain; version=0.0.4")]
            switch request.path {
            case "/metrics-prom":
                return .init(headers: text, body: PrometheusFixtures.tta)
            case "/stamped":
                return .init(headers: text, body: "tta_up{host=\"a\"} 1 1700000000123\n")
            case "/openmetrics":
                return .init(headers: [("Content-Type", "application/openmetrics-text; version=1.0.0; charset=utf-8")],
                             body: PrometheusFixtures.openMetrics)
            case "/accept":
                // Answers only a scraper that asks as Prometheus's does.
                let accept = request.headers["accept"] ?? ""
                return accept == PrometheusFormat.auto.acceptHeader ? .init(body: "ok 1\n") : .init(status: 406, body: accept)
            case "/moved":
                return .init(status: 302, headers: [("Location", "/metrics-prom")])
            case "/error":
                return .init(status: 500, body: "internal error\n")
            case "/garbage":
                return .init(headers: [("Content-Type", "text/html")], body: "<html><body>Grafana</body></html>\n")
            case "/broken":
                return .init(headers: text, body: "# TYPE a gauge\na 1\na{x=\"1} 2\n")
            case "/big":
                return .init(headers: text, body: String(repeating: "filler_metric 1\n", count: 125))
            default:
                return .init(status: 404, body: "not found")
            }
        }
    }

    private func check(_ path: String, rules: [PrometheusSeriesRule] = [], maxBodyBytes: Int = PrometheusCheck.maxBodyBytes,
                       timeout: Duration = .seconds(5)) async -> CheckResult {
        var spec = PrometheusCheckSpec(url: server.url(path))
        spec.series = rules
        return await PrometheusCheck.run(name: "tta", spec: spec, timeout: timeout, maxBodyBytes: maxBodyBytes)
    }

    private func rule(_ metric: String, labels: [String: String] = [:], warning: Double? = nil, critical: Double? = nil,
                      lowerIsWorse: Bool = false, required: Bool = true) -> PrometheusSeriesRule {
        var rule = PrometheusSeriesRule(metric: metric)
        rule.labels = labels
        if warning != nil || critical != nil {
            rule.thresholds = Thresholds(warning: warning, critical: critical, lowerIsWorse: lowerIsWorse)
        }
        rule.required = required
        return rule
    }

    @Test func withoutRulesTheScrapeIsCountedAndNothingStored() async throws {
        let result = await check("/metrics-prom")
        #expect(result.status == .ok)
        #expect(result.kind == "prometheus")
        #expect(result.check == "tta")
        #expect(result.message == "scraped 7 samples in 3 families")
        #expect(result.samples.isEmpty)
        #expect(result.perfdata.isEmpty)
        let latency = try #require(result.latencyMs)
        #expect(latency > 0 && latency < 5_000)
    }

    @Test func detailsHaveTheDocumentedShape() async throws {
        let result = await check("/metrics-prom", rules: [rule("tta_system_cpu_usage_percent"), rule("tta_agent_tasks_total")])
        guard case .object(let members) = result.details else {
            Issue.record("details is not an object")
            return
        }
        #expect(members.map(\.0) == ["families", "samples", "bytes", "scrape_ms", "matched", "http_status",
                                      "format", "format_source", "content_type"])
        #expect(result.details["format"] == .string("text"))
        #expect(result.details["format_source"] == .string("content-type"))
        #expect(result.details["content_type"] == .string("text/plain; version=0.0.4"))
        #expect(result.details["families"] == .int(3))
        #expect(result.details["samples"] == .int(7))
        #expect(result.details["bytes"] == .int(Int64(PrometheusFixtures.tta.utf8.count)))
        #expect(result.details["matched"] == .object([("tta_system_cpu_usage_percent", .int(3)), ("tta_agent_tasks_total", .int(3))]))
        #expect(result.details["http_status"] == .int(200))
        let scrape = try #require(result.details["scrape_ms"]?.number)
        #expect(scrape > 0 && scrape < 5_000)
    }

    @Test func samplesWithinThresholdsAreOKAndStored() async throws {
        let before = WallClock.nowMilliseconds()
        let result = await check("/metrics-prom", rules: [rule("tta_system_cpu_usage_percent", warning: 95, critical: 99)])
        #expect(result.status == .ok)
        #expect(result.message == "scraped 7 samples in 3 families; 3 matched")
        #expect(result.samples.map(\.labels.first?.1) == ["a", "b", "c"])
        #expect(result.samples.map(\.value) == [93.1, 12.5, 85])
        // No timestamps on the page: samples carry the scrape's.
        #expect(result.samples.allSatisfy { $0.timestampMs == result.startedAt })
        #expect(result.startedAt >= before)
        #expect(result.perfdata == [
            PerfdataItem(label: #"tta_system_cpu_usage_percent{host="a"}"#, value: 93.1, warning: "95", critical: "99"),
            PerfdataItem(label: #"tta_system_cpu_usage_percent{host="b"}"#, value: 12.5, warning: "95", critical: "99"),
            PerfdataItem(label: #"tta_system_cpu_usage_percent{host="c"}"#, value: 85, warning: "95", critical: "99"),
        ])
    }

    @Test func theWorstSampleBeyondAWarningIsNamed() async {
        let result = await check("/metrics-prom", rules: [rule("tta_system_cpu_usage_percent", warning: 90, critical: 99)])
        #expect(result.status == .warning)
        #expect(result.message == #"tta_system_cpu_usage_percent{host="a"} = 93.1 ≥ warning 90"#)
    }

    @Test func criticalWinsOverWarningAndOthersAreCounted() async {
        let result = await check("/metrics-prom", rules: [rule("tta_system_cpu_usage_percent", warning: 80, critical: 90)])
        #expect(result.status == .critical)
        #expect(result.message == #"tta_system_cpu_usage_percent{host="a"} = 93.1 ≥ critical 90 (+1 more)"#)
        #expect(result.samples.count == 3)
    }

    @Test func lowerIsWorseThresholdsJudgeFromBelow() async {
        let result = await check("/metrics-prom", rules: [rule("tta_agent_workers_available", warning: 3, critical: 1, lowerIsWorse: true)])
        #expect(result.status == .warning)
        #expect(result.message == #"tta_agent_workers_available{pool="default"} = 2 ≤ warning 3"#)
        #expect(result.perfdata == [PerfdataItem(label: #"tta_agent_workers_available{pool="default"}"#, value: 2,
                                                 warning: "3:", critical: "1:")])
    }

    @Test func labelMatchersSelectOnlyTheirSeries() async {
        let result = await check("/metrics-prom", rules: [
            rule("tta_system_cpu_usage_percent", labels: ["host": "b"], warning: 80, critical: 90),
        ])
        #expect(result.status == .ok)
        #expect(result.message == #"scraped 7 samples in 3 families; tta_system_cpu_usage_percent{host="b"} = 12.5"#)
        #expect(result.samples == [MetricSample(name: "tta_system_cpu_usage_percent", labels: [("host", "b")], value: 12.5,
                                                timestampMs: result.startedAt)])
        #expect(result.details["matched"] == .object([("tta_system_cpu_usage_percent", .int(1))]))
    }

    @Test func severalLabelMatchersMustAllHold() async {
        let result = await check("/metrics-prom", rules: [
            rule("tta_agent_tasks_total", labels: ["agent": "planner", "outcome": "error"], warning: 1),
        ])
        #expect(result.status == .warning)
        #expect(result.message == #"tta_agent_tasks_total{agent="planner",outcome="error"} = 3 ≥ warning 1"#)
        #expect(result.samples.count == 1)
    }

    @Test func anEmptyLabelMatcherMatchesSamplesWithoutTheLabel() async {
        let result = await check("/metrics-prom", rules: [rule("tta_agent_tasks_total", labels: ["region": ""])])
        #expect(result.samples.count == 3)
    }

    @Test func aRequiredSeriesThatIsMissingWarns() async {
        let result = await check("/metrics-prom", rules: [rule("tta_queue_depth")])
        #expect(result.status == .warning)
        #expect(result.message == "no samples of tta_queue_depth")
        #expect(result.samples.isEmpty)
        #expect(result.details["matched"] == .object([("tta_queue_depth", .int(0))]))
    }

    @Test func aMissingSeriesIsNamedWithItsLabels() async {
        let result = await check("/metrics-prom", rules: [rule("tta_system_cpu_usage_percent", labels: ["host": "z"])])
        #expect(result.status == .warning)
        #expect(result.message == #"no samples of tta_system_cpu_usage_percent{host="z"}"#)
    }

    @Test func anOptionalSeriesMayBeMissing() async {
        let result = await check("/metrics-prom", rules: [rule("tta_queue_depth", required: false)])
        #expect(result.status == .ok)
        #expect(result.message == "scraped 7 samples in 3 families; 0 matched")
    }

    @Test func everyProblemIsReportedWorstFirst() async {
        let result = await check("/metrics-prom", rules: [
            rule("tta_queue_depth"),
            rule("tta_system_cpu_usage_percent", critical: 90),
        ])
        #expect(result.status == .critical)
        #expect(result.message == #"tta_system_cpu_usage_percent{host="a"} = 93.1 ≥ critical 90; no samples of tta_queue_depth"#)
        #expect(result.samples.count == 3)
    }

    @Test func aSampleSelectedTwiceIsStoredOnce() async {
        let result = await check("/metrics-prom", rules: [
            rule("tta_system_cpu_usage_percent"),
            rule("tta_system_cpu_usage_percent", labels: ["host": "a"], critical: 99),
        ])
        #expect(result.samples.count == 3)
        #expect(result.perfdata.count == 3)
        #expect(result.details["matched"] == .object([("tta_system_cpu_usage_percent", .int(3))]))
    }

    @Test func thePagesOwnTimestampsAreKept() async {
        let result = await check("/stamped", rules: [rule("tta_up")])
        #expect(result.samples == [MetricSample(name: "tta_up", labels: [("host", "a")], value: 1, timestampMs: 1_700_000_000_123)])
    }

    @Test func openMetricsSamplesAreSelectedByTheirOwnNames() async {
        let result = await check("/openmetrics", rules: [rule("foo_total"), rule("foo", required: true)])
        #expect(result.status == .warning)
        #expect(result.message == "no samples of foo")
        #expect(result.samples == [MetricSample(name: "foo_total", labels: [], value: 17, timestampMs: 1_520_879_607_789)])
    }

    @Test func theScrapeAsksLikePrometheus() async {
        let result = await check("/accept")
        #expect(result.status == .ok, "\(result.message)")
    }

    @Test func redirectsAreFollowed() async {
        let result = await check("/moved")
        #expect(result.status == .ok)
        #expect(result.message == "scraped 7 samples in 3 families")
    }

    @Test func aServerErrorIsCritical() async {
        let result = await check("/error", rules: [rule("tta_up")])
        #expect(result.status == .critical)
        #expect(result.message == "HTTP 500 (expected 2xx)")
        #expect(result.details["http_status"] == .int(500))
        #expect(result.details["families"] == .null)
        #expect(result.samples.isEmpty)
    }

    @Test func aPageThatIsNotPrometheusTextIsCritical() async {
        let result = await check("/garbage")
        #expect(result.status == .critical)
        #expect(result.message == "not Prometheus text: line 1: expected a metric name, found '<'")
    }

    @Test func aBrokenLineIsNamed() async {
        let result = await check("/broken", rules: [rule("a")])
        #expect(result.status == .critical)
        #expect(result.message == "not Prometheus text: line 3: unterminated label value")
        #expect(result.samples.isEmpty)
    }

    @Test func aPageOverTheCapIsCritical() async {
        let result = await check("/big", maxBodyBytes: 1_000)
        #expect(result.status == .critical)
        #expect(result.message == "metrics page is 2000 bytes, over the 1000-byte limit")
        #expect(result.details["bytes"] == .int(2_000))
        #expect(await check("/big", maxBodyBytes: 2_000).status == .ok)
    }

    @Test func theDefaultCapIsSixteenMebibytes() {
        #expect(PrometheusCheck.maxBodyBytes == 16 * 1_024 * 1_024)
    }

    @Test func aRefusedConnectionIsCriticalWithTheHTTPWording() async throws {
        let port = try LocalHTTPServer.unusedPort()
        let result = await PrometheusCheck.run(name: "tta", spec: PrometheusCheckSpec(url: "http://127.0.0.1:\(port)/metrics"),
                                               timeout: .seconds(5))
        #expect(result.status == .critical)
        #expect(result.message == "connection refused")
    }

    @Test func aHungExporterFailsAtTheTimeout() async throws {
        let listener = try LoopbackListener()
        let stopwatch = Stopwatch()
        let result = await PrometheusCheck.run(name: "tta", spec: PrometheusCheckSpec(url: "http://127.0.0.1:\(listener.port)/metrics"),
                                               timeout: .milliseconds(300))
        #expect(result.status == .critical)
        #expect(result.message == "timed out after 300 ms")
        #expect(stopwatch.elapsedMilliseconds < 2_000)
    }
}
