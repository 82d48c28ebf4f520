import Foundation
import Synchronization
import Testing
@testable import TTAMonitorCore

/// `follow_redirects: true` must not hand the check's secrets to someone else: once a
/// redirect changes scheme, host or port, Authorization, Cookie, every secret-named header
/// (`X-Api-Key`) and basic-auth credentials are dropped; other headers go on, and a redirect
/// within the origin keeps everything.
@Suite(.serialized) struct SecretsRedirectTests {
    /// The headers of every request a server received at `/landing`.
    final class Landings: Sendable {
        private let recorded = Mutex<[[String: String]]>([])
        var all: [[String: String]] { recorded.withLock { $0 } }
        func record(_ headers: [String: String]) { recorded.withLock { $0.append(headers) } }
    }

    static let secretHeaders = "{X-Api-Key: Redir-Key-1, Authorization: \"Bearer Redir-Tok-2\", Cookie: \"s=Redir-Cookie-3\", X-Trace: keep-me}"

    @Test("secret headers and credentials stop at the origin; the check still follows")
    func secretsStayWithTheirOrigin() async throws {
        let directory = try TemporaryDirectory()
        let elsewhere = Landings()
        let other = try LocalHTTPServer { request in
            if request.path == "/landing" { elsewhere.record(request.headers) }
            return .json(#"{"status":"healthy"}"#)
        }
        defer { other.stop() }
        let home = Landings()
        let origin = try LocalHTTPServer { request in
            switch request.path {
            case "/other-port": return .init(status: 302, headers: [("Location", other.url("/landing"))])
            case "/other-host": return .init(status: 307, headers: [("Location", "http://localhost:\(request.headers["host"]?.split(separator: ":").last ?? "")/landing")])
            case "/same": return .init(status: 301, headers: [("Location", "/landing")])
            case "/landing":
                home.record(request.headers)
                return .json(#"{"status":"healthy"}"#)
            default: return .init(status: 404)
            }
        }
        defer { origin.stop() }
        try directory.write("tta_config.yaml", """
            monitoring:
              storage: {path: monitor.db}
              defaults: {timeout: 5s}
              checks:
                - {name: other-port, type: http, url: "\(origin.url("/other-port"))", follow_redirects: true, headers: \(Self.secretHeaders)}
                - {name: other-port-basic, type: http, url: "\(origin.url("/other-port"))", follow_redirects: true, auth: {username: u, password: Redir-Pw-4}}
                - {name: other-port-url, type: http, url: "http://u:Redir-Pw-5@127.0.0.1:\(origin.port)/other-port", follow_redirects: true}
                - {name: other-host, type: http, url: "\(origin.url("/other-host"))", follow_redirects: true, headers: \(Self.secretHeaders)}
                - {name: same-origin, type: http, url: "\(origin.url("/same"))", follow_redirects: true, headers: \(Self.secretHeaders)}

            """)
        let run = try await BinaryRunner.run(["check", "--json"], in: directory.path)
        #expect(run.code == 0, "\(run.out)\n\(run.err)")
        let document = try JSONParser.parse(run.out)
        guard case .array(let checks)? = document["checks"] else { Issue.record("no checks: \(run.out)"); return }
        for check in checks {
            #expect(check["status"] == .string("OK") && check["details"]?["redirects"] == .int(1), "\(check)")
        }

        let secrets = ["Redir-Key-1", "Redir-Tok-2", "Redir-Cookie-3", "Basic "]
        #expect(elsewhere.all.count == 3, "\(elsewhere.all)")
        for headers in elsewhere.all {
            let leaked = headers.filter { name, value in secrets.contains { value.contains($0) } || name == "authorization" || name == "cookie" }
            #expect(leaked.isEmpty && headers["x-api-key"] == nil, "sent to another port: \(headers)")
        }
        #expect(elsewhere.all.contains { $0["x-trace"] == "keep-me" }, "a harmless header was dropped too: \(elsewhere.all)")

        let otherHost = home.all.filter { $0["host"]?.hasPrefix("localhost") == true }
        let sameOrigin = home.all.filter { $0["host"]?.hasPrefix("127.0.0.1") == true }
        #expect(otherHost.count == 1 && sameOrigin.count == 1, "\(home.all)")
        for headers in otherHost {
            #expect(headers["x-api-key"] == nil && headers["authorization"] == nil && headers["cookie"] == nil, "sent to another host: \(headers)")
            #expect(headers["x-trace"] == "keep-me")
        }
        // Within the origin nothing is dropped: the test can tell dropped from never sent.
        for headers in sameOrigin {
            #expect(headers["x-api-key"] == "Redir-Key-1" && headers["authorization"] == "Bearer Redir-Tok-2"
                    && headers["cookie"] == "s=Redir-Cookie-3", "\(headers)")
        }
    }

    @Test("origins differ by scheme, host or port; default ports are the same origin", arguments: [
        ("http://a:80/x", "http://a/y", true),
        ("https://a/x", "https://A:443/y", true),
        ("http://u:p@a/x", "http://a/y", true),
        ("http://a/x", "https://a/x", false),
        ("http://a/x", "http://b/x", false),
        ("http://a:8080/x", "http://a:8081/x", false),
    ])
    func origins(first: String, second: String, same: Bool) {
        #expect((HTTPOrigin(first) == HTTPOrigin(second)) == same)
    }
}
