/// Why a `redis://` URL was rejected. Messages never quote the URL or its parts, which may
/// carry a password; they name what is wrong and what is expected.
public enum RedisURLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `scheme://` prefix.
    case missingScheme
    /// A scheme other than `redis` (and not `rediss`); carries the scheme.
    case unsupportedScheme(String)
    /// `rediss://`: TLS needs a TLS stack this build does not have yet.
    case tlsNotSupported
    /// Nothing between `//` (or `@`) and the port or path.
    case missingHost
    /// An IPv6 address without brackets, or a `[` without its `]`.
    case malformedIPv6Host
    /// A port that is not a number from 1 to 65535.
    case invalidPort
    /// A path other than `/` followed by a database number.
    case invalidDatabase
    /// `?query` or `#fragment`, which no option of the check reads.
    case unsupportedQuery
    /// A `%` not followed by two hex digits in the user or password.
    case invalidPercentEncoding

    /// One lowercase line naming the problem.
    public var description: String {
        switch self {
        case .missingScheme: "redis URL must start with redis://"
        case .unsupportedScheme(let scheme): "unsupported scheme '\(scheme)' in redis URL (expected redis://)"
        case .tlsNotSupported: "TLS redis is not supported yet"
        case .missingHost: "redis URL has no host"
        case .malformedIPv6Host: "IPv6 host in redis URL must be in brackets, e.g. redis://[::1]:6379"
        case .invalidPort: "invalid port in redis URL (expected 1-65535)"
        case .invalidDatabase: "invalid database in redis URL (expected /0, /1, …)"
        case .unsupportedQuery: "query parameters and fragments are not supported in redis URL"
        case .invalidPercentEncoding: "invalid percent-encoding in redis URL credentials"
        }
    }
}
