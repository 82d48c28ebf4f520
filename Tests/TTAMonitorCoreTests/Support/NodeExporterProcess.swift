/// A real Prometheus `node_exporter` (Debian's `prometheus-node-exporter`) for tests, on
/// 127.0.0.1 and a free port, serving a genuine `/metrics` page.
///
/// ```swift
/// let exporter = try await NodeExporterProcess.start()
/// defer { exporter.stop() }
/// let spec = PrometheusCheckSpec(url: exporter.metricsURL)
/// ```
///
/// The systemd collector is off: it needs a D-Bus socket containers lack, and would only add
/// an error line to the log. When the exporter is not installed, `start` throws a message
/// naming the package, so the tests fail loudly instead of passing without a scrape.
final class NodeExporterProcess {
    private let program: LoopbackProgram
    private let directory: TemporaryDirectory

    /// `http://127.0.0.1:PORT/metrics`.
    var metricsURL: String { "http://127.0.0.1:\(program.port)/metrics" }

    private init(program: LoopbackProgram, directory: TemporaryDirectory) {
        self.program = program
        self.directory = directory
    }

    /// Starts an exporter and waits until it accepts connections.
    static func start() async throws -> NodeExporterProcess {
        let executable = try LoopbackProgram.executable(package: "prometheus-node-exporter", variable: "NODE_EXPORTER",
                                                        names: ["prometheus-node-exporter", "node_exporter"])
        let directory = try TemporaryDirectory()
        let program = try await LoopbackProgram.start(executable, package: "prometheus-node-exporter", in: directory.path) {
            ["--web.listen-address=127.0.0.1:\($0)", "--no-collector.systemd"]
        }
        return NodeExporterProcess(program: program, directory: directory)
    }

    /// Kills the exporter (see `LoopbackProgram.stop`).
    func stop() { program.stop() }
}
