/// `--listen ADDR:PORT`: where serve's HTTP server listens. The host is an IPv4 address,
/// `localhost`, or an IPv6 address in brackets (`[::1]:9464`); the port 1…65535.
public struct ServeListenAddress: Sendable, Equatable, CustomStringConvertible {
    /// The host as written, without brackets.
    public var host: String
    /// The TCP port.
    public var port: Int

    /// Parses `text`; nil when it is not ADDR:PORT.
    public init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (1...65_535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") {
            guard host.hasSuffix("]"), host.count > 2 else { return nil }
            host = String(host.dropFirst().dropLast())
            guard host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }), host.contains(":") else { return nil }
        } else {
            guard host == "localhost" || Self.isIPv4(host) else { return nil }
        }
        self.host = host
        self.port = port
    }

    /// `host:port`, brackets around an IPv6 host.
    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    private static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && Int(part).map { (0...255).contains($0) } == true
        }
    }
}
