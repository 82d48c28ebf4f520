import Foundation
import Testing
@testable import TTAMonitorCore

/// Real exporters scraped as the check scrapes them (Prometheus's Accept header, the format
/// their Content-Type names), every sample compared with `prometheus_client`'s parser reading
/// the same bytes: node_exporter (Go, the 0.0.4 text) and a `prometheus_client` program
/// (Python, OpenMetrics, with a counter, histogram, summary, info and stateset).
@Suite struct PrometheusRealExporterReferenceTests {
    /// A `prometheus_client` program serving one of each type on the port it is given.
    static let pythonExporter = """
        import sys, time
        from prometheus_client import start_http_server, Counter, Histogram, Summary, Gauge, Info, Enum
        jobs = Counter('jobs', 'Jobs done', ['queue'])
        jobs.labels('a').inc(3)
        jobs.labels('b"\\\\\\n').inc(0.5)
        latency = Histogram('latency_seconds', 'Latency')
        for value in (0.01, 0.2, 3, 12):
            latency.observe(value)
        Summary('size_bytes', 'Size').observe(512)
        Gauge('temperature', 'T').set(-1.5)
        Info('build', 'Build').info({'version': '1.2'})
        Enum('state', 'State', states=['on', 'off']).state('on')
        start_http_server(int(sys.argv[1]), addr='127.0.0.1')
        time.sleep(600)
        """

    /// Scrapes `url`, parses it in the negotiated format, and compares with the reference.
    private func compare(_ url: String, expectOpenMetrics: Bool) async throws {
        let response = await HTTPProbe.perform(HTTPProbeRequest(
            url: url, headers: [HTTPHeader(name: "Accept", value: PrometheusFormat.auto.acceptHeader)],
            timeout: .seconds(10), maxBodyBytes: PrometheusCheck.maxBodyBytes))
        try #require(response.statusCode == 200, "\(response.errorMessage ?? "HTTP \(response.statusCode)")")
        let format = PrometheusFormatDecision(format: .auto, contentType: response.contentType, body: response.body)
        #expect(format.source == .contentType)
        #expect(format.openMetrics == expectOpenMetrics, "\(response.contentType ?? "no Content-Type")")
        let exposition = try PrometheusTextParser.parse(response.body, openMetrics: format.openMetrics)
        let directory = try TemporaryDirectory()
        let page = directory.file("page.txt")
        try Data(response.body).write(to: URL(fileURLWithPath: page))
        guard let reference = try OpenMetricsReference.read([page], text: !format.openMetrics) else { return }
        let expected = try #require(reference[page], "the reference parser refused the page")
        let actual = exposition.families.flatMap(\.samples)
        #expect(actual.count > 10)
        #expect(OpenMetricsReference.difference(actual, expected) == nil)
    }

    @Test func nodeExporterMatchesTheReferenceSampleBySample() async throws {
        let exporter = try await NodeExporterProcess.start()
        defer { exporter.stop() }
        try await compare(exporter.metricsURL, expectOpenMetrics: false)
    }

    @Test func aPrometheusClientProgramServesOpenMetricsThatMatchesTheReference() async throws {
        // The python3 on PATH, the one the reference comparison runs (pip installs there).
        guard let python = LoopbackPort.findExecutable(variable: "PYTHON3", fixed: [], names: ["python3"]),
              try CodeCarbonFixture.python(["-c", "import prometheus_client"]).code == 0 else {
            print("PrometheusRealExporterReferenceTests: prometheus_client not installed; skipped (scripts/install-deps.sh)")
            return
        }
        let directory = try TemporaryDirectory()
        let program = try await LoopbackProgram.start(python, package: "python3", in: directory.path) {
            ["-c", Self.pythonExporter, String($0)]
        }
        defer { program.stop() }
        try await compare("http://127.0.0.1:\(program.port)/metrics", expectOpenMetrics: true)
    }
}
