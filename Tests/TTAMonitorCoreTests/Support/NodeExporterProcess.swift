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
        for _ in 0..<500 {
            guard process.isRunning else { return false }
            if Self.accepts(port: port) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    /// One blocking connect attempt; loopback answers at once either way.
    private static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    private static func findExecutable() throws -> URL {
        let environment = ProcessInfo.processInfo.environment
        let pathDirectories = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let candidates = [environment["NODE_EXPORTER"]].compactMap { $0 }
            + ["/usr/bin/prometheus-node-exporter"]
            + pathDirectories.flatMap { ["\($0)/prometheus-node-exporter", "\($0)/node_exporter"] }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Failure.notInstalled
        }
        return URL(fileURLWithPath: found)
    }
}
