import Testing
@testable import TTAMonitorCore

/// The parser and the check against a real exporter's page, as Prometheus would scrape it.
@Suite struct PrometheusNodeExporterTests {
    private func page(of exporter: NodeExporterProcess) async throws -> [UInt8] {
        let response = await HTTPProbe.perform(HTTPProbeRequest(
            url: exporter.metricsURL, headers: [HTTPHeader(name: "Accept", value: "text/plain;version=0.0.4")],
            timeout: .seconds(10), maxBodyBytes: PrometheusCheck.maxBodyBytes))
        try #require(response.statusCode == 200, "\(response.errorMessage ?? "HTTP \(response.statusCode)")")
        return response.body
    }

    @Test func theParserReadsARealExporterPage() async throws {
        let exporter = try await NodeExporterProcess.start()
        defer { exporter.stop() }
        let body = try await page(of: exporter)
        let exposition = try PrometheusTextParser.parse(body)
        #expect(!exposition.isOpenMetrics)

        // Every line that is neither blank nor a comment is one sample.
        let sampleLines = String(decoding: body, as: UTF8.self).split(separator: "\n")
            .filter { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }
        #expect(exposition.sampleCount == sampleLines.count)
        #expect(exposition.families.count > 50)
        // node_exporter declares every family it serves.
        #expect(exposition.families.allSatisfy { $0.help != nil && !$0.samples.isEmpty })

        let cpu = try #require(exposition.family(named: "node_cpu_seconds_total"))
        #expect(cpu.type == .counter)
        #expect(!cpu.samples.isEmpty)
        #expect(cpu.samples.allSatisfy { $0.name == "node_cpu_seconds_total" && $0.label("cpu") != nil && $0.label("mode") != nil })
        #expect(Set(cpu.samples.compactMap { $0.label("mode") }).isSuperset(of: ["idle", "user", "system"]))
        #expect(cpu.samples.allSatisfy { $0.value >= 0 && $0.timestampMs == nil })

        let gc = try #require(exposition.family(named: "go_gc_duration_seconds"))
        #expect(gc.type == .summary)
        #expect(gc.samples.compactMap { $0.label("quantile") } == ["0", "0.25", "0.5", "0.75", "1"])
        #expect(gc.samples.map(\.name).suffix(2) == ["go_gc_duration_seconds_sum", "go_gc_duration_seconds_count"])

        for name in ["process_resident_memory_bytes", "process_open_fds", "process_start_time_seconds"] {
            let family = try #require(exposition.family(named: name), "\(name) missing")
            #expect(family.type == .gauge, "\(name)")
            #expect((family.samples.first?.value ?? 0) > 0, "\(name)")
        }
        let build = try #require(exposition.family(named: "node_exporter_build_info")?.samples.first)
        #expect(build.label("version")?.isEmpty == false)
        #expect(build.value == 1)
    }

    @Test func theCheckScrapesAndJudgesARealExporter() async throws {
        let exporter = try await NodeExporterProcess.start()
        defer { exporter.stop() }
        var spec = PrometheusCheckSpec(url: exporter.metricsURL)
        let plain = await PrometheusCheck.run(name: "node", spec: spec, timeout: .seconds(10))
        #expect(plain.status == .ok, "\(plain.message)")
        #expect(plain.message.hasPrefix("scraped "))
        #expect(plain.samples.isEmpty)

        var idle = PrometheusSeriesRule(metric: "node_cpu_seconds_total")
        idle.labels = ["mode": "idle"]
        var memory = PrometheusSeriesRule(metric: "process_resident_memory_bytes")
        memory.thresholds = Thresholds(warning: 1, critical: 1e12)
        spec.series = [idle, memory]
        let judged = await PrometheusCheck.run(name: "node", spec: spec, timeout: .seconds(10))
        #expect(judged.status == .warning, "\(judged.message)")
        #expect(judged.message.hasPrefix("process_resident_memory_bytes = "))
        #expect(judged.message.hasSuffix(" ≥ warning 1"))
        let idleSamples = judged.samples.filter { $0.name == "node_cpu_seconds_total" }
        #expect(!idleSamples.isEmpty)
        #expect(idleSamples.allSatisfy { $0.labels.map(\.0) == ["cpu", "mode"] && $0.labels[1].1 == "idle" })
        #expect(judged.samples.allSatisfy { $0.timestampMs == judged.startedAt })
        #expect(judged.perfdata.contains { $0.label == "process_resident_memory_bytes" && $0.warning == "1" && $0.critical == "1000000000000" })
        #expect(judged.details["matched"]?["process_resident_memory_bytes"] == .int(1))
    }
}
