import Foundation
import Testing
@testable import TTAMonitorCore

/// `http` with `certificate_days_left`, against `openssl s_server -www` (which answers any GET
/// with 200) serving self-signed certificates made for each test.
@Suite struct HTTPCertificateTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    private func check(_ url: String, verifyTLS: Bool = false,
                       certificateDaysLeft: Thresholds? = Thresholds(warning: 30, lowerIsWorse: true)) async -> CheckResult {
        var spec = HTTPCheckSpec(url: url)
        spec.verifyTLS = verifyTLS
        spec.certificateDaysLeft = certificateDaysLeft
        return await HTTPCheck.run(name: "web", spec: spec, timeout: .seconds(5))
    }

    @Test func aHealthySiteWithALongValidCertificateIsOK() async throws {
        let server = try await TLSTestServer.start(certificate: try await TLSTestCertificate.make(in: directory, days: 200))
        defer { server.stop() }
        let result = await check(server.url)
        #expect(result.status == .ok)
        let certificate = try #require(result.details["certificate"])
        let daysLeft = try #require(certificate["days_left"]?.number)
        #expect(daysLeft == 199 || daysLeft == 200)
        let notAfter = try #require(certificate["not_after"]?.scalarText)
        #expect(result.message.hasPrefix("HTTP 200 in "))
        #expect(result.message.hasSuffix(" ms; certificate valid for \(Int(daysLeft)) days (until \(notAfter.prefix(10)))"))
        #expect(certificate["subject"] == .string("CN = localhost"))
        #expect(certificate["issuer"] == .string("CN = localhost"))
        #expect(result.details["http_status"] == .int(200))
        #expect(result.perfdata.map(\.label) == ["certificate_days_left"])
    }

    @Test func aCertificateCloseToExpiryWarnsAndLeadsTheMessage() async throws {
        let server = try await TLSTestServer.start(certificate: try await TLSTestCertificate.make(in: directory, days: 5))
        defer { server.stop() }
        let result = await check(server.url)
        #expect(result.status == .warning)
        let daysLeft = try #require(result.details["certificate"]?["days_left"]?.number)
        #expect(result.message.hasPrefix("certificate expires in \(Int(daysLeft)) days (warning at 30); HTTP 200 in "))
    }

    @Test func anExpiredCertificateIsCriticalEvenWithoutVerification() async throws {
        let server = try await TLSTestServer.start(certificate: try await TLSTestCertificate.makeExpired(in: directory))
        defer { server.stop() }
        let result = await check(server.url, certificateDaysLeft: Thresholds(critical: 1, lowerIsWorse: true))
        #expect(result.status == .critical)
        #expect(result.message.hasPrefix("certificate expired on 2020-02-01 ("))
        #expect(result.details["certificate"]?["not_after"] == .string("2020-02-01T00:00:00.000Z"))
    }

    @Test func withVerificationOnASelfSignedCertificateFailsTheRequest() async throws {
        let server = try await TLSTestServer.start(certificate: try await TLSTestCertificate.make(in: directory, days: 200))
        defer { server.stop() }
        let result = await check(server.url, verifyTLS: true)
        #expect(result.status == .critical)
        #expect(result.message == "TLS certificate verification failed: self-signed certificate")
        #expect(result.details["certificate"] == .null)
    }

    @Test func withoutTheSettingTheDetailsKeepTheirShape() async throws {
        let server = try await TLSTestServer.start(certificate: try await TLSTestCertificate.make(in: directory, days: 200))
        defer { server.stop() }
        let result = await check(server.url, certificateDaysLeft: nil)
        #expect(result.status == .ok)
        #expect(result.details["certificate"] == nil)
        #expect(result.perfdata.isEmpty)
        #expect(!result.message.contains("certificate"))
    }

    @Test func aPlainHTTPURLHasNoCertificateToCheck() async throws {
        let server = try LocalHTTPServer(handler: LocalHTTPServer.standardRoutes())
        defer { server.stop() }
        let result = await check(server.url("/ok"))
        #expect(result.status == .unknown)
        // Checking nothing must not look like a healthy certificate.
        #expect(result.message.hasPrefix("no TLS certificate to check (certificate_days_left needs an https URL); HTTP 200 in "))
        #expect(result.details["certificate"] == .null)
    }
}
