/// Builds the libcurl request behind the `tls` check: TCP connect and TLS handshake to any
/// port, then stop (`CURLOPT_CONNECT_ONLY`): no HTTP is sent, so SMTPS, LDAPS, a database's
/// TLS port or a TLS-terminating proxy can be checked as well as a web server. It goes
/// through the shared multi handle like every HTTP check, so it costs no thread.
///
/// The URL names `serverName` (else `host`): libcurl sends that as SNI and verifies the
/// certificate against it. When the two differ, `CURLOPT_CONNECT_TO` makes libcurl connect
/// to `host` instead of resolving the server name, the way `curl --connect-to` does.
enum TLSProbe {
    /// The request for `spec`, or why none can be made (a name that cannot be put in a URL).
    static func request(for spec: TLSCheckSpec, timeout: Duration) -> Result<HTTPProbeRequest, TLSProbeError> {
        guard (1...65_535).contains(spec.port) else { return .failure(.invalidPort(spec.port)) }
        guard isUsableHost(spec.host) else { return .failure(.invalidHost(spec.host)) }
        let serverName = spec.serverName ?? spec.host
        if let name = spec.serverName, name.contains(":") || !isUsableHost(name) {
            return .failure(.invalidServerName(name))
        }
        var request = HTTPProbeRequest(url: "https://\(bracketed(serverName)):\(spec.port)/", timeout: timeout,
                                       verifyTLS: spec.verify, readsCertificate: true)
        request.connectOnly = true
        if serverName != spec.host {
            request.connectTo = "\(bracketed(serverName)):\(spec.port):\(bracketed(spec.host)):\(spec.port)"
        }
        return .success(request)
    }

    /// `https://host:port/`, for messages about the connection (the host is what was
    /// resolved and connected to, whatever the server name).
    static func displayURL(for spec: TLSCheckSpec) -> String {
        "https://\(bracketed(spec.host)):\(spec.port)/"
    }

    /// A DNS name or an address: nothing that would end the URL's authority or smuggle in
    /// userinfo, and no spaces or control characters.
    private static func isUsableHost(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return !bare.isEmpty && !bare.utf8.contains { byte in
            byte <= 32 || byte == 127 || "/?#@[]\\%".utf8.contains(byte)
        }
    }

    /// IPv6 literals need brackets in URLs and in `CONNECT_TO` entries.
    private static func bracketed(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }
}

/// Why a `tls` check's target cannot be probed as configured.
enum TLSProbeError: Error, CustomStringConvertible {
    case invalidPort(Int)
    case invalidHost(String)
    case invalidServerName(String)

    var description: String {
        switch self {
        case .invalidPort(let port): "invalid port \(port)"
        case .invalidHost(let host): "invalid host '\(host)'"
        case .invalidServerName(let name): "invalid server_name '\(name)'"
        }
    }
}
