/// Gathers the literal secret values a config holds, so the redactor can remove them from
/// anything a target echoes back (an AUTH error quoting the password, a URL in a message).
enum SecretCollector {
    /// Values of every key named like a secret anywhere in the file (TTA's own sections
    /// included: `neo4j_password`, `jwt_secret_key`, `api_key`), `${VAR}` expanded where
    /// possible, plus the secrets inside the typed checks (URL passwords, auth, headers).
    static func collect(root: YAMLNode?, checks: [CheckConfig], environment: [String: String]) -> [String] {
        var secrets: [String] = []
        let interpolation = EnvironmentInterpolation(environment: environment)
        func walk(_ node: YAMLNode) {
            switch node.content {
            case .mapping(let pairs):
                for pair in pairs {
                    if let key = pair.key.scalar?.text, SecretMasker.isSecretName(key), let value = pair.value.scalar {
                        secrets.append((try? interpolation.expand(value.text)) ?? value.text)
                    }
                    walk(pair.value)
                }
            case .sequence(let items): items.forEach(walk)
            case .scalar: break
            }
        }
        if let root { walk(root) }
        for check in checks {
            switch check.kind {
            case .http(let spec):
                secrets += urlPasswords(spec.url)
                secrets += spec.headers.filter { SecretMasker.isSecretName($0.name) }.map(\.value)
                switch spec.auth {
                case .basic(_, let password)?: secrets.append(password)
                case .bearer(let token)?: secrets.append(token)
                case nil: break
                }
            case .redis(let spec):
                if let password = spec.password { secrets.append(password) }
            case .neo4j(let spec):
                secrets += spec.httpURL.map(urlPasswords) ?? []
            case .prometheus(let spec):
                secrets += urlPasswords(spec.url)
            case .command(let spec):
                secrets += spec.environment.filter { SecretMasker.isSecretName($0.key) }.map(\.value)
            default:
                break
            }
        }
        return secrets.filter { !$0.isEmpty && !$0.hasPrefix("${") }
    }

    /// The password part of `scheme://user:password@host`, if any.
    static func urlPasswords(_ url: String) -> [String] {
        guard let schemeEnd = url.firstRange(of: "://") else { return [] }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@") else { return [] }
        let userInfo = authority[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return [] }
        let password = String(userInfo[userInfo.index(after: colon)...])
        return password.isEmpty ? [] : [password]
    }
}
