import Synchronization
import Testing
@testable import TTAMonitorCore

@Suite struct HTTPProbeTests {
    @Test func bodyIsCappedButFullyCounted() async throws {
        let size = 3 << 20
        let server = try LocalHTTPServer { _ in .init(bytes: [UInt8](repeating: UInt8(ascii: "x"), count: size)) }
        let response = await HTTPProbe.perform(HTTPProbeRequest(url: server.url("/big")))
        #expect(response.completed)
        #expect(response.statusCode == 200)
        #expect(response.body.count == HTTPProbeRequest.defaultMaxBodyBytes)
        #expect(response.bodyBytesSeen == size)

        let small = await HTTPProbe.perform(HTTPProbeRequest(url: server.url("/big"), maxBodyBytes: 10))
        #expect(small.body == Array("xxxxxxxxxx".utf8))
        #expect(small.bodyBytesSeen == size)
    }

    @Test func methodHeadersAndBodyReachTheServer() async throws {
        let seen = Mutex<[LocalHTTPServer.Request]>([])
        let server = try LocalHTTPServer { request in
            seen.withLock { $0.append(request) }
            return .init(status: 201, body: "created")
        }
        let post = HTTPProbeRequest(url: server.url("/hook?x=1"), method: "POST",
                                    headers: [HTTPHeader(name: "X-Token", value: "abc"), HTTPHeader(name: "Content-Type", value: "application/json")],
                                    body: Array(#"{"a":1}"#.utf8))
        let response = await HTTPProbe.perform(post)
        #expect(response.statusCode == 201)
        #expect(response.body == Array("created".utf8))
        let head = await HTTPProbe.perform(HTTPProbeRequest(url: server.url("/"), method: "HEAD"))
        #expect(head.statusCode == 201)
        #expect(head.bodyBytesSeen == 0)

        let requests = seen.withLock { $0 }
        try #require(requests.count == 2)
        #expect(requests[0].method == "POST")
        #expect(requests[0].path == "/hook")
        #expect(requests[0].query == ["x": "1"])
        #expect(requests[0].headers["x-token"] == "abc")
        #expect(requests[0].headers["expect"] == nil)
        #expect(requests[0].bodyText == #"{"a":1}"#)
        #expect(requests[1].method == "HEAD")
    }

    @Test func responseDescribesTheConnection() async throws {
        let server = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
        let response = await HTTPProbe.perform(HTTPProbeRequest(url: server.url("/redirect")))
        #expect(response.statusCode == 302)
        #expect(response.primaryIP == "127.0.0.1")
        #expect(response.primaryPort == server.port)
        #expect(response.httpVersion == "1.1")
        #expect(response.redirectURL == server.url("/ok"))
        #expect(response.effectiveURL == server.url("/redirect"))
        let timings = response.timings
        #expect(timings.nameLookupMs <= timings.connectMs && timings.connectMs <= timings.preTransferMs)
        #expect(timings.preTransferMs <= timings.startTransferMs && timings.startTransferMs <= timings.totalMs)
    }

    @Test func headerLineBreaksAreRefusedWithoutEchoingTheValue() async {
        let request = HTTPProbeRequest(url: "http://127.0.0.1:1/", headers: [HTTPHeader(name: "Authorization", value: "secret\r\nX-Evil: 1")])
        let response = await HTTPProbe.perform(request)
        #expect(!response.completed)
        #expect(response.errorMessage == "header 'Authorization' contains a line break")
    }

    @Test func onlyHTTPSchemesAreAllowed() async {
        let response = await HTTPProbe.perform(HTTPProbeRequest(url: "file:///etc/passwd"))
        #expect(!response.completed)
        #expect(response.body.isEmpty)
    }
}
