/// What came back from one `HTTPProbe` exchange, whether or not it succeeded.
public struct HTTPProbeResponse: Sendable, Equatable {
    /// The final HTTP status; 0 when no response arrived.
    public var statusCode: Int = 0
    /// The first `maxBodyBytes` of the body.
    public var body: [UInt8] = []
    /// Body bytes received in total, kept or not.
    public var bodyBytesSeen: Int = 0
    /// libcurl's result code (`CURLcode`); 0 means the exchange completed.
    public var curlCode: Int = 0
    /// libcurl's own explanation of `curlCode` (its error buffer, else `curl_easy_strerror`);
    /// nil on success.
    public var errorMessage: String?
    /// The `errno` behind a failed connect (`ECONNREFUSED`, …); 0 when none applies.
    public var osErrno: Int32 = 0
    /// Phase timings as libcurl measures them.
    public var timings = HTTPTimings()
    /// The address actually connected to.
    public var primaryIP: String?
    /// The port actually connected to.
    public var primaryPort: Int?
    /// The protocol version of the response: `1.0`, `1.1`, `2` or `3`.
    public var httpVersion: String?
    /// How many redirects were followed.
    public var redirectCount: Int = 0
    /// The URL of the last request made (differs from the request's after redirects).
    public var effectiveURL: String?
    /// The final response's `Content-Type` header as sent, when it had one.
    public var contentType: String?
    /// Where a 3xx response points when redirects were not followed.
    public var redirectURL: String?
    /// The server's leaf certificate, when the request asked for it and a handshake happened.
    public var certificate: CertificateSummary?
    /// The negotiated protocol (`TLSv1.3`), when the request read the certificate and the
    /// TLS library said.
    public var tlsVersion: String?
    /// The negotiated cipher suite (`TLS_AES_256_GCM_SHA384`), under the same conditions.
    public var tlsCipher: String?

    /// Creates an empty response; the probe fills it in.
    public init() {}

    /// Whether the exchange completed at the transport level (any HTTP status counts).
    public var completed: Bool { curlCode == 0 }
}

/// libcurl's phase timings in milliseconds. Each is cumulative from the start of the request,
/// as `curl -w` reports them, and 0 for a phase that did not happen (a reused connection has
/// no connect phase; a refused one has no first byte).
public struct HTTPTimings: Sendable, Equatable {
    /// Until the name was resolved.
    public var nameLookupMs: Double = 0
    /// Until the TCP connection was established.
    public var connectMs: Double = 0
    /// Until the TLS handshake finished (0 without TLS).
    public var appConnectMs: Double = 0
    /// Until the request was about to be sent.
    public var preTransferMs: Double = 0
    /// Until the first response byte arrived (time to first byte).
    public var startTransferMs: Double = 0
    /// The whole exchange, including redirects.
    public var totalMs: Double = 0

    /// Creates zero timings.
    public init() {}
}
