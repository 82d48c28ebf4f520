import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real Prometheus Alertmanager for tests (Debian's `prometheus-alertmanager`), on
/// 127.0.0.1 and a free port, clustering off, with a temporary storage directory and a
/// config whose only receiver sends nothing.
///
/// ```swift
/// let alertmanager = try await AlertmanagerProcess.start()
/// defer { alertmanager.stop() }
/// alertmanager.url            // http://127.0.0.1:PORT
/// ```
final class AlertmanagerProcess {
    /// Why a server could not be started.
    enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case didNotStart(log: String)

        var description: String {
            switch self {
            case .notInstalled:
                "prometheus-alertmanager not found ($ALERTMANAGER, /usr/bin, PATH); install it "
                    + "(apt-get install prometheus-alertmanager; scripts/install-deps.sh does)"
            case .didNotStart(let log):
                "alertmanager did not start accepting connections; its log:\n\(log)"
            }
        }
    }

    /// The port it listens on.
    let port: Int
    /// `http://127.0.0.1:PORT`.
    var url: String { "http://127.0.0.1:\(port)" }

    private let process: Process
    private let directory: URL

    private init(port: Int, process: Process, directory: URL) {
        self.port = port
        self.process = process
        self.directory = directory
    }

    deinit { stop() }

    /// Starts Alertmanager and waits until it accepts connections (a port taken between
    /// choosing and binding it is retried with another).
    /// `port` asks for a given port (a receiver that comes back where it was), else a free one.
    static func start(port requested: Int? = nil) async throws -> AlertmanagerProcess {
        guard let executable = LoopbackPort.findExecutable(variable: "ALERTMANAGER", fixed: ["/usr/bin/prometheus-alertmanager"],
                                                           names: ["prometheus-alertmanager", "alertmanager"]) else {
            throw Failure.notInstalled
        }
        var lastLog = ""
        for _ in 0..<3 {
            let port = try requested ?? LocalHTTPServer.unusedPort()
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("alertmanager-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let config = directory.appendingPathComponent("alertmanager.yml")
            try "route:\n  receiver: blackhole\nreceivers:\n  - name: blackhole\n".write(to: config, atomically: true, encoding: .utf8)
            let log = directory.appendingPathComponent("alertmanager.log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let process = Process()
            process.executableURL = executable
            process.currentDirectoryURL = directory
            process.arguments = ["--web.listen-address=127.0.0.1:\(port)", "--cluster.listen-address=",
                                 "--storage.path=\(directory.path)", "--config.file=\(config.path)"]
            let logHandle = try FileHandle(forWritingTo: log)
            process.standardOutput = logHandle
            process.standardError = logHandle
            let launching = UncheckedBox(process)
            try await offloaded { try launching.value.run() }
            try? logHandle.close()
            let server = AlertmanagerProcess(port: port, process: process, directory: directory)
            if await LoopbackPort.waitUntilAccepting(port, process: process) { return server }
            lastLog = (try? String(contentsOf: log, encoding: .utf8)) ?? "(no log)"
            server.stop()
            guard lastLog.contains("address already in use") else { break }
        }
        throw Failure.didNotStart(log: lastLog)
    }

    /// Kills the server (SIGKILL: see RedisServerProcess.stop) and removes its directory.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }
}
