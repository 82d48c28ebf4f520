#if canImport(Glibc)
import Glibc
#endif

/// The shape of an `http://` or `https://` URL from the config, checked when the file is read
/// so that a URL no request can ever use (`http://[::1`, port 99999) is a config error
/// rather than a CRITICAL result at 3 a.m.
enum HTTPURLShape {
    /// Why `url` cannot be used, or nil when its scheme, host and port are sound. The reason
    /// never quotes the URL: it may carry a password.
    static func problem(in url: String) -> String? {
        let lowered = url.lowercased()
        let rest: Substring
        if lowered.hasPrefix("https://") { rest = url.dropFirst(8) }
        else if lowered.hasPrefix("http://") { rest = url.dropFirst(7) }
        else { return "must be an http:// or https:// URL" }
        if url.utf8.contains(where: { $0 <= 32 || $0 == 127 }) { return "must not contain spaces, line breaks or control characters" }
        var authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return "has an IPv6 address without its closing ']'" }
            let address = String(authority[authority.index(after: authority.startIndex)..<close])
            guard isIPv6(address) else { return "has an invalid IPv6 address in brackets" }
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return "has text after the IPv6 address that is not ':port'" }
                portText = after.dropFirst()
            }
        } else {
            if authority.contains("[") || authority.contains("]") { return "has a bracket outside an IPv6 address" }
            let pieces = authority.split(separator: ":", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else { return "has more than one ':' in its host (write an IPv6 address in brackets)" }
            guard !pieces[0].isEmpty else { return "has no host" }
            portText = pieces.count == 2 ? pieces[1] : nil
        }
        if let portText {
            guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy { $0.isASCII && $0.isNumber },
                  let port = Int(portText), (1...65_535).contains(port) else {
                return "has a port outside 1-65535"
            }
        }
        return nil
    }

    private static func isIPv6(_ text: String) -> Bool {
        // A zone (`fe80::1%25eth0`) is allowed after the address.
        let address = text.split(separator: "%", maxSplits: 1).first.map(String.init) ?? ""
        var storage = in6_addr()
        return inet_pton(AF_INET6, address, &storage) == 1
    }
}

extension MappingReader {
    /// The http(s) URL at `node` (the value of `key`), refused with the reason when no request
    /// could ever use it. The message names the key, never the value: it may be secret.
    func httpURL(_ node: YAMLNode, key: String) throws(ConfigError) -> String {
        let url = try string(node, path: keyPath(key))
        if let problem = HTTPURLShape.problem(in: url) {
            throw error("'\(keyPath(key))' \(problem) (value not shown: it may be secret)", at: node)
        }
        return url
    }
}
