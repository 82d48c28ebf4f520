/// The pieces of `scheme://[user[:password]@]host[:port][/path?query#fragment]`, split the
/// one way every check kind, masker and collector reads a URL. Credentials live only in
/// `user`/`password`, never in `host`: a host name ends up in messages and the database.
public struct URLParts: Sendable, Equatable {
    /// The scheme as written (`bolt`, `https`).
    public var scheme: String
    /// The user name as written (percent-encoded), when the URL has userinfo.
    public var user: String?
    /// The password as written (percent-encoded), when the userinfo has a colon.
    public var password: String?
    /// The host without brackets (`::1` for `[::1]`).
    public var host: String
    /// The port text after the host's colon, when present (not validated here).
    public var portText: String?
    /// Everything after the authority: path, query and fragment.
    public var rest: String

    /// Splits `url`; nil when it has no `scheme://`.
    public static func parse(_ url: String) -> URLParts? {
        guard let schemeEnd = url.firstRange(of: "://"), schemeEnd.lowerBound > url.startIndex else { return nil }
        let afterScheme = url[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        var authority = afterScheme[..<authorityEnd]
        var parts = URLParts(scheme: String(url[..<schemeEnd.lowerBound]), user: nil, password: nil, host: "",
                             portText: nil, rest: String(afterScheme[authorityEnd...]))
        // The last '@' ends the userinfo: a password may contain '@' when not encoded.
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            if let colon = userInfo.firstIndex(of: ":") {
                parts.user = String(userInfo[..<colon])
                parts.password = String(userInfo[userInfo.index(after: colon)...])
            } else {
                parts.user = String(userInfo)
            }
            authority = authority[authority.index(after: at)...]
        }
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            parts.host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { parts.portText = String(after.dropFirst()) }
        } else if let colon = authority.lastIndex(of: ":") {
            parts.host = String(authority[..<colon])
            parts.portText = String(authority[authority.index(after: colon)...])
        } else {
            parts.host = String(authority)
        }
        return parts
    }

    /// Whether the URL carries a user name or a password.
    public var hasUserInfo: Bool { user != nil || password != nil }

    /// The port as a number, when present and all digits.
    public var port: Int? {
        guard let portText, !portText.isEmpty, portText.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(portText)
    }

    /// `user:password` percent-decoded, as an HTTP client sends it in `Authorization: Basic`.
    public var decodedCredentials: (user: String, password: String)? {
        guard let password else { return nil }
        return (Self.percentDecoded(user ?? ""), Self.percentDecoded(password))
    }

    /// `%XX` sequences decoded; anything malformed is kept as written.
    public static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The value of one hexadecimal digit of a percent-escape, nil for any other byte.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
