import Testing
@testable import TTAMonitorCore

@Suite struct CertificateDateTests {
    @Test(arguments: [
        // OpenSSL's ASN1_TIME_print, as Debian's libcurl4 prints it (day padded with a space).
        ("Feb  1 00:00:00 2020 GMT", "2020-02-01T00:00:00.000Z"),
        ("Jan 12 13:14:15 2027 GMT", "2027-01-12T13:14:15.000Z"),
        ("Feb 29 23:59:59 2024 GMT", "2024-02-29T23:59:59.000Z"),
        ("Dec 31 23:59:59.123 9999 GMT", "9999-12-31T23:59:59.000Z"),
        ("Jan  1 00:00:00 1950 GMT", "1950-01-01T00:00:00.000Z"),
        // curl's own form, from builds on other TLS libraries.
        ("2027-05-30 08:00:00 GMT", "2027-05-30T08:00:00.000Z"),
        ("2027-05-30 10:00:00 +0200", "2027-05-30T08:00:00.000Z"),
        ("2027-05-30 08:00:00", "2027-05-30T08:00:00.000Z"),
    ])
    func readsBothSpellings(text: String, expected: String) throws {
        let milliseconds = try #require(CertificateDate.parse(text))
        #expect(Timestamps.rfc3339(milliseconds: milliseconds) == expected)
    }

    @Test(arguments: ["", "Foo 1 00:00:00 2020 GMT", "Feb 30 00:00:00 2020 GMT", "Feb 29 00:00:00 2023 GMT",
                      "Feb  1 24:00:00 2020 GMT", "Feb  1 00:00 2020 GMT", "2020-13-01 00:00:00 GMT",
                      "Feb  1 00:00:00 2020 PST", "Feb  1 00:00:00 2020 GMT extra"])
    func rejectsAnythingElse(text: String) {
        #expect(CertificateDate.parse(text) == nil)
    }

    @Test func daysLeftRoundDownSoNegativeMeansExpired() {
        let day: Int64 = 86_400_000
        let now: Int64 = 1_800_000_000_000
        func summary(expiresIn milliseconds: Int64) -> CertificateSummary {
            CertificateSummary(subject: "", issuer: "", notBeforeMs: nil, notAfterMs: now + milliseconds)
        }
        #expect(summary(expiresIn: 5 * day - 1).daysLeft(atMilliseconds: now) == 4)
        #expect(summary(expiresIn: 5 * day).daysLeft(atMilliseconds: now) == 5)
        #expect(summary(expiresIn: 1).daysLeft(atMilliseconds: now) == 0)
        #expect(summary(expiresIn: -1).daysLeft(atMilliseconds: now) == -1)
    }

    @Test func certinfoLinesGiveSubjectIssuerAndDates() throws {
        let summary = try #require(CertificateSummary(certinfoLines: [
            "Subject:CN = api.example.org", "Issuer:C = US, O = Let's Encrypt, CN = R11", "Version:2",
            "Start date:Mar  2 00:00:00 2026 GMT", "Expire date:May 31 00:00:00 2026 GMT",
            "Cert:-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n",
        ]))
        #expect(summary.subject == "CN = api.example.org")
        #expect(summary.issuer == "C = US, O = Let's Encrypt, CN = R11")
        #expect(summary.notBeforeMs.map { Timestamps.rfc3339(milliseconds: $0) } == "2026-03-02T00:00:00.000Z")
        #expect(Timestamps.rfc3339(milliseconds: summary.notAfterMs) == "2026-05-31T00:00:00.000Z")
        #expect(CertificateSummary(certinfoLines: ["Subject:CN = x", "Expire date:soon"]) == nil)
    }

    @Test func theVerboseLineGivesVersionAndCipher() {
        let old = CurlTransfer.tlsSession(fromVerboseLine: "SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384\n")
        #expect(old?.version == "TLSv1.3" && old?.cipher == "TLS_AES_256_GCM_SHA384")
        let new = CurlTransfer.tlsSession(fromVerboseLine: "SSL connection using TLSv1.2 / ECDHE-RSA-AES128-GCM-SHA256 / x25519 / RSASSA-PSS\n")
        #expect(new?.version == "TLSv1.2" && new?.cipher == "ECDHE-RSA-AES128-GCM-SHA256")
        #expect(CurlTransfer.tlsSession(fromVerboseLine: "Connected to 127.0.0.1 (127.0.0.1) port 443\n") == nil)
    }
}
