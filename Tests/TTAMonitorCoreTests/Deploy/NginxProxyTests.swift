import Foundation
import Testing

/// deploy/nginx/tta-monitor.conf passes `nginx -t` inside a minimal nginx.conf (it is an
/// http{}-level snippet), with a throw-away self-signed certificate in place of the real one.
@Suite struct NginxProxyTests {
    static let site = "nginx/tta-monitor.conf"

    /// Tests `copy`'s site file; the prefix keeps nginx's pid, logs and temp files in the copy.
    static func test(_ copy: DeployCopy) async throws -> ShellProcess.Outcome {
        try await prepare(copy).outcome
    }

    /// Puts a fresh certificate in place of the real one, writes a main nginx.conf around the
    /// site file, and runs `nginx -t` on it: the main file's path and what `nginx -t` said.
    static func prepare(_ copy: DeployCopy) async throws -> (main: String, outcome: ShellProcess.Outcome) {
        let nginx = try DeployCopy.tool("nginx", package: "nginx-light")
        let openssl = try DeployCopy.tool("openssl", package: "openssl")
        let prefix = copy.path("nginx")
        let key = prefix + "/test.key", certificate = prefix + "/test.pem"
        let made = try await ShellProcess.run(openssl, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                                                        "-subj", "/CN=monitor.example.internal", "-keyout", key, "-out", certificate])
        try #require(made.status == 0, "\(made.stderr)")
        try copy.replace("/etc/ssl/certs/monitor.example.internal.pem", with: certificate, in: site)
        try copy.replace("/etc/ssl/private/monitor.example.internal.key", with: key, in: site)
        try FileManager.default.createDirectory(atPath: prefix + "/logs", withIntermediateDirectories: true)
        let main = try copy.scratch("nginx.conf", """
            pid \(prefix)/nginx.pid;
            error_log \(prefix)/logs/error.log;
            events {}
            http {
                access_log off;
                client_body_temp_path \(prefix)/client_body;
                proxy_temp_path \(prefix)/proxy;
                include \(copy.path(site));
            }

            """)
        return (main, try await ShellProcess.run(nginx, ["-t", "-q", "-p", prefix, "-c", main]))
    }

    @Test func theProxyConfigTests() async throws {
        let run = try await Self.test(try DeployCopy())
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    @Test func aBrokenDirectiveFails() async throws {
        let copy = try DeployCopy()
        try copy.replace("proxy_buffering off;", with: "proxy_buffering of;", in: Self.site)
        let run = try await Self.test(copy)
        #expect(run.status != 0, "\(run.stdout)\(run.stderr)")
    }

    /// What the docs promise of the proxy: the token reaches serve, and server-sent events
    /// are not held back in a buffer.
    @Test func theEventStreamIsUnbufferedAndTheTokenPassed() throws {
        let text = try String(contentsOfFile: DocumentationFiles.path("deploy/" + Self.site), encoding: .utf8)
        let events = try #require(text.range(of: "location /api/v1/events {")).upperBound
        let block = text[events...].prefix { $0 != "}" }
        #expect(block.contains("proxy_buffering off;"))
        #expect(block.contains("proxy_set_header Authorization $http_authorization;"))
        #expect(text.contains("proxy_pass http://tta_monitor;"))
    }
}
