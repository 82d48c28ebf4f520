import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// deploy/nginx/tta-monitor.conf, running: a real nginx on free loopback ports terminates TLS
/// in front of a stand-in for serve, passes the bearer token on, streams server-sent events
/// while the upstream still writes, and redirects plain HTTP to HTTPS.
@Suite struct NginxProxyLiveTests {
    /// The request heads the upstream received, shared with its connection threads.
    final class RequestHeads: Sendable {
        let heads = Mutex<[String]>([])
    }

    /// A stand-in for serve's `/api/v1/events`: records the request head, sends one event
    /// and keeps the stream open for 8 s, as a live event stream does.
    static func eventStream(requests: RequestHeads) throws -> LoopbackListener {
        let upstream = try LoopbackListener()
        upstream.serve { client in
            var head: [UInt8] = []
            while !String(decoding: head, as: UTF8.self).contains("\r\n\r\n") {
                let bytes = PeerIO.read(client)
                guard !bytes.isEmpty else { return }
                head += bytes
            }
            requests.heads.withLock { $0.append(String(decoding: head, as: UTF8.self)) }
            let event = "data: first\n\n"
            PeerIO.write(client, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + String(event.utf8.count, radix: 16) + "\r\n" + event + "\r\n")
            Thread.sleep(forTimeInterval: 8)
        }
        return upstream
    }

    @Test func theProxyTerminatesTLSPassesTheTokenAndStreamsEvents() async throws {
        let nginx = try DeployCopy.tool("nginx", package: "nginx-light")
        let curl = try DeployCopy.tool("curl", package: "curl")
        let requests = RequestHeads()
        let upstream = try Self.eventStream(requests: requests)
        defer { upstream.close() }
        let copy = try DeployCopy()
        let (https, http) = (try LoopbackListener.closedPort(), try LoopbackListener.closedPort())
        try copy.replace("server 127.0.0.1:8977;", with: "server 127.0.0.1:\(upstream.port);", in: NginxProxyTests.site)
        try copy.replace("listen 443 ssl http2;\n    listen [::]:443 ssl http2;", with: "listen 127.0.0.1:\(https) ssl http2;",
                         in: NginxProxyTests.site)
        try copy.replace("listen 80;\n    listen [::]:80;", with: "listen 127.0.0.1:\(http);", in: NginxProxyTests.site)
        let (main, tested) = try await NginxProxyTests.prepare(copy)
        try #require(tested.status == 0, "\(tested.stderr)")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: nginx)
        // In the foreground and in one process: no worker switching to another user.
        process.arguments = ["-p", copy.path("nginx"), "-c", main, "-g", "daemon off; master_process off;"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { kill(process.processIdentifier, SIGKILL) }
        #expect(await LoopbackPort.waitUntilAccepting(https, process: process), "nginx did not start")

        // curl gives up after 4 s while the upstream still holds the stream open: the event
        // arrived because nginx passed it on at once, not at the end of the response.
        let events = try await ShellProcess.run(curl, ["-skN", "--max-time", "4", "-H", "Authorization: Bearer test-token",
                                                       "https://127.0.0.1:\(https)/api/v1/events"])
        #expect(events.status == 28, "curl should time out on the open stream: \(events.status) \(events.stderr)")
        #expect(events.stdout.contains("data: first"), "\(events.stdout)")
        let head = requests.heads.withLock { $0.first } ?? ""
        #expect(head.hasPrefix("GET /api/v1/events HTTP/1.1\r\n"), "\(head)")
        #expect(head.contains("\r\nAuthorization: Bearer test-token\r\n"), "\(head)")
        #expect(head.contains("\r\nX-Forwarded-Proto: https\r\n"), "\(head)")

        let redirect = try await ShellProcess.run(curl, ["-s", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}",
                                                         "http://127.0.0.1:\(http)/metrics"])
        #expect(redirect.stdout == "301 https://127.0.0.1/metrics", "\(redirect.stdout)")
    }
}
