import Foundation

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
    private let program: LoopbackProgram
    private let directory: TemporaryDirectory

    /// `http://127.0.0.1:PORT`.
    var url: String { "http://127.0.0.1:\(program.port)" }

    private init(program: LoopbackProgram, directory: TemporaryDirectory) {
        self.program = program
        self.directory = directory
    }

    /// Starts Alertmanager and waits until it accepts connections. `port` asks for a given
    /// port (a receiver that comes back where it was), else a free one.
    static func start(port requested: Int? = nil) async throws -> AlertmanagerProcess {
        let executable = try LoopbackProgram.executable(package: "prometheus-alertmanager", variable: "ALERTMANAGER",
                                                        names: ["prometheus-alertmanager", "alertmanager"])
        let directory = try TemporaryDirectory()
        let config = directory.file("alertmanager.yml")
        try "route:\n  receiver: blackhole\nreceivers:\n  - name: blackhole\n".write(toFile: config, atomically: true, encoding: .utf8)
        let program = try await LoopbackProgram.start(executable, package: "prometheus-alertmanager", in: directory.path,
                                                      port: requested) {
            ["--web.listen-address=127.0.0.1:\($0)", "--cluster.listen-address=",
             "--storage.path=\(directory.path)", "--config.file=\(config)"]
        }
        return AlertmanagerProcess(program: program, directory: directory)
    }

    /// Kills the server (see `LoopbackProgram.stop`); its directory goes with this object.
    func stop() { program.stop() }
}
