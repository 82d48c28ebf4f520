import Foundation
@testable import TTAMonitorCore

/// A stand-in `tta-monitor` for completion tests: it prints what the real
/// `tta-monitor --json config show` prints for a known config (rendered by the real
/// `EffectiveConfig`), and records the arguments it was called with.
enum ConfigShowStandIn {
    /// The configured checks, in file order. The http check has a header called `name`,
    /// which must not be mistaken for a check.
    static let checkNames = ["redis", "player-api.v2", "disk_root"]

    /// Installs the stand-in as `bin/tta-monitor` in `sandbox`.
    static func install(in sandbox: DocsSandbox) throws {
        var config = MonitoringConfig(sourcePath: sandbox.path + "/tta_config.yaml")
        var redis = RedisCheckSpec(host: "localhost", port: 6379)
        redis.password = "s3cret"
        var http = HTTPCheckSpec(url: "http://localhost:8080/health")
        http.headers = [HTTPHeader(name: "name", value: "not-a-check")]
        config.checks = [
            CheckConfig(name: checkNames[0], spec: redis),
            CheckConfig(name: checkNames[1], spec: http),
            CheckConfig(name: checkNames[2], spec: DiskCheckSpec(path: "/")),
        ]
        let document = JSONWriter.render(EffectiveConfig(config: config, databasePath: sandbox.path + "/monitor.db").json) + "\n"
        let json = try sandbox.write(document, to: "config-show.json")
        try sandbox.write("""
            #!/bin/sh
            printf '%s\\n' "$*" >> '\(sandbox.path)/calls'
            cat '\(json)'

            """, to: "bin/tta-monitor", executable: true)
    }

    /// The argument lists the stand-in was called with, one line per call.
    static func calls(in sandbox: DocsSandbox) -> [String] {
        let text = (try? String(contentsOfFile: sandbox.path + "/calls", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }
}
