import Foundation
import Testing
@testable import TTAMonitorCore

/// One host of a test fleet, until serve exists: the real binary's `check --format
/// openmetrics` page for the host's own config, served over HTTP behind a bearer token, as
/// serve's `/metrics` on a non-loopback address would be.
final class FleetHost {
    /// The page as `check` wrote it.
    let page: String
    private let server: LocalHTTPServer

    /// `127.0.0.1:PORT`, a scrape target.
    var address: String { "127.0.0.1:\(server.port)" }

    /// Runs `check` on a config whose `monitoring.checks` are `checks` (YAML lines indented
    /// for that list) and serves the output; `expectedExit` is `check`'s verdict.
    init(checks: String, token: String, expectedExit: Int32, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
        let directory = try TemporaryDirectory()
        try directory.write("tta_config.yaml", "monitoring:\n  checks:\n" + checks)
        let check = try await BinaryRunner.run(["check", "--no-store", "--format", "openmetrics"], in: directory.path)
        #expect(check.code == expectedExit, "\(check.out)\(check.err)", sourceLocation: sourceLocation)
        #expect(check.out.hasSuffix("# EOF\n"), "\(check.out)", sourceLocation: sourceLocation)
        let page = check.out
        self.page = page
        server = try LocalHTTPServer { request in
            guard request.headers["authorization"] == "Bearer \(token)" else { return .init(status: 401, body: "token required\n") }
            return .init(headers: [("Content-Type", "application/openmetrics-text; version=1.0.0; charset=utf-8")], body: page)
        }
    }

    func stop() { server.stop() }
}
