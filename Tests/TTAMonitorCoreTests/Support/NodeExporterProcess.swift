import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
    /// Why an exporter could not be started.
    enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case didNotStart(log: String)

        var description: String {
            switch self {
            case .notInstalled:
                "prometheus-node-exporter not found ($NODE_EXPORTER, /usr/bin, PATH); "
                    + "install it (apt-get install prometheus-node-exporter) — CI does"
            case .didNotStart(let log):
                "prometheus-node-exporter did not start accepting connections; its log:\n\(log)"
            }
        }
    }

    /// The port it listens on, on 127.0.0.1.
    let port: Int
    /// `http://127.0.0.1:PORT/metrics`.
    var metricsURL: String { "http://127.0.0.1:\(port)/metrics" }

    private let process: Process
    private let directory: TemporaryDirectory

    private init(port: Int, process: Process, directory: TemporaryDirectory) {
        self.port = port
        self.process = process
        self.directory = directory
    }

    deinit { stop() }

    /// Starts an exporter and waits (10 s at most) until it accepts connections; a port
    /// taken by someone else between choosing and binding it is retried with another.
    static func start() async throws -> NodeExporterProcess {
        let executable = try findExecutable()
        var lastLog = ""
        for _ in 0..<3 {
            let port = try LoopbackListener.closedPort()
            let directory = try TemporaryDirectory()
            let log = directory.file("node_exporter.log")
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            let process = Process()
            process.executableURL = executable
            process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
            process.arguments = ["--web.listen-address=127.0.0.1:\(port)", "--no-collector.systemd"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle(forWritingAtPath: log)
            let launching = UncheckedBox(process)
            try await offloaded { try launching.value.run() }
            let exporter = NodeExporterProcess(port: port, process: process, directory: directory)
            if await exporter.waitUntilAccepting() { return exporter }
            lastLog = (try? String(contentsOfFile: log, encoding: .utf8)) ?? "(no log)"
            exporter.stop()
            guard lastLog.contains("address already in use") else { break }
        }
        throw Failure.didNotStart(log: lastLog)
    }

    /// Kills the exporter; safe to call twice. SIGKILL, because a child spawned from a
    /// Dispatch thread may never see SIGTERM. It does not wait: `waitUntilExit` would block a
    /// cooperative thread until Foundation notices the exit, which it does on a Dispatch
    /// thread from the same two-thread pool, stalling every test beside this one. Foundation
    /// reaps the process on its own.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
    }

    private func waitUntilAccepting() async -> Bool {
        await LoopbackPort.waitUntilAccepting(port, process: process)
    }


    private static func findExecutable() throws -> URL {
        guard let found = LoopbackPort.findExecutable(variable: "NODE_EXPORTER", fixed: ["/usr/bin/prometheus-node-exporter"],
                                                      names: ["prometheus-node-exporter", "node_exporter"]) else { throw Failure.notInstalled }
        return found
    }
}
