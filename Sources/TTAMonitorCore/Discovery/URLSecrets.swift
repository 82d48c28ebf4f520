/// Replaces the password in a URL's userinfo with a `${NAME_PASSWORD}` placeholder, so a
/// discovered URL can be printed and pasted without leaking the secret.
public enum URLSecrets {
    /// `redis://:hunter2@host:6379` → `redis://:${REDIS_PASSWORD}@host:6379`. A lone user
    /// name that carries the secret (`redis://hunter2@host`, `https://TOKEN@host`; see
    /// `SecretVariants.urlCredentialForms`) is replaced whole.
    public static func placeholder(in url: String, variable: String) -> String {
        guard let parts = URLParts.parse(url), parts.hasUserInfo, let schemeEnd = url.firstRange(of: "://") else { return url }
        let afterScheme = url[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? url.endIndex
        guard let lastAt = url[schemeEnd.upperBound..<authorityEnd].lastIndex(of: "@") else { return url }
        let prefix = String(url[..<schemeEnd.upperBound])
        let suffix = String(url[lastAt...])
        if parts.password != nil { return prefix + (parts.user ?? "") + ":${\(variable)}" + suffix }
        return SecretVariants.urlCredentialForms(url).isEmpty ? url : prefix + "${\(variable)}" + suffix
    }

    /// Host and port of a URL (`bolt://localhost:7687` → ("localhost", 7687)); credentials
    /// are never part of the host.
    public static func hostAndPort(of url: String, defaultPort: Int? = nil) -> (host: String, port: Int?, path: String)? {
        guard let parts = URLParts.parse(url) else { return nil }
        return (parts.host, parts.portText.map { Int($0) } ?? defaultPort, parts.rest)
    }
}
