import Foundation
import Testing
@testable import TTAMonitorCore

/// The `format:` option and the negotiated format, through the real binary.
@Suite struct PrometheusFormatEndToEndTests {
    static let page = """
        # TYPE h histogram
        h_bucket{le="1.0"} 7 1700000000
        h_bucket{le="+Inf"} 9 1700000000
        h_count 9 1700000000
        h_sum 4 1700000000
        # EOF

        """

    @Test func anOpenMetricsPageIsJudgedWithNumericLeAndSecondsTimestamps() async throws {
        let directory = try TemporaryDirectory()
        let server = try LocalHTTPServer { _ in
            .init(headers: [("Content-Type", "application/openmetrics-text; version=1.0.0; charset=utf-8")], body: Self.page)
        }
        try directory.write("tta_config.yaml", """
            monitoring:
              checks:
                - name: latency
                  type: prometheus
                  url: \(server.url("/metrics"))
                  series: [{metric: h_bucket, labels: {le: "1"}, critical: 5}]
            """)
        let run = try await BinaryRunner.run(["check", "--no-store", "--format", "json"], in: directory.path)
        #expect(run.code == 2, "\(run.out)\(run.err)")
        let json = try JSONParser.parse(run.out)
        let text = JSONWriter.render(json, pretty: false)
        #expect(text.contains(#""format":"openmetrics""#), "\(text)")
        #expect(text.contains(#""format_source":"content-type""#), "\(text)")
        #expect(text.contains(#"h_bucket{le=\"1.0\"} = 7"#), "\(text)")
    }

    @Test func theFormatOptionForcesTheTextFormatAndABadValueIsAConfigError() async throws {
        let directory = try TemporaryDirectory()
        let server = try LocalHTTPServer { _ in
            .init(headers: [("Content-Type", "application/openmetrics-text; version=1.0.0")], body: "up 1 1700000000500\n# EOF\n")
        }
        try directory.write("tta_config.yaml", """
            monitoring:
              checks:
                - {name: up, type: prometheus, url: "\(server.url("/metrics"))", format: text, series: [{metric: up, critical: 0, direction: below}]}
            """)
        let forced = try await BinaryRunner.run(["check", "--no-store", "--format", "json"], in: directory.path)
        #expect(forced.code == 0, "\(forced.out)\(forced.err)")
        #expect(forced.out.contains(#""format_source":"config""#) || forced.out.contains(#""format_source": "config""#), "\(forced.out)")
        try directory.write("tta_config.yaml", """
            monitoring:
              checks:
                - {name: up, type: prometheus, url: "\(server.url("/metrics"))", format: om}
            """)
        let bad = try await BinaryRunner.run(["check", "--no-store"], in: directory.path)
        #expect(bad.code == 78)
        #expect(bad.err.contains("'monitoring.checks[0].format' is 'om'; write one of 'auto', 'openmetrics', 'text'"), "\(bad.err)")
    }
}
