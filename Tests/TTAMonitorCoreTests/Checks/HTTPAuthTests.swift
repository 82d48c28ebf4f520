import Foundation
import Synchronization
import Testing
@testable import TTAMonitorCore

/// `http` with `auth`: the server receives the right `Authorization` header, and the secret
/// never shows in the result.
@Suite struct HTTPAuthTests {
    /// What the server saw, per request.
    final class Recorder: Sendable {
        let authorizations = Mutex<[String?]>([])
    }

    let recorder = Recorder()
    let server: LocalHTTPServer

    init() throws {
        let recorder = recorder
        server = try LocalHTTPServer { request in
            recorder.authorizations.withLock { $0.append(request.headers["authorization"]) }
            return request.path == "/denied" ? .json(#"{"error":"unauthorized"}"#, status: 401)
                                             : .json(#"{"status":"healthy"}"#)
        }
    }

    private func check(_ path: String, auth: HTTPAuth) async -> CheckResult {
        var spec = HTTPCheckSpec(url: server.url(path))
        spec.auth = auth
        return await HTTPCheck.run(name: "private-api", spec: spec, timeout: .seconds(5))
    }

    /// Everything a user sees or we store: message and details as JSON.
    private func shown(_ result: CheckResult) -> String {
        result.message + "\n" + JSONWriter.render(result.details, pretty: false)
    }

    @Test func basicCredentialsAreSentAtOnceAndNeverShown() async throws {
        let password = "pa55-w0rd-Secret"
        let result = await check("/ok", auth: .basic(user: "monitor", password: password))
        #expect(result.status == .ok)
        let encoded = Data("monitor:\(password)".utf8).base64EncodedString()
        // One request: sent up front, not after a 401 challenge.
        #expect(recorder.authorizations.withLock { $0 } == ["Basic \(encoded)"])
        #expect(!shown(result).contains(password))
        #expect(!shown(result).contains(encoded))
    }

    @Test func aBearerTokenIsSentAtOnceAndNeverShown() async throws {
        let token = "eyJhbGciOiJIUzI1NiJ9.tta-monitor.sig"
        let result = await check("/ok", auth: .bearer(token: token))
        #expect(result.status == .ok)
        #expect(recorder.authorizations.withLock { $0 } == ["Bearer \(token)"])
        #expect(!shown(result).contains(token))
    }

    @Test(arguments: [HTTPAuth.basic(user: "monitor", password: "wrong-Secret-1"), .bearer(token: "expired-Secret-2")])
    func refusedCredentialsAreCriticalWithoutTheSecret(auth: HTTPAuth) async {
        let result = await check("/denied", auth: auth)
        #expect(result.status == .critical)
        #expect(result.message == "HTTP 401 (expected 2xx or 3xx)")
        #expect(!shown(result).contains("Secret"))
        #expect(recorder.authorizations.withLock { $0.count } == 1)
    }

    @Test func aTokenWithALineBreakIsRefusedBeforeSending() async {
        let result = await check("/ok", auth: .bearer(token: "abc-Secret\r\nX-Injected: 1"))
        #expect(result.status == .unknown)
        #expect(result.message == "bearer token contains a line break")
        #expect(!shown(result).contains("Secret"))
        #expect(recorder.authorizations.withLock { $0.isEmpty })
    }
}
