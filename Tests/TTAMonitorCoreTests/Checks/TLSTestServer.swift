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
        for _ in 0..<500 {
            guard process.isRunning else { return false }
            if Self.accepts(port: port) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    /// One connect attempt; loopback answers at once either way. s_server takes the bare
    /// connection as a failed handshake and goes on serving.
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
}
