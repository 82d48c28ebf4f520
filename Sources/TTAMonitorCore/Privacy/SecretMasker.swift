/// Masks secrets (passwords, tokens, webhook URLs) wherever configuration is shown.
public enum SecretMasker {
    /// What replaces a secret.
    public static let mask = "********"

    private static let secretWords = ["password", "passwd", "secret", "token", "api_key", "apikey", "api-key",
                                      "authorization", "auth", "cookie", "credential", "private_key", "webhook"]

    private static let secretWordBytes: [[UInt8]] = secretWords.map { Array($0.utf8) }

    /// Whether a key or header name names a secret (`neo4j_password`, `X-Api-Key`, `Authorization`).
    /// A plain byte search: it runs for every key of every config file, and String.contains
    /// from the regex library made loading a 200-check config take tens of milliseconds.
    public static func isSecretName(_ name: String) -> Bool {
        let lowered = name.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        return secretWordBytes.contains { word in
            guard lowered.count >= word.count else { return false }
            for start in 0...(lowered.count - word.count) where lowered[start] == word[0] {
                if lowered[start..<start + word.count].elementsEqual(word) { return true }
            }
            return false
        }
    }

    /// A URL with its password (and secret-looking query values) masked:
    /// `redis://:s3cret@host:6379` → `redis://:********@host:6379`. A lone user name is
    /// masked whole where it carries a token (see `SecretVariants.urlCredentialForms`).
    public static func maskURL(_ url: String) -> String {
        guard let schemeEnd = url.firstRange(of: "://") else { return url }
        let afterScheme = url[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        let authority = afterScheme[..<authorityEnd]
        var result = String(url[..<schemeEnd.upperBound])
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            if let colon = userInfo.firstIndex(of: ":") {
                result += String(userInfo[..<colon])
                result += ":" + mask
            } else if SecretVariants.urlCredentialForms(url).isEmpty {
                result += String(userInfo)
            } else {
                // A lone user name that is really a token (`https://TOKEN@host`, `redis://PASSWORD@host`).
                result += mask
            }
            result += String(authority[at...])
        } else {
            result += String(authority)
        }
        result += maskQuery(String(afterScheme[authorityEnd...]))
        return result
    }

    private static func maskQuery(_ rest: String) -> String {
        guard let question = rest.firstIndex(of: "?") else { return rest }
        let fragmentStart = rest[question...].firstIndex(of: "#") ?? rest.endIndex
        let query = rest[rest.index(after: question)..<fragmentStart]
        let masked = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "="), isSecretName(String(pair[..<equals])) || pair[..<equals].lowercased() == "key" else { return String(pair) }
            return pair[...equals] + mask
        }
        return rest[...question] + masked.joined(separator: "&") + rest[fragmentStart...]
    }
}
