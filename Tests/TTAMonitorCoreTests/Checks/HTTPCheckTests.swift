import Testing
@testable import TTAMonitorCore

@Suite struct HTTPCheckTests {
    let server: LocalHTTPServer

    init() throws {
        server = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
    }

    private func check(_ path: String, timeout: Duration = .seconds(5),
                       _ configure: (inout HTTPCheckSpec) -> Void = { _ in }) async -> CheckResult {
        var spec = HTTPCheckSpec(url: server.url(path))
        configure(&spec)
        return await HTTPCheck.run(name: "api", spec: spec, timeout: timeout)
    }

    @Test func healthyEndpointIsOK() async throws {
        let before = WallClock.nowMilliseconds()
        let result = await check("/ok") { $0.expectedStatuses = [200]; $0.jsonEquals = [.init(path: "status", expected: "healthy")] }
        #expect(result.status == .ok)
        #expect(result.check == "api")
        #expect(result.kind == "http")
        #expect(result.message.hasPrefix("HTTP 200 in "))
        #expect(result.message.hasSuffix(" ms"))
        #expect(result.startedAt >= before && result.startedAt <= WallClock.nowMilliseconds())
        let latency = try #require(result.latencyMs)
        #expect(latency > 0 && latency < 5_000)
    }

    @Test func detailsHaveTheDocumentedShape() async throws {
        let result = await check("/ok")
        guard case .object(let members) = result.details else {
            Issue.record("details is not an object")
            return
        }
        #expect(members.map(\.0) == ["http_status", "timings_ms", "body_bytes", "http_version", "redirects"])
        #expect(result.details["http_status"] == .int(200))
        #expect(result.details["body_bytes"] == .int(Int64(#"{"status":"healthy"}"#.utf8.count)))
        #expect(result.details["http_version"] == .string("1.1"))
        #expect(result.details["redirects"] == .int(0))
        let timings = try #require(result.details["timings_ms"])
        guard case .object(let phases) = timings else {
            Issue.record("timings_ms is not an object")
            return
        }
        #expect(phases.map(\.0) == ["dns", "connect", "tls", "ttfb", "total"])
        #expect(timings["tls"] == .null)
        let ttfb = try #require(timings["ttfb"]?.number)
        let total = try #require(timings["total"]?.number)
        #expect(ttfb > 0 && ttfb <= total)
        #expect(total == result.latencyMs)
    }

    @Test func serverErrorIsCritical() async {
        let result = await check("/error") { $0.expectedStatuses = [200] }
        #expect(result.status == .critical)
        #expect(result.message == "HTTP 500 (expected 200)")
        #expect(result.details["http_status"] == .int(500))
    }

    @Test func serverErrorIsCriticalWithoutAnExpectedList() async {
        let result = await check("/error")
        #expect(result.status == .critical)
        #expect(result.message == "HTTP 500 (expected 2xx or 3xx)")
    }

    @Test func hungEndpointFailsAtItsOwnTimeout() async throws {
        let stopwatch = Stopwatch()
        let result = await check("/slow?ms=5000", timeout: .milliseconds(300))
        let elapsed = stopwatch.elapsedMilliseconds
        #expect(result.status == .critical)
        #expect(result.message == "timed out after 300 ms")
        #expect(elapsed >= 290 && elapsed < 1_500, "took \(elapsed) ms")
        let latency = try #require(result.latencyMs)
        #expect(latency >= 290 && latency < 1_500)
    }

    @Test func closedPortIsConnectionRefused() async throws {
        let port = try LocalHTTPServer.unusedPort()
        let result = await HTTPCheck.run(name: "down", spec: HTTPCheckSpec(url: "http://127.0.0.1:\(port)/ok"),
                                         timeout: .seconds(2))
        #expect(result.status == .critical)
        #expect(result.message == "connection refused")
        #expect(result.details["http_status"] == .null)
    }

    @Test func unresolvableHostIsNamed() async {
        let result = await HTTPCheck.run(name: "nowhere", spec: HTTPCheckSpec(url: "http://nohost.invalid/health"),
                                         timeout: .seconds(3))
        #expect(result.status == .critical)
        #expect(result.message == "could not resolve host 'nohost.invalid'")
    }

    @Test func missingBodyTextIsCritical() async {
        let result = await check("/text") { $0.bodyContains = "healthy" }
        #expect(result.status == .critical)
        #expect(result.message == "body does not contain 'healthy'")
        #expect(await check("/text") { $0.bodyContains = "text body" }.status == .ok)
    }

    @Test func jsonFieldMismatchIsCritical() async {
        let result = await check("/degraded") { $0.jsonEquals = [.init(path: "status", expected: "healthy")] }
        #expect(result.status == .critical)
        #expect(result.message == "json 'status' is 'degraded', expected 'healthy'")
    }

    @Test func jsonProblemsAreExplained() async {
        let notJSON = await check("/text") { $0.jsonEquals = [.init(path: "status", expected: "healthy")] }
        #expect(notJSON.status == .critical)
        #expect(notJSON.message.hasPrefix("body is not JSON"))
        let missing = await check("/ok") { $0.jsonEquals = [.init(path: "checks.db", expected: "up")] }
        #expect(missing.status == .critical)
        #expect(missing.message == "json 'checks.db' is missing, expected 'up'")
    }

    @Test func jsonPathsIndexArrays() async throws {
        let nested = try LocalHTTPServer { _ in
            .json(#"{"checks":[{"name":"db","state":"up","lag":0.5}],"ready":true}"#)
        }
        var spec = HTTPCheckSpec(url: nested.url("/health"))
        spec.jsonEquals = [.init(path: "checks.0.state", expected: "up"), .init(path: "ready", expected: "true"),
                           .init(path: "checks.0.lag", expected: "0.5")]
        #expect(await HTTPCheck.run(name: "nested", spec: spec, timeout: .seconds(5)).status == .ok)
        spec.jsonEquals = [.init(path: "checks.1.state", expected: "up")]
        #expect(await HTTPCheck.run(name: "nested", spec: spec, timeout: .seconds(5)).message
                == "json 'checks.1.state' is missing, expected 'up'")
        spec.jsonEquals = [.init(path: "checks", expected: "up")]
        #expect(await HTTPCheck.run(name: "nested", spec: spec, timeout: .seconds(5)).message
                == "json 'checks' is an array, expected 'up'")
    }

    @Test func slowResponseCrossesLatencyThresholds() async {
        let warning = await check("/slow?ms=150") { $0.latencyMs = Thresholds(warning: 100, critical: 2_000) }
        #expect(warning.status == .warning)
        #expect(warning.message.hasPrefix("latency "))
        #expect(warning.message.hasSuffix(" ms ≥ warning 100 ms"))
        let critical = await check("/slow?ms=150") { $0.latencyMs = Thresholds(warning: 50, critical: 100) }
        #expect(critical.status == .critical)
        #expect(critical.message.hasSuffix(" ms ≥ critical 100 ms"))
        let fast = await check("/ok") { $0.latencyMs = Thresholds(warning: 2_000, critical: 4_000) }
        #expect(fast.status == .ok)
    }

    @Test func redirectIsNotFollowedUnlessAsked() async {
        let notFollowed = await check("/redirect") { $0.expectedStatuses = [200] }
        #expect(notFollowed.status == .critical)
        #expect(notFollowed.message == "HTTP 302 (expected 200)")
        #expect(notFollowed.details["redirects"] == .int(0))
        #expect(notFollowed.details["effective_url"] == nil)

        let followed = await check("/redirect") {
            $0.expectedStatuses = [200]
            $0.followRedirects = true
            $0.jsonEquals = [.init(path: "status", expected: "healthy")]
        }
        #expect(followed.status == .ok)
        #expect(followed.details["redirects"] == .int(1))
        #expect(followed.details["effective_url"] == .string(server.url("/ok")))
    }

    @Test func expectedListAcceptsARedirect() async {
        let result = await check("/redirect") { $0.expectedStatuses = [200, 302] }
        #expect(result.status == .ok)
        #expect(result.message.hasPrefix("HTTP 302 in "))
        let missing = await check("/error") { $0.expectedStatuses = [200, 204, 302] }
        #expect(missing.message == "HTTP 500 (expected 200, 204 or 302)")
    }

    @Test func credentialsNeverAppearInResults() async {
        let withSecrets = "http://admin:hunter2@127.0.0.1:\(server.port)/redirect"
        var spec = HTTPCheckSpec(url: withSecrets)
        spec.followRedirects = true
        spec.headers = [HTTPHeader(name: "Authorization", value: "Bearer sk-live-token")]
        let redirected = await HTTPCheck.run(name: "secret", spec: spec, timeout: .seconds(5))
        let rendered = redirected.message + JSONWriter.render(redirected.details)
        #expect(redirected.status == .ok)
        #expect(!rendered.contains("hunter2"))
        #expect(!rendered.contains("sk-live-token"))

        // Port 99999 makes the URL invalid, so the message has to show it: masked.
        let invalid = await HTTPCheck.run(name: "secret", spec: HTTPCheckSpec(url: "http://admin:hunter2@127.0.0.1:99999/"),
                                          timeout: .seconds(5))
        #expect(invalid.status == .unknown)
        #expect(invalid.message.contains("http://admin:***@127.0.0.1:99999/"))
        #expect(!invalid.message.contains("hunter2"))
    }

    @Test func checksRunConcurrentlyOnOneMultiHandle() async {
        let stopwatch = Stopwatch()
        let results = await withTaskGroup(of: CheckResult.self) { group in
            for index in 0..<100 {
                group.addTask { await HTTPCheck.run(name: "slow-\(index)", spec: HTTPCheckSpec(url: server.url("/slow?ms=200")),
                                                    timeout: .seconds(10)) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let elapsed = stopwatch.elapsedMilliseconds
        #expect(results.count == 100)
        let failures = results.filter { $0.status != .ok }.map(\.message)
        #expect(failures.isEmpty, "\(failures)")
        // One after another they would take 20 s.
        #expect(elapsed < 5_000, "100 checks of 200 ms took \(elapsed) ms")
    }

    @Test func sequentialChecksReuseTheConnection() async {
        for _ in 0..<20 {
            #expect(await check("/ok").status == .ok)
        }
        #expect(server.requestCount == 20)
        #expect(server.connectionCount < 5, "opened \(server.connectionCount) connections for 20 requests")
    }

    @Test func cancellingTheTaskEndsTheCheck() async throws {
        let stopwatch = Stopwatch()
        let task = Task { await check("/slow?ms=5000", timeout: .seconds(10)) }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        let result = await task.value
        #expect(result.status == .unknown)
        #expect(result.message == "check cancelled")
        #expect(stopwatch.elapsedMilliseconds < 2_000)
    }
}
