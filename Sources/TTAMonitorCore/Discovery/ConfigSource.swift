/// Components TTA's own `tta_config.yaml` declares: ports and URLs in the sections TTA's
/// services read at start-up. Disabled sections are skipped; passwords never leave here.
public enum ConfigSource {
    /// Findings from the config's root node.
    public static func findings(root: YAMLNode?) -> [DiscoveryFinding] {
        guard let root else { return [] }
        var found: [DiscoveryFinding] = []
        if let player = root["player_experience"], isEnabled(player) {
            if let api = player["api"], let port = int(api["port"]) {
                found.append(DiscoveryFinding(source: .config, origin: "player_experience.api.port", name: "player-api",
                                              kind: HTTPCheckSpec.kindName, host: string(api["host"]), port: port, path: "/health"))
            }
            if let web = player["web"], let port = int(web["port"]) {
                found.append(DiscoveryFinding(source: .config, origin: "player_experience.web.port", name: "player-web",
                                              kind: HTTPCheckSpec.kindName, port: port, path: "/"))
            }
            if let database = player["database"] {
                if let url = string(database["redis_url"]) {
                    found += urlFinding(url, origin: "player_experience.database.redis_url", name: "redis", kind: RedisCheckSpec.kindName,
                                        defaultPort: 6379, secret: "REDIS_PASSWORD")
                }
                if let url = string(database["neo4j_url"]) {
                    found += urlFinding(url, origin: "player_experience.database.neo4j_url", name: "neo4j", kind: Neo4jCheckSpec.kindName,
                                        defaultPort: 7687, secret: "NEO4J_PASSWORD")
                }
            }
        }
        if let web = root["web"], isEnabled(web), let port = int(web["port"]) {
            found.append(DiscoveryFinding(source: .config, origin: "web.port", name: "web", kind: HTTPCheckSpec.kindName, port: port, path: "/"))
        }
        if let orchestration = root["agent_orchestration"], isEnabled(orchestration), let port = int(orchestration["port"]) {
            found.append(DiscoveryFinding(source: .config, origin: "agent_orchestration.port", name: "agent-orchestration",
                                          kind: TCPCheckSpec.kindName, port: port))
        }
        if let providers = root["model_management"]?["providers"] {
            for (provider, name, path) in [("lm_studio", "lm-studio", "/v1/models"), ("ollama", "ollama", "/api/tags")] {
                guard let section = providers[provider], isEnabled(section), let base = string(section["base_url"]) else { continue }
                found += urlFinding(modelsURL(base, path: path), origin: "model_management.providers.\(provider).base_url",
                                    name: name, kind: HTTPCheckSpec.kindName, defaultPort: 80, secret: "LLM_PASSWORD", localOnly: true)
            }
        }
        for environment in ["dev", "prototype", "staging"] {
            guard let section = root["tta.\(environment)"] ?? root["tta"]?[environment], isEnabled(section),
                  let components = section["components"]?.mappingPairs else { continue }
            for pair in components {
                guard let component = pair.key.scalar?.text, isEnabled(pair.value) else { continue }
                let origin = "tta.\(environment).components.\(component)"
                let slug = slugify(component)
                let name = environment == "dev" ? slug : "\(environment)-\(slug)"
                if let base = string(pair.value["api_base"]) {
                    found += urlFinding(modelsURL(base, path: "/v1/models"), origin: origin + ".api_base",
                                        name: component == "llm" ? "lm-studio" : name, kind: HTTPCheckSpec.kindName, defaultPort: 80,
                                        secret: "LLM_PASSWORD", localOnly: true)
                } else if let port = int(pair.value["port"]) {
                    found.append(DiscoveryFinding(source: .config, origin: origin + ".port", name: name,
                                                  kind: kind(forComponent: component), port: port,
                                                  path: kind(forComponent: component) == HTTPCheckSpec.kindName ? "/" : nil))
                }
            }
        }
        return found
    }

    /// The kind a component name implies; unknown services get a plain TCP check.
    static func kind(forComponent component: String) -> String {
        switch component.lowercased() {
        case let name where name.hasPrefix("neo4j"): Neo4jCheckSpec.kindName
        case let name where name.hasPrefix("redis"): RedisCheckSpec.kindName
        case let name where name.hasPrefix("postgres"): PostgresCheckSpec.kindName
        case "app", "api", "web", "streamlit", "ui": HTTPCheckSpec.kindName
        default: TCPCheckSpec.kindName
        }
    }

    /// `http://localhost:1234/v1` and `http://localhost:1234` both become `…/v1/models`.
    static func modelsURL(_ base: String, path: String) -> String {
        var trimmed = base
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        if path == "/v1/models", trimmed.hasSuffix("/v1") { return trimmed + "/models" }
        return trimmed + path
    }

    static func slugify(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    private static func urlFinding(_ url: String, origin: String, name: String, kind: String, defaultPort: Int,
                                   secret: String, localOnly: Bool = false) -> [DiscoveryFinding] {
        guard !url.contains("${"), let parts = URLSecrets.hostAndPort(of: url, defaultPort: defaultPort) else { return [] }
        if localOnly, DiscoveryFinding.normalizedHost(parts.host) != "localhost" { return [] }
        return [DiscoveryFinding(source: .config, origin: origin, name: name, kind: kind, host: parts.host, port: parts.port,
                                 path: parts.path.isEmpty ? nil : parts.path,
                                 url: URLSecrets.placeholder(in: url, variable: secret))]
    }

    private static func isEnabled(_ node: YAMLNode) -> Bool {
        if case .bool(false)? = node["enabled"]?.scalar?.coreValue { return false }
        return true
    }

    private static func int(_ node: YAMLNode?) -> Int? {
        guard let scalar = node?.scalar else { return nil }
        if case .int(let value) = scalar.coreValue, (1...65_535).contains(value) { return Int(value) }
        return Int(scalar.text).flatMap { (1...65_535).contains($0) ? $0 : nil }
    }

    private static func string(_ node: YAMLNode?) -> String? {
        guard let text = node?.scalar?.text, !text.isEmpty else { return nil }
        return text
    }
}
