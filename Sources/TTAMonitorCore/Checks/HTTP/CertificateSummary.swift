/// The parts of a server's leaf certificate a check judges and shows.
public struct CertificateSummary: Sendable, Equatable {
    /// The subject as libcurl prints it (`CN = example.org`).
    public var subject: String
    /// The issuer as libcurl prints it.
    public var issuer: String
    /// Start of validity, in milliseconds since the Unix epoch.
    public var notBeforeMs: Int64?
    /// End of validity, in milliseconds since the Unix epoch.
    public var notAfterMs: Int64

    /// Creates a summary.
    public init(subject: String, issuer: String, notBeforeMs: Int64?, notAfterMs: Int64) {
        self.subject = subject
        self.issuer = issuer
        self.notBeforeMs = notBeforeMs
        self.notAfterMs = notAfterMs
    }

    /// Builds a summary from one certificate's `Name:value` lines in libcurl's certinfo
    /// (`Subject:CN = localhost`, `Expire date:Feb  1 00:00:00 2020 GMT`, …); nil when the
    /// expiry date is missing or unreadable, since that is what the checks are for.
    init?(certinfoLines lines: [String]) {
        var fields: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            if fields[name] == nil {
                fields[name] = String(line[line.index(after: colon)...].drop { $0 == " " })
            }
        }
        guard let expiry = fields["expire date"].flatMap(CertificateDate.parse) else { return nil }
        self.init(subject: fields["subject"] ?? "", issuer: fields["issuer"] ?? "",
                  notBeforeMs: fields["start date"].flatMap(CertificateDate.parse), notAfterMs: expiry)
    }

    /// Whole days until expiry, rounded down: 4.9 days left is 4, and an hour past expiry
    /// is -1, so a negative count always means expired.
    public func daysLeft(atMilliseconds now: Int64) -> Int {
        Int((notAfterMs - now).floorDivided(by: 86_400_000))
    }
}
