import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real TLS server for tests: `openssl s_server -www` on 127.0.0.1 and a free port. It
/// completes handshakes with the given certificate and answers any HTTP GET with 200 and a
/// status page, so it serves both the `tls` check and `http` with `certificate_days_left`.
///
/// ```swift
/// let server = try await TLSTestServer.start(certificate: certificate)
/// defer { server.stop() }
/// var spec = TLSCheckSpec(host: "127.0.0.1", port: server.port)
/// ```
///
/// `sni` adds a second certificate served only to clients that send that server name.
final class TLSTestServer: @unchecked Sendable {
    /// The port it listens on, on 127.0.0.1.
    let port: Int
    private let process: Process

    private init(port: Int, process: Process) {
        self.port = port
        self.process = process
    }

    deinit { stop() }

    /// `https://127.0.0.1:PORT/`.
    var url: String { "https://127.0.0.1:\(port)/" }

    /// Starts a server and returns once it accepts connections (10 s at most); a port taken
    /// by someone else between choosing and binding it is retried with another.
    static func start(certificate: TLSTestCertificate,
                      sni: (name: String, certificate: TLSTestCertificate)? = nil) async throws -> TLSTestServer {
        let executable = try TLSTestCertificate.opensslExecutable()
        for _ in 0..<3 {
            let port = try LoopbackListener.closedPort()
            let process = Process()
            process.executableURL = executable
            process.arguments = ["s_server", "-accept", "127.0.0.1:\(port)", "-cert", certificate.certificatePath,
                                 "-key", certificate.keyPath, "-www", "-quiet"]
                + (sni.map { ["-servername", $0.name, "-cert2", $0.certificate.certificatePath,
                              "-key2", $0.certificate.keyPath] } ?? [])
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            // Spawning blocks briefly; keep it off the cooperative pool (see offloaded()).
            let launching = UncheckedBox(process)
            try await offloaded { try launching.value.run() }
            let server = TLSTestServer(port: port, process: process)
            if await server.waitUntilAccepting() { return server }
            server.stop()
        }
        throw TLSTestCertificate.Failure(description: "openssl s_server did not start accepting connections")
    }

    /// Kills the server; safe to call twice. SIGKILL, not terminate(): a child spawned from a
    /// Dispatch thread inherits its blocked signal mask and may never see SIGTERM. Foundation
    /// reaps the child, so there is no need to wait here and block the caller.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
    }

    private func waitUntilAccepting() async -> Bool {
        await LoopbackPort.waitUntilAccepting(port, process: process)
    }

}
