/// One HTTP request for `HTTPProbe`: what to send and how long to wait for it.
public struct HTTPProbeRequest: Sendable, Equatable {
    /// Absolute `http` or `https` URL; other schemes are refused by the probe.
    public var url: String
    /// Request method; `GET` and `HEAD` are sent as such, anything else verbatim.
    public var method: String
    /// Extra request headers in order. Values are never echoed in results.
    public var headers: [HTTPHeader]
    /// Request body; when present it is sent with the method (`POST` unless told otherwise).
    public var body: [UInt8]?
    /// Deadline for the whole exchange: resolve, connect, TLS, request, response.
    public var timeout: Duration
    /// Whether 3xx responses are followed (at most `maxRedirects` times).
    public var followRedirects: Bool
    /// The redirect budget when `followRedirects` is on.
    public var maxRedirects: Int
    /// Whether the server's certificate and host name are verified.
    public var verifyTLS: Bool
    /// How much of the body is kept; the rest is read and counted but dropped, so a huge
    /// response cannot exhaust memory while its size is still reported.
    public var maxBodyBytes: Int
    /// Credentials to send; they never appear in the response or any message.
    public var auth: HTTPAuth?
    /// Whether to read the server's certificate (https only). This forces a fresh connection:
    /// libcurl collects certificates only while handshaking, never on a reused connection.
    public var readsCertificate: Bool
    /// Stop once TCP and TLS are up: no request is sent (the `tls` check's handshake probe).
    var connectOnly = false
    /// `name:port:address:port`: connect to `address` while the URL's `name` stays the TLS
    /// server name and the name the certificate is checked against (`CURLOPT_CONNECT_TO`).
    var connectTo: String?

    /// The body cap used unless a caller asks for another: enough for any health document.
    public static let defaultMaxBodyBytes = 1 << 20

    /// Creates a request; everything but the URL has the defaults a health check wants.
    public init(url: String, method: String = "GET", headers: [HTTPHeader] = [], body: [UInt8]? = nil,
                timeout: Duration = .seconds(5), followRedirects: Bool = false, maxRedirects: Int = 10,
                verifyTLS: Bool = true, maxBodyBytes: Int = HTTPProbeRequest.defaultMaxBodyBytes,
                auth: HTTPAuth? = nil, readsCertificate: Bool = false) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.followRedirects = followRedirects
        self.maxRedirects = maxRedirects
        self.verifyTLS = verifyTLS
        self.maxBodyBytes = maxBodyBytes
        self.auth = auth
        self.readsCertificate = readsCertificate
    }
}
