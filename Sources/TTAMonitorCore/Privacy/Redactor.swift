#if canImport(Glibc)
import Glibc
#endif

/// Removes PII and secrets from text before it is stored or printed: e-mail addresses, IP
/// addresses, bearer tokens, JWTs, credentials in URLs, and the literal values of secrets
/// the config holds (a server that echoes a password back must not get it into the database).
public struct Redactor: Sendable {
    /// What can be redacted; `monitoring.privacy.redact` picks among these.
    public enum Category: String, Sendable, CaseIterable {
        case email, ipv4, ipv6, bearer, jwt
        case urlCredentials = "url_credentials"
    }

    /// The categories applied.
    public let categories: Set<Category>
    /// Literal secret values from the config, longest first so a secret containing another
    /// is replaced whole.
    private let secrets: [String]

    /// Creates a redactor; secrets shorter than 4 characters are ignored (too likely to
    /// match ordinary text, and too short to be real credentials).
    public init(categories: Set<Category> = Set(Category.allCases), secrets: [String] = []) {
        self.categories = categories
        self.secrets = Array(Set(secrets.filter { $0.count >= 4 })).sorted { $0.count > $1.count }
    }

    /// A redactor that changes nothing.
    public static let none = Redactor(categories: [], secrets: [])

    /// `text` with everything sensitive replaced by a bracketed marker (`[email]`, `[ipv4]`, …).
    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacing(secret, with: "[secret]")
        }
        // Each regular expression runs only when a cheap byte test says it could match: most
        // texts (numbers, "HTTP 200 in 3 ms") have no '@', no "eyJ", no "://".
        let bytes = Array(result.utf8)
        let hasAt = bytes.contains(UInt8(ascii: "@"))
        if categories.contains(.urlCredentials), hasAt, result.contains("://") {
            result = result.replacing(Self.urlCredentials) { match in "\(match.output.1)\(match.output.2):[redacted]@" }
        }
        if categories.contains(.jwt), result.contains("eyJ") {
            result = result.replacing(Self.jwt, with: "[jwt]")
        }
        if categories.contains(.bearer), bytes.count >= 7, result.lowercased().contains("bearer") {
            result = result.replacing(Self.bearer) { match in "\(match.output.1) [token]" }
        }
        if categories.contains(.email), hasAt {
            result = result.replacing(Self.email, with: "[email]")
        }
        if categories.contains(.ipv4) || categories.contains(.ipv6),
           bytes.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") }) {
            result = redactAddresses(result)
        }
        return result
    }

    /// Whether this redactor changes nothing (no categories, no secrets): callers skip copying.
    public var changesNothing: Bool { categories.isEmpty && secrets.isEmpty }

    /// Every string inside a JSON value (keys stay: they are ours).
    public func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(redact(text))
        case .array(let items): .array(items.map { redact($0) })
        case .object(let members): .object(members.map { ($0.0, redact($0.1)) })
        default: value
        }
    }

    nonisolated(unsafe) private static let urlCredentials = #/([A-Za-z][A-Za-z0-9+.\-]*://)([^/@\s:]*):([^/@\s]+)@/#
    nonisolated(unsafe) private static let jwt = #/eyJ[A-Za-z0-9_\-]+\.eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*/#
    nonisolated(unsafe) private static let bearer = #/(?i)(bearer)\s+[A-Za-z0-9._~+\/\-]+=*/#
    nonisolated(unsafe) private static let email = #/[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}/#

    /// IP addresses are found by scanning runs of address characters and validating each run
    /// with inet_pton, which is exact where a regular expression for IPv6 is not (and leaves
    /// times such as 10:34:00 alone).
    private func redactAddresses(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        func isAddressScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII && (scalar.properties.isASCIIHexDigit || scalar == ":" || scalar == ".")
        }
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
        }
        while index < scalars.count {
            let scalar = scalars[index]
            let startsRun = isAddressScalar(scalar) && (index == 0 || !isAddressScalar(scalars[index - 1]))
            guard startsRun else {
                output.append(scalar)
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isAddressScalar(scalars[end]) { end += 1 }
            let boundedAfter = end == scalars.count || !isWordScalar(scalars[end])
            let boundedBefore = index == 0 || !isWordScalar(scalars[index - 1])
            var run = String(String.UnicodeScalarView(scalars[index..<end]))
            // A sentence may end right after an address ("from 10.0.0.1.").
            var trailing = ""
            while run.hasSuffix(".") || (run.hasSuffix(":") && !run.hasSuffix("::")) {
                trailing = String(run.removeLast()) + trailing
            }
            if boundedBefore, boundedAfter, let marker = addressMarker(run) {
                output.append(contentsOf: marker.unicodeScalars)
                output.append(contentsOf: trailing.unicodeScalars)
            } else if boundedBefore, boundedAfter, run.filter({ $0 == ":" }).count == 1,
                      let colon = run.firstIndex(of: ":"), let marker = addressMarker(String(run[..<colon])) {
                // host:port with an IPv4 host.
                output.append(contentsOf: marker.unicodeScalars)
                output.append(contentsOf: run[colon...].unicodeScalars)
                output.append(contentsOf: trailing.unicodeScalars)
            } else {
                output.append(contentsOf: scalars[index..<end])
            }
            index = end
        }
        return String(output)
    }

    private func addressMarker(_ candidate: String) -> String? {
        var buffer = [UInt8](repeating: 0, count: 16)
        if categories.contains(.ipv4), candidate.contains("."), !candidate.contains(":"),
           inet_pton(AF_INET, candidate, &buffer) == 1 {
            return "[ipv4]"
        }
        if categories.contains(.ipv6), candidate.filter({ $0 == ":" }).count >= 2,
           inet_pton(AF_INET6, candidate, &buffer) == 1 {
            return "[ipv6]"
        }
        return nil
    }
}
