extension RedisCheckSpec {
    /// Parses `redis://[[user]:password@]host[:port][/db]` as `redis-cli -u` reads it:
    /// user information without a colon is a password, credentials are percent-decoded,
    /// an IPv6 host goes in brackets, the port defaults to 6379.
    ///
    /// The database number is validated but not kept: PING and INFO are server-wide.
    public init(url: String) throws(RedisURLError) {
        let text = Substring(url.trimmingWhitespace())
        guard let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://") else {
            throw .missingScheme
        }
        switch text[..<colon].lowercased() {
        case "redis": break
        case "rediss": throw .tlsNotSupported
        case let scheme: throw .unsupportedScheme(scheme)
        }
        let rest = text[text.index(colon, offsetBy: 3)...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var hostAndPort = rest[..<authorityEnd]
        var username: String?
        var password: String?
        if let at = hostAndPort.lastIndex(of: "@") {
            let userInfo = hostAndPort[..<at]
            hostAndPort = hostAndPort[hostAndPort.index(after: at)...]
            if let separator = userInfo.firstIndex(of: ":") {
                username = try Self.percentDecoded(userInfo[..<separator])
                password = try Self.percentDecoded(userInfo[userInfo.index(after: separator)...])
            } else {
                password = try Self.percentDecoded(userInfo)
            }
        }
        let (host, port) = try Self.splitHostAndPort(hostAndPort)
        try Self.validateDatabase(rest[authorityEnd...])
        self.init(host: host, port: port)
        self.username = username?.isEmpty == false ? username : nil
        self.password = password?.isEmpty == false ? password : nil
    }

    private static func splitHostAndPort(_ text: Substring) throws(RedisURLError) -> (String, Int) {
        var host: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw .malformedIPv6Host }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .malformedIPv6Host }
                portText = after.dropFirst()
            }
        } else {
            let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else { throw .malformedIPv6Host }
            host = pieces[0]
            portText = pieces.count == 2 ? pieces[1] : nil
        }
        guard !host.isEmpty else { throw .missingHost }
        guard let portText else { return (String(host), 6379) }
        guard portText.allSatisfy(\.isASCIIDigit), let port = Int(portText), (1...65_535).contains(port) else {
            throw .invalidPort
        }
        return (String(host), port)
    }

    private static func validateDatabase(_ tail: Substring) throws(RedisURLError) {
        guard !tail.contains("?"), !tail.contains("#") else { throw .unsupportedQuery }
        let database = tail.drop { $0 == "/" }
        guard tail.filter({ $0 == "/" }).count <= 1,
              database.allSatisfy(\.isASCIIDigit), database.count <= 5
        else { throw .invalidDatabase }
    }

    private static func percentDecoded(_ text: Substring) throws(RedisURLError) -> String {
        var bytes: [UInt8] = []
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = utf8.next().flatMap(URLParts.hexValue), let low = utf8.next().flatMap(URLParts.hexValue) else {
                throw .invalidPercentEncoding
            }
            bytes.append(high << 4 | low)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

}

extension Character {
    /// `0`–`9` only; `isNumber` also accepts other scripts' digits and fractions.
    fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
