/// Replaces the password in a URL's userinfo with a `${NAME_PASSWORD}` placeholder, so a
/// discovered URL can be printed and pasted without leaking the secret.
public enum URLSecrets {
    /// `redis://:hunter2@host:6379` → `redis://:${REDIS_PASSWORD}@host:6379`.
    public static func placeholder(in url: String, variable: String) -> String {
        guard let schemeEnd = url.firstRange(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return url }
        let userinfo = authority[..<at]
        guard let colon = userinfo.firstIndex(of: ":") else { return url }
        let prefix = String(url[..<schemeEnd.upperBound]) + String(userinfo[..<colon])
        let suffix = String(authority[at...]) + String(rest[authorityEnd...])
        return prefix + ":${\(variable)}" + suffix
    }

    /// Host and port of a URL (`bolt://localhost:7687` → ("localhost", 7687)).
    public static func hostAndPort(of url: String, defaultPort: Int? = nil) -> (host: String, port: Int?, path: String)? {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        let path = String(rest[authorityEnd...])
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            let host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            return (host, after.hasPrefix(":") ? Int(after.dropFirst()) : defaultPort, path)
        }
        if let colon = authority.lastIndex(of: ":") {
            return (String(authority[..<colon]), Int(authority[authority.index(after: colon)...]), path)
        }
        return (String(authority), defaultPort, path)
    }
}
