import Testing
@testable import TTAMonitorCore
#if canImport(Glibc)
import Glibc
#endif

/// Every place a check can meet EMFILE/ENFILE words it as the local limit (so the runner
/// makes it UNKNOWN), and a target's own failure is never mistaken for it.
@Suite struct RuntimeDescriptorMessageTests {
    @Test(arguments: [EMFILE, ENFILE])
    func socketErrors(_ code: Int32) {
        let message = SocketError.system(call: "socket", errno: code).description
        #expect(DescriptorLimit.reportsExhaustion(message), "\(message)")
        #expect(message.contains("ulimit -n") && message.contains("--concurrency"))
        #expect(DescriptorLimit.reportsExhaustion(SocketError.pollerUnavailable.description))
    }

    @Test func targetFailuresAreNotLocal() {
        for error in [SocketError.connectionRefused, .connectionReset, .timedOut(after: .seconds(1)),
                      .system(call: "connect", errno: EACCES), .unresolvedHost("x")] {
            #expect(!DescriptorLimit.reportsExhaustion(error.description), "\(error)")
        }
        #expect(!DescriptorLimit.reportsExhaustion(SpawnFailure.spawn("x", ENOENT).description))
    }

    @Test func spawnFailures() {
        #expect(DescriptorLimit.reportsExhaustion(SpawnFailure.pipe(EMFILE).description))
        #expect(DescriptorLimit.reportsExhaustion(SpawnFailure.spawn("/bin/true", ENFILE).description))
    }

    @Test("curl: from its OS errno, or from its message when it kept none")
    func curlFailures() throws {
        var response = HTTPProbeResponse()
        response.curlCode = CurlCodes.couldNotConnect
        response.osErrno = EMFILE
        let verdict = try #require(HTTPTransportFailure.verdict(for: response, url: "http://127.0.0.1:1/", timeout: .seconds(1)))
        #expect(verdict.status == .unknown && DescriptorLimit.reportsExhaustion(verdict.message), "\(verdict)")

        var resolver = HTTPProbeResponse()
        resolver.curlCode = CurlCodes.couldNotResolveHost
        resolver.errorMessage = "getaddrinfo() thread failed to start: \(String(cString: strerror(EMFILE)))"
        let second = try #require(HTTPTransportFailure.verdict(for: resolver, url: "http://example.invalid/", timeout: .seconds(1)))
        #expect(second.status == .unknown, "\(second)")

        var refused = HTTPProbeResponse()
        refused.curlCode = CurlCodes.couldNotConnect
        refused.osErrno = ECONNREFUSED
        let third = try #require(HTTPTransportFailure.verdict(for: refused, url: "http://127.0.0.1:1/", timeout: .seconds(1)))
        #expect(third.status == .critical)
    }
}
