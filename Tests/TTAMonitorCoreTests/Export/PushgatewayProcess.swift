import Foundation
@testable import TTAMonitorCore
#if canImport(Glibc)
import Glibc
#endif

/// A real Prometheus Pushgateway (Debian's `prometheus-pushgateway`) on 127.0.0.1 and a
/// free port, with no persistence, for the `export --push` test.
final class PushgatewayProcess {
    enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case didNotStart(log: String)

        var description: String {
            switch self {
            case .notInstalled: "prometheus-pushgateway not found; install it (apt-get install prometheus-pushgateway), as CI does"
            case .didNotStart(let log): "prometheus-pushgateway did not start; its log:\n\(log)"
            }
        }
    }

    let port: Int
    private let process: Process

    private init(port: Int, process: Process) {
        self.port = port
        self.process = process
    }

    deinit { stop() }

    /// Starts a gateway whose log goes into `directory`; retries when its port was taken.
    static func start(in directory: TemporaryDirectory) async throws -> PushgatewayProcess {
        guard let executable = LoopbackPort.findExecutable(variable: "PUSHGATEWAY", fixed: ["/usr/bin/prometheus-pushgateway"],
                                                           names: ["prometheus-pushgateway", "pushgateway"]) else {
            throw Failure.notInstalled
        }
        var lastLog = ""
        for attempt in 0..<3 {
            let port = try LoopbackListener.closedPort()
            let log = directory.file("pushgateway-\(attempt).log")
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            let process = Process()
            process.executableURL = executable
            process.arguments = ["--web.listen-address=127.0.0.1:\(port)"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle(forWritingAtPath: log)
            let launching = UncheckedBox(process)
            try await offloaded { try launching.value.run() }
            let gateway = PushgatewayProcess(port: port, process: process)
            if await LoopbackPort.waitUntilAccepting(port, process: process) { return gateway }
            lastLog = (try? String(contentsOfFile: log, encoding: .utf8)) ?? "(no log)"
            gateway.stop()
            guard lastLog.contains("address already in use") else { break }
        }
        throw Failure.didNotStart(log: lastLog)
    }

    /// `GET /metrics` from the gateway.
    func metrics() async throws -> String {
        let response = await HTTPProbe.perform(HTTPProbeRequest(url: "http://127.0.0.1:\(port)/metrics", maxBodyBytes: 8 << 20))
        guard response.completed, response.statusCode == 200 else { throw Failure.didNotStart(log: response.errorMessage ?? "HTTP \(response.statusCode)") }
        return String(decoding: response.body, as: UTF8.self)
    }

    /// SIGKILL, without waiting (see `NodeExporterProcess.stop`).
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
    }
}
