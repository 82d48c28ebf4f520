/// Why bytes are not a request we serve. Every failure closes the connection after its
/// answer: once framing is in doubt, the next byte cannot be trusted to start a request.
public struct HTTPParseFailure: Error, Sendable, Equatable {
    /// The status to answer with (400, 413, 431, 501, 505).
    public var status: Int
    /// A short English reason for the JSON error body (never echoes the request).
    public var reason: String

    static func badRequest(_ reason: String) -> HTTPParseFailure { HTTPParseFailure(status: 400, reason: reason) }
}

/// What the parser made of the bytes so far.
public enum HTTPParseOutcome: Sendable, Equatable {
    /// A whole request, and how many bytes it took (the rest may be a pipelined request).
    case request(HTTPRequest, consumed: Int)
    /// Not a whole request yet, and nothing wrong so far.
    case incomplete
    /// Not HTTP we serve.
    case failure(HTTPParseFailure)
}
