import Foundation
import Testing
@testable import TTAMonitorCore

/// The `tls` check against real `openssl s_server` instances with certificates made for each
/// test. The certificates are self-signed, so every test but the verification ones turns
/// `verify` off, exactly as a user monitoring an internal service with its own CA would.
@Suite struct TLSCheckTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    private func check(_ server: TLSTestServer, verify: Bool = false, daysLeft: Thresholds? = nil,
                       serverName: String? = nil) async -> CheckResult {
        var spec = TLSCheckSpec(host: "127.0.0.1", port: server.port)
        spec.verify = verify
        spec.daysLeft = daysLeft
        spec.serverName = serverName
        return await TLSCheck.run(name: "cert", spec: spec, timeout: .seconds(5))
    }

    @Test func aLongValidCertificateIsOKWithItsDaysLeftAndDetails() async throws {
        let server = try await TLSTestServer.start(certificate: try await TLSTestCertificate.make(in: directory, days: 200))
        defer { server.stop() }
        let result = await check(server, daysLeft: Thresholds(warning: 30, critical: 7, lowerIsWorse: true))
        #expect(result.status == .ok)
        #expect(result.kind == "tls")
        #expect(result.check == "cert")
        let certificate = try #require(result.details["certificate"])
        let daysLeft = try #require(certificate["days_left"]?.number)
        #expect(daysLeft == 199 || daysLeft == 200)
        let notAfter = try #require(certificate["not_after"]?.scalarText)
        #expect(result.message == "certificate valid for \(Int(daysLeft)) days (until \(notAfter.prefix(10)))")
        #expect(certificate["subject"] == .string("CN = localhost"))
        #expect(certificate["issuer"] == .string("CN = localhost"))
        #expect(notAfter.hasSuffix("Z") && notAfter.count == "2027-06-11T10:00:00.000Z".count)
        #expect(result.details["tls_version"]?.scalarText?.hasPrefix("TLSv1.") == true)
        #expect(result.details["address"] == .string("127.0.0.1"))
        let handshake = try #require(result.details["handshake_ms"]?.number)
        let latency = try #require(result.latencyMs)
        #expect(handshake > 0 && handshake <= latency && latency < 5_000)
        #expect(result.perfdata.first?.label == "certificate_days_left")
        #expect(result.perfdata.first?.value == daysLeft)
        #expect(result.perfdata.first?.warning == "@~:30")
    }

    @Test(arguments: [
        (Thresholds(warning: 30, lowerIsWorse: true), CheckStatus.warning, "warning at 30"),
        (Thresholds(warning: 30, critical: 7, lowerIsWorse: true), CheckStatus.critical, "critical at 7"),
    ])
    func aCertificateCloseToExpiryMeetsTheThresholds(thresholds: Thresholds, expected: CheckStatus,
                                                     level: String) async throws {
        let server = try await TLSTestServer.start(certificate: try await TLSTestCertificate.make(in: directory, days: 5))
        defer { server.stop() }
        let result = await check(server, daysLeft: thresholds)
        #expect(result.status == expected)
        let daysLeft = try #require(result.details["certificate"]?["days_left"]?.number)
        #expect(daysLeft == 4 || daysLeft == 5)
        #expect(result.message == "certificate expires in \(Int(daysLeft)) days (\(level))")
    }

    @Test func withoutThresholdsAFewDaysLeftIsStillOK() async throws {
        let server = try await TLSTestServer.start(certificate: try await TLSTestCertificate.make(in: directory, days: 5))
        defer { server.stop() }
        let result = await check(server)
        #expect(result.status == .ok)
        #expect(result.message.hasPrefix("certificate valid for "))
    }

    @Test func anExpiredCertificateIsCriticalWhateverTheThresholds() async throws {
        let server = try await TLSTestServer.start(certificate: try await TLSTestCertificate.makeExpired(in: directory))
        defer { server.stop() }
        let result = await check(server)
        #expect(result.status == .critical)
        #expect(result.message.hasPrefix("certificate expired on 2020-02-01 ("))
        #expect(result.message.hasSuffix(" days ago)"))
        let certificate = try #require(result.details["certificate"])
        #expect(certificate["not_after"] == .string("2020-02-01T00:00:00.000Z"))
        #expect(certificate["not_before"] == .string("2020-01-01T00:00:00.000Z"))
        #expect(try #require(certificate["days_left"]?.number) < -365)
    }

    @Test func verificationRejectsASelfSignedCertificate() async throws {
        let server = try await TLSTestServer.start(certificate: try await TLSTestCertificate.make(in: directory, days: 200))
        defer { server.stop() }
        let result = await check(server, verify: true)
        #expect(result.status == .critical)
        #expect(result.message == "TLS certificate verification failed: self-signed certificate")
        #expect(result.details["certificate"] == .null)
        #expect(result.perfdata.isEmpty)
    }

    @Test func aClosedPortIsCriticalConnectionRefused() async throws {
        var spec = TLSCheckSpec(host: "127.0.0.1", port: try LoopbackListener.closedPort())
        spec.verify = false
        let result = await TLSCheck.run(name: "gone", spec: spec, timeout: .seconds(2))
        #expect(result.status == .critical)
        #expect(result.message == "connection refused")
        #expect(result.details["handshake_ms"] == .null)
    }

    @Test func aServerThatDoesNotSpeakTLSFailsTheHandshake() async throws {
        let listener = try LoopbackListener()
        listener.serve { fd in
            _ = PeerIO.read(fd)
            _ = "SSH-2.0-OpenSSH_9.2\r\n".withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        }
        var spec = TLSCheckSpec(host: "127.0.0.1", port: listener.port)
        spec.verify = false
        let result = await TLSCheck.run(name: "ssh", spec: spec, timeout: .seconds(2))
        #expect(result.status == .critical)
        #expect(result.message.hasPrefix("TLS handshake failed: "))
    }

    @Test func theServerNameIsSentAsSNIWhileConnectingToTheHost() async throws {
        let fallback = try await TLSTestCertificate.make(in: directory, commonName: "localhost", days: 200)
        let named = try await TLSTestCertificate.make(in: directory, commonName: "monitor.example.test", days: 90)
        let server = try await TLSTestServer.start(certificate: fallback, sni: ("monitor.example.test", named))
        defer { server.stop() }
        // The name does not resolve: only CONNECT_TO gets the probe to 127.0.0.1.
        let result = await check(server, serverName: "monitor.example.test")
        #expect(result.status == .ok)
        #expect(result.details["certificate"]?["subject"] == .string("CN = monitor.example.test"))
        #expect(result.details["server_name"] == .string("monitor.example.test"))
        #expect(result.details["address"] == .string("127.0.0.1"))
        let plain = await check(server)
        #expect(plain.details["certificate"]?["subject"] == .string("CN = localhost"))
    }

    @Test func theProbeHoldsNoThreadWhileTheHandshakeHangs() async throws {
        // A listener that accepts and never answers: the ClientHello goes unanswered. Probes
        // that each held one of the pool's threads would take 32 × 250 ms / cores ≥ 4 s here.
        let listener = try LoopbackListener()
        var spec = TLSCheckSpec(host: "127.0.0.1", port: listener.port)
        spec.verify = false
        let specs = Array(repeating: spec, count: 32)
        let started = ContinuousClock.now
        let results = await withTaskGroup(of: CheckResult.self) { group in
            for spec in specs {
                group.addTask { await TLSCheck.run(name: "hung", spec: spec, timeout: .milliseconds(250)) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 32)
        #expect(results.allSatisfy { $0.status == .critical && $0.message == "timed out after 250 ms" })
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test(arguments: [
        ("127.0.0.1", Optional("bad name/x"), "invalid server_name 'bad name/x'"),
        ("evil@127.0.0.1", nil, "invalid host 'evil@127.0.0.1'"),
    ])
    func namesThatCannotFormAURLAreUnknown(host: String, serverName: String?, message: String) async {
        var spec = TLSCheckSpec(host: host, port: 443)
        spec.serverName = serverName
        let result = await TLSCheck.run(name: "bad", spec: spec, timeout: .seconds(1))
        #expect(result.status == .unknown)
        #expect(result.message == message)
        #expect(result.latencyMs == nil)
    }
}
