/// Gathers the literal secret values a config holds, so the redactor can remove them from
/// anything a target echoes back (an AUTH error quoting the password, a URL in a message).
enum SecretCollector {
    /// Values of every key named like a secret anywhere in the file (TTA's own sections
    /// included: `neo4j_password`, `jwt_secret_key`, `api_key`), `${VAR}` expanded where
    /// possible, the credentials of every URL in the file, plus the secrets inside the typed
    /// checks (auth, headers); each in the forms a service may echo (`SecretVariants`).
    static func collect(root: YAMLNode?, checks: [CheckConfig], environment: [String: String]) -> [String] {
        var secrets: [String] = []
        let interpolation = EnvironmentInterpolation(environment: environment)
        func walk(_ node: YAMLNode) {
            switch node.content {
            case .mapping(let pairs):
                for pair in pairs {
                    if let key = pair.key.scalar?.text, SecretMasker.isSecretName(key), let value = pair.value.scalar {
                        secrets += SecretVariants.forms(of: (try? interpolation.expand(value.text)) ?? value.text)
                    }
                    walk(pair.value)
                }
            case .sequence(let items): items.forEach(walk)
            case .scalar(let scalar):
                // Credentials in any URL of the file, whatever its key or check kind (a Bolt
                // URL, an Alertmanager URL, a base_url of TTA's own sections).
                // A byte test first: almost no scalar holds an '@', and String.contains is slow.
                if scalar.text.utf8.contains(UInt8(ascii: "@")), scalar.text.contains("://") {
                    secrets += SecretVariants.urlCredentialForms((try? interpolation.expand(scalar.text)) ?? scalar.text)
                }
            }
        }
        if let root { walk(root) }
        for check in checks {
            secrets += check.kind.spec.secretForms
        }
        return secrets.filter { !$0.isEmpty && !$0.hasPrefix("${") }
    }

    /// A secret header's value, and for `Basic …`/`Bearer …` the credential after the scheme
    /// word too (an echo may quote it alone).
    static func headerValueForms(_ value: String) -> [String] {
        var forms = SecretVariants.forms(of: value)
        for scheme in ["basic ", "bearer "] where value.lowercased().hasPrefix(scheme) {
            forms += SecretVariants.forms(of: String(value.dropFirst(scheme.count)).trimmingWhitespace())
        }
        return forms
    }
}
