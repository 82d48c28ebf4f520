#if canImport(Glibc)
import Glibc
#endif

/// Where serve listens: `HOST:PORT` with an IPv4 literal, `[IPv6]:PORT`, or `localhost:PORT`.
/// Host names other than localhost are refused: a name that resolves elsewhere tomorrow
/// must not move a listening socket off loopback.
public struct ServeListenAddress: Sendable, Equatable, CustomStringConvertible {
    /// The address literal (IPv6 without brackets).
    public var host: String
    /// The port; 0 lets the kernel choose (tests).
    public var port: Int

    /// The documented default port. Prometheus's "Default port allocations" list has given
    /// out all of 9100–9999 to exporters (and 9090–9094 to its own servers), so no port
    /// there is free of a common exporter; 8977 is outside it and IANA-unassigned.
    public static let defaultPort = 8977

    /// `127.0.0.1:8977`.
    public static let `default` = ServeListenAddress(host: "127.0.0.1", port: defaultPort)

    /// An address from its parts.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `text`; nil when it is not one of the accepted forms.
    public init?(_ text: String) {
        let host: Substring, portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[close...].hasPrefix("]:") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            // An IPv6 address needs its brackets: "::1:80" could be an address without a port.
            guard let colon = text.lastIndex(of: ":"), !text[..<colon].contains(":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard !portText.isEmpty, portText.allSatisfy(\.isASCII), let port = Int(portText), (0...65_535).contains(port) else { return nil }
        let literal = host == "localhost" ? "127.0.0.1" : String(host)
        guard Self.family(of: literal) != nil else { return nil }
        self.init(host: literal, port: port)
    }

    /// AF_INET or AF_INET6 for an address literal, nil otherwise.
    static func family(of host: String) -> Int32? {
        var v4 = in_addr(), v6 = in6_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return AF_INET }
        if inet_pton(AF_INET6, host, &v6) == 1 { return AF_INET6 }
        return nil
    }

    /// Whether only this machine can connect: 127.0.0.0/8 or ::1.
    public var isLoopback: Bool {
        var v4 = in_addr(), v6 = in6_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return UInt32(bigEndian: v4.s_addr) >> 24 == 127 }
        if inet_pton(AF_INET6, host, &v6) == 1 { return host == "::1" || Self.isIPv6Loopback(v6) }
        return false
    }

    private static func isIPv6Loopback(_ address: in6_addr) -> Bool {
        withUnsafeBytes(of: address) { bytes in bytes.prefix(15).allSatisfy { $0 == 0 } && bytes[15] == 1 }
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
