@testable import TTAMonitorCore

/// A real Prometheus Pushgateway (Debian's `prometheus-pushgateway`) on 127.0.0.1 and a
/// free port, with no persistence, for the `export --push` test.
final class PushgatewayProcess {
    private let program: LoopbackProgram
    /// The port it listens on.
    var port: Int { program.port }

    private init(program: LoopbackProgram) { self.program = program }

    /// Starts a gateway whose log goes into `directory`.
    static func start(in directory: TemporaryDirectory) async throws -> PushgatewayProcess {
        let executable = try LoopbackProgram.executable(package: "prometheus-pushgateway", variable: "PUSHGATEWAY",
                                                        names: ["prometheus-pushgateway", "pushgateway"])
        let program = try await LoopbackProgram.start(executable, package: "prometheus-pushgateway", in: directory.path) {
            ["--web.listen-address=127.0.0.1:\($0)"]
        }
        return PushgatewayProcess(program: program)
    }

    /// `GET /metrics` from the gateway.
    func metrics() async throws -> String {
        let response = await HTTPProbe.perform(HTTPProbeRequest(url: "http://127.0.0.1:\(port)/metrics", maxBodyBytes: 8 << 20))
        guard response.completed, response.statusCode == 200 else {
            throw LoopbackProgram.Failure.didNotStart(package: "prometheus-pushgateway", log: response.errorMessage ?? "HTTP \(response.statusCode)")
        }
        return String(decoding: response.body, as: UTF8.self)
    }

    /// Kills the gateway (see `LoopbackProgram.stop`).
    func stop() { program.stop() }
}
