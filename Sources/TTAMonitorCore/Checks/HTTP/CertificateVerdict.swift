/// Judges a server certificate's remaining validity; shared by the `tls` and `http` checks.
///
/// An expired (or not yet valid) certificate is CRITICAL whatever the thresholds say: with
/// verification on the handshake already fails on it, and with verification off this is the
/// only place that notices. Otherwise the days left meet the (lower-is-worse) thresholds.
enum CertificateVerdict {
    /// The status and a one-line message such as `certificate expires in 5 days (warning at 30)`
    /// or `certificate valid for 187 days (until 2027-05-30)`.
    static func judge(_ certificate: CertificateSummary, thresholds: Thresholds?,
                      now: Int64) -> (status: CheckStatus, message: String) {
        let daysLeft = certificate.daysLeft(atMilliseconds: now)
        if certificate.notAfterMs <= now {
            let ago = (now - certificate.notAfterMs).floorDivided(by: 86_400_000)
            return (.critical, "certificate expired on \(day(certificate.notAfterMs))"
                        + (ago > 0 ? " (\(dayCount(Int(ago))) ago)" : ""))
        }
        if let notBefore = certificate.notBeforeMs, notBefore > now {
            return (.critical, "certificate is not valid until \(day(notBefore))")
        }
        let status = thresholds?.status(for: Double(daysLeft)) ?? .ok
        switch status {
        case .warning, .critical:
            let level = status == .critical ? thresholds?.critical : thresholds?.warning
            let at = level.map { " (\(status == .critical ? "critical" : "warning") at \(JSONWriter.format($0)))" } ?? ""
            return (status, "certificate expires in \(dayCount(daysLeft))\(at)")
        case .ok, .unknown:
            return (.ok, "certificate valid for \(dayCount(daysLeft)) (until \(day(certificate.notAfterMs)))")
        }
    }

    /// `{days_left, not_before, not_after, subject, issuer}`, times in RFC 3339 UTC.
    static func details(_ certificate: CertificateSummary, now: Int64) -> JSONValue {
        .object([
            ("days_left", .int(Int64(certificate.daysLeft(atMilliseconds: now)))),
            ("not_before", certificate.notBeforeMs.map { .string(Timestamps.rfc3339(milliseconds: $0)) } ?? .null),
            ("not_after", .string(Timestamps.rfc3339(milliseconds: certificate.notAfterMs))),
            ("subject", .string(certificate.subject)),
            ("issuer", .string(certificate.issuer)),
        ])
    }

    /// `certificate_days_left=187;@~:30;@~:7`, for Nagios-style output.
    static func perfdata(_ certificate: CertificateSummary, thresholds: Thresholds?, now: Int64) -> PerfdataItem {
        // A plain Nagios level alerts above it; `@~:30` alerts from -∞ to 30 inclusive, which
        // is exactly "30 days left or fewer", the lower-is-worse rule the verdict applies.
        func range(_ level: Double?) -> String? { level.map { "@~:" + JSONWriter.format($0) } }
        return PerfdataItem(label: "certificate_days_left", value: Double(certificate.daysLeft(atMilliseconds: now)),
                            warning: range(thresholds?.warning), critical: range(thresholds?.critical))
    }

    /// `2027-05-30`.
    private static func day(_ milliseconds: Int64) -> String {
        String(Timestamps.rfc3339(milliseconds: milliseconds).prefix(10))
    }

    private static func dayCount(_ days: Int) -> String {
        switch days {
        case ..<1: "less than a day"
        case 1: "1 day"
        default: "\(days) days"
        }
    }
}
