import Foundation
@testable import TTAMonitorCore

/// A real Prometheus server for tests (Debian's `prometheus`), on 127.0.0.1 and a free port,
/// with temporary storage and a generated config: 1 s scrape and evaluation intervals, the
/// given targets, rule files and Alertmanager.
///
/// ```swift
/// let prometheus = try await PrometheusServerProcess.start(
///     targets: [.init(job: "tta-monitor", address: "127.0.0.1:\(port)")],
///     ruleFiles: [PrometheusServerProcess.deployRules(in: directory)], alertmanager: alertmanager.url)
/// defer { prometheus.stop() }
/// let series = try await prometheus.query("tta_monitor_check_status")   // data.result
/// let alerts = try await prometheus.alerts()                            // data.alerts
/// ```
final class PrometheusServerProcess {
    /// One scrape target, as a host in a fleet would be.
    struct Target {
        /// The job label (`tta-monitor` is the one deploy/'s rules watch).
        var job: String
        /// `127.0.0.1:PORT`.
        var address: String
        var metricsPath = "/metrics"
        /// Labels added to every series of the target (`environment`, …).
        var labels: [String: String] = [:]
        /// Checks to mark `critical="true"`, as deploy/prometheus/prometheus.yml's relabelling does.
        var criticalChecks: [String] = []
        /// Sent as `Authorization: Bearer …` (serve on a non-loopback address wants it). One
        /// token per job: Prometheus sets it per scrape job, so the job's first token counts.
        var bearerToken: String? = nil
    }

    /// Why a query failed.
    struct QueryFailure: Error, CustomStringConvertible {
        let description: String
    }

    private let program: LoopbackProgram
    private let directory: TemporaryDirectory

    /// `http://127.0.0.1:PORT`.
    var url: String { "http://127.0.0.1:\(program.port)" }

    private init(program: LoopbackProgram, directory: TemporaryDirectory) {
        self.program = program
        self.directory = directory
    }

    /// Starts Prometheus on a generated config and waits (30 s at most) until `/-/ready`
    /// answers 200. `ruleFiles` are absolute paths; `alertmanager` is its base URL.
    static func start(targets: [Target], ruleFiles: [String] = [], alertmanager: String? = nil) async throws -> PrometheusServerProcess {
        try await start(configFile: Self.config(targets: targets, ruleFiles: ruleFiles, alertmanager: alertmanager))
    }

    /// Starts Prometheus on a config of the caller's (deploy/prometheus/prometheus.yml with
    /// its addresses replaced, say); `files` are written beside it, for the relative paths
    /// a config names (rule files, `file_sd` targets), by relative path.
    static func start(configFile text: String, files: [String: String] = [:]) async throws -> PrometheusServerProcess {
        let executable = try LoopbackProgram.executable(package: "prometheus", variable: "PROMETHEUS", names: ["prometheus"])
        let directory = try TemporaryDirectory()
        for (path, contents) in files {
            try FileManager.default.createDirectory(atPath: (directory.file(path) as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try directory.write(path, contents)
        }
        let config = try directory.write("prometheus.yml", text)
        let program = try await LoopbackProgram.start(executable, package: "prometheus", in: directory.path) {
            ["--config.file=\(config)", "--storage.tsdb.path=\(directory.path)/data", "--web.listen-address=127.0.0.1:\($0)",
             // Debian's defaults name /etc/prometheus/console*; nothing outside the scratch directory is read.
             "--web.console.templates=\(directory.path)", "--web.console.libraries=\(directory.path)"]
        }
        let server = PrometheusServerProcess(program: program, directory: directory)
        for _ in 0..<150 {
            let ready = await HTTPProbe.perform(HTTPProbeRequest(url: server.url + "/-/ready", timeout: .seconds(2)))
            if ready.statusCode == 200 { return server }
            try await Task.sleep(for: .milliseconds(200))
        }
        server.stop()
        throw LoopbackProgram.Failure.didNotStart(package: "prometheus", log: "never answered /-/ready with 200")
    }

    /// The generated config. JSON is YAML, so nothing needs YAML quoting.
    static func config(targets: [Target], ruleFiles: [String], alertmanager: String?) -> String {
        let jobs = Dictionary(grouping: targets, by: \.job).sorted { $0.key < $1.key }.map { job, targets -> JSONValue in
            var scrape: [(String, JSONValue)] = [
                ("job_name", .string(job)), ("metrics_path", .string(targets[0].metricsPath)),
                ("static_configs", .array(targets.map { target in
                    .object([("targets", .array([.string(target.address)])),
                             ("labels", .object(target.labels.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))])
                })),
            ]
            if let token = targets.compactMap(\.bearerToken).first {
                scrape.append(("authorization", .object([("type", .string("Bearer")), ("credentials", .string(token))])))
            }
            let critical = Set(targets.flatMap(\.criticalChecks)).sorted()
            if !critical.isEmpty {
                scrape.append(("metric_relabel_configs", .array([.object([
                    ("source_labels", .array([.string("check")])), ("regex", .string(critical.joined(separator: "|"))),
                    ("target_label", .string("critical")), ("replacement", .string("true")),
                ])])))
            }
            return .object(scrape)
        }
        var config: [(String, JSONValue)] = [
            ("global", .object([("scrape_interval", .string("1s")), ("scrape_timeout", .string("1s")),
                                ("evaluation_interval", .string("1s"))])),
            ("rule_files", .array(ruleFiles.map(JSONValue.string))),
            ("scrape_configs", .array(jobs)),
        ]
        if let alertmanager, let host = URL(string: alertmanager).flatMap({ url in url.port.map { "\(url.host ?? "127.0.0.1"):\($0)" } }) {
            config.append(("alerting", .object([("alertmanagers", .array([.object([
                ("static_configs", .array([.object([("targets", .array([.string(host)]))])])),
            ])]))])))
        }
        return JSONWriter.render(.object(config))
    }

    /// deploy/'s alerting rules, copied into `directory` with every `for:` shortened to `for`
    /// (a rule that must hold 2 minutes would outlast the test); the rules are otherwise unchanged.
    static func deployRules(in directory: TemporaryDirectory, for duration: String = "2s") throws -> String {
        try directory.write("tta-monitor.rules.yml", deployRulesText(for: duration))
    }

    /// The text of deploy/'s alerting rules with every `for:` shortened to `duration`.
    static func deployRulesText(for duration: String = "2s") throws -> String {
        let rules = try String(contentsOfFile: DocumentationFiles.path("deploy/prometheus/tta-monitor.rules.yml"), encoding: .utf8)
        return rules.replacingOccurrences(of: #"for: \d+[smh]"#, with: "for: \(duration)", options: .regularExpression)
    }

    /// `GET /api/v1/query?query=…`: the `data.result` vector (each element has `metric` and `value`).
    func query(_ promQL: String) async throws -> [JSONValue] {
        let encoded = promQL.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? promQL
        guard case .array(let result)? = try await get("/api/v1/query?query=" + encoded)["data"]?["result"] else {
            throw QueryFailure(description: "no data.result for \(promQL)")
        }
        return result
    }

    /// `GET /api/v1/alerts`: the `data.alerts` list (each with `labels`, `annotations`, `state`).
    func alerts() async throws -> [JSONValue] {
        guard case .array(let alerts)? = try await get("/api/v1/alerts")["data"]?["alerts"] else {
            throw QueryFailure(description: "no data.alerts")
        }
        return alerts
    }

    /// `GET /api/v1/targets`: the `data.activeTargets` list (each with `labels`, `health`, `lastError`).
    func targets() async throws -> [JSONValue] {
        guard case .array(let targets)? = try await get("/api/v1/targets")["data"]?["activeTargets"] else {
            throw QueryFailure(description: "no data.activeTargets")
        }
        return targets
    }

    /// Polls `fetch` every 250 ms until `satisfied` holds or `timeout` passes; returns the last value.
    static func poll<T>(timeout: Duration = .seconds(30), _ fetch: () async throws -> T,
                        until satisfied: (T) -> Bool) async throws -> T {
        let deadline = ContinuousClock.now + timeout
        var value = try await fetch()
        while !satisfied(value), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(250))
            value = try await fetch()
        }
        return value
    }

    /// The parsed JSON of `GET path`; a status other than 200 or `"status": "success"` throws.
    private func get(_ path: String) async throws -> JSONValue {
        let response = await HTTPProbe.perform(HTTPProbeRequest(url: url + path, timeout: .seconds(5)))
        let text = String(decoding: response.body, as: UTF8.self)
        guard response.statusCode == 200 else { throw QueryFailure(description: "GET \(path): \(response.statusCode) \(text)") }
        let json = try JSONParser.parse(text)
        guard json["status"] == .string("success") else { throw QueryFailure(description: "GET \(path): \(text)") }
        return json
    }

    /// Kills the server (see `LoopbackProgram.stop`); its storage goes with this object.
    func stop() { program.stop() }
}
