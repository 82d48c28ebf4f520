import Testing
@testable import TTAMonitorCore

/// The scrape asks for OpenMetrics first, as Prometheus does, and reads each page in the format
/// its `Content-Type` names; the page decides only when that header is missing or generic.
@Suite struct PrometheusFormatNegotiationTests {
    static let openMetricsType = "application/openmetrics-text; version=1.0.0; charset=utf-8"
    /// OpenMetrics timestamps are seconds: 1700000000.5 s is 1_700_000_000_500 ms.
    static let openMetricsPage = "# TYPE up gauge\nup 1 1700000000.5\n# EOF\n"
    /// 0.0.4 timestamps are milliseconds, and `# EOF` is only a comment there.
    static let textPage = "up 1 1700000000500\n# EOF\n"

    let server: LocalHTTPServer

    init() throws {
        server = try LocalHTTPServer { request in
            switch request.path {
            case "/om": .init(headers: [("Content-Type", Self.openMetricsType)], body: Self.openMetricsPage)
            case "/om-without-eof": .init(headers: [("Content-Type", Self.openMetricsType)], body: "up 1\n")
            case "/text-ending-in-eof": .init(headers: [("Content-Type", "text/plain; version=0.0.4; charset=utf-8")], body: Self.textPage)
            case "/untyped-om": .init(body: Self.openMetricsPage)
            case "/octet-text": .init(headers: [("Content-Type", "application/octet-stream")], body: "up 1 1700000000500\n")
            case "/accept": .init(headers: [("Content-Type", "text/plain")], body: "accept{value=\"\(request.headers["accept"] ?? "")\"} 1\n")
            default: .init(status: 404, body: "not found")
            }
        }
    }

    private func check(_ path: String, format: PrometheusFormat = .auto) async -> CheckResult {
        var spec = PrometheusCheckSpec(url: server.url(path))
        spec.format = format
        spec.series = [PrometheusSeriesRule(metric: "up")]
        return await PrometheusCheck.run(name: "m", spec: spec, timeout: .seconds(10))
    }

    @Test func theAcceptHeaderPrefersOpenMetricsAndAcceptsTheTextFormat() async throws {
        var spec = PrometheusCheckSpec(url: server.url("/accept"))
        spec.series = [PrometheusSeriesRule(metric: "accept")]
        let result = await PrometheusCheck.run(name: "m", spec: spec, timeout: .seconds(10))
        let sent = try #require(result.samples.first?.labels.first?.1)
        #expect(sent == "application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,"
            + "text/plain;version=0.0.4;q=0.3,*/*;q=0.2")
    }

    @Test func anOpenMetricsContentTypeReadsTimestampsAsSeconds() async {
        let result = await check("/om")
        #expect(result.status == .ok, "\(result.message)")
        #expect(result.samples.map(\.timestampMs) == [1_700_000_000_500])
        #expect(result.details["format"] == .string("openmetrics"))
        #expect(result.details["format_source"] == .string("content-type"))
    }

    @Test func aTextPageEndingInAnEOFCommentKeepsItsMilliseconds() async {
        let result = await check("/text-ending-in-eof")
        #expect(result.status == .ok, "\(result.message)")
        #expect(result.samples.map(\.timestampMs) == [1_700_000_000_500])
        #expect(result.details["format"] == .string("text"))
    }

    @Test func anOpenMetricsPageWithoutEOFIsRefusedNotReadAsText() async {
        let result = await check("/om-without-eof")
        #expect(result.status == .critical)
        #expect(result.message == "not OpenMetrics text: line 1: the page does not end with '# EOF'")
    }

    @Test func withoutAContentTypeThePageDecidesAndDetailsSaySo() async {
        let result = await check("/untyped-om")
        #expect(result.samples.map(\.timestampMs) == [1_700_000_000_500])
        #expect(result.details["format"] == .string("openmetrics"))
        #expect(result.details["format_source"] == .string("sniffed"))
        #expect(result.details["content_type"] == .null)
        let generic = await check("/octet-text")
        #expect(generic.samples.map(\.timestampMs) == [1_700_000_000_500])
        #expect(generic.details["format_source"] == .string("sniffed"))
    }

    @Test func theFormatOptionOverridesTheContentType() async {
        let forced = await check("/text-ending-in-eof", format: .openmetrics)
        // Read as OpenMetrics, 1700000000500 is seconds: a thousand times the text format's value.
        #expect(forced.details["format"] == .string("openmetrics"))
        #expect(forced.details["format_source"] == .string("config"))
        #expect(forced.samples.map(\.timestampMs) == [1_700_000_000_500_000])
        let text = await check("/om", format: .text)
        #expect(text.details["format"] == .string("text"))
        // 1700000000.5 is no 0.0.4 timestamp (milliseconds are whole numbers).
        #expect(text.status == .critical)
        #expect(text.message == "not Prometheus text: line 2: invalid timestamp '1700000000.5' for 'up'")
    }
}
