#if canImport(Glibc)
import Glibc
#endif

/// Services of docker compose files: their published ports, container names (with
/// `${VAR:-default}` resolved) and healthcheck commands.
public enum ComposeSource {
    /// A published port of a service.
    public struct PublishedPort: Sendable, Equatable {
        /// Host address it is bound to, if restricted.
        public var hostIP: String?
        /// Port on the host.
        public var published: Int
        /// Port inside the container.
        public var target: Int
    }

    /// The compose files `discover` reads by default: `docker-compose*.yml`/`.yaml` and
    /// `docker/compose/*.yml` in `directory`.
    public static func defaultFiles(in directory: String) -> [String] {
        var files: [String] = []
        for (folder, prefix) in [(directory, "docker-compose"), (directory + "/docker/compose", "")] {
            guard let handle = opendir(folder) else { continue }
            defer { closedir(handle) }
            var names: [String] = []
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name.hasPrefix(prefix), name.hasSuffix(".yml") || name.hasSuffix(".yaml") { names.append(name) }
            }
            files += names.sorted().map { "\(folder)/\($0)" }
        }
        return files
    }

    /// Findings from one parsed compose file; `label` names the file in `origin`.
    public static func findings(root: YAMLNode?, label: String, environment: [String: String]) -> [DiscoveryFinding] {
        guard let services = root?["services"]?.mappingPairs else { return [] }
        let interpolation = EnvironmentInterpolation(environment: environment)
        // Passwords the file itself holds (`environment: {REDIS_PASSWORD: …}`, `--requirepass …`)
        // never reach a note, even when a command quotes them somewhere the masker cannot tell.
        let secrets = literalSecrets(root: root, environment: environment)
        var found: [DiscoveryFinding] = []
        for service in services {
            guard let serviceName = service.key.scalar?.text else { continue }
            let body = service.value
            let image = body["image"]?.scalar?.text ?? ""
            var notes: [String] = []
            if let container = body["container_name"]?.scalar?.text {
                notes.append("container \((try? interpolation.expand(container)) ?? container)")
            }
            if let test = healthcheck(body["healthcheck"]?["test"]) { notes.append("healthcheck: \(test)") }
            notes = notes.map { note in secrets.reduce(note) { $0.replacing($1, with: SecretMasker.mask) } }
            let ports = (body["ports"]?.sequenceItems ?? []).compactMap { parsePort($0, interpolation: interpolation) }
            for port in ports {
                let kind = kind(image: image, service: serviceName, targetPort: port.target)
                var name = ConfigSource.slugify(serviceName)
                if ports.count > 1, kind != primaryKind(image: image, service: serviceName) { name += "-\(kind == HTTPCheckSpec.kindName ? "http" : String(port.target))" }
                found.append(DiscoveryFinding(source: .compose, origin: "\(label):\(serviceName)", name: name, kind: kind,
                                              host: port.hostIP, port: port.published, path: kind == HTTPCheckSpec.kindName ? "/" : nil,
                                              notes: notes))
            }
        }
        return found
    }

    /// The kind the service's image says it is (`redis:7` → redis).
    static func primaryKind(image: String, service: String) -> String {
        let repository = image.split(separator: ":").first.map(String.init) ?? image
        let base = (repository.split(separator: "/").last.map(String.init) ?? repository).lowercased()
        if ["redis", "redis-stack-server", "valkey"].contains(base) { return RedisCheckSpec.kindName }
        if base == "neo4j" { return Neo4jCheckSpec.kindName }
        if base == "postgis" || base.hasPrefix("postgres") { return PostgresCheckSpec.kindName }
        if ["grafana", "prometheus", "redis-commander", "neo4j-browser", "nginx", "caddy"].contains(base) { return HTTPCheckSpec.kindName }
        return TCPCheckSpec.kindName
    }

    /// Neo4j publishes Bolt and its HTTP browser; the rest have one protocol per image.
    static func kind(image: String, service: String, targetPort: Int) -> String {
        let primary = primaryKind(image: image, service: service)
        if primary == Neo4jCheckSpec.kindName, targetPort == 7474 || targetPort == 7473 { return HTTPCheckSpec.kindName }
        return primary
    }

    /// Short (`"127.0.0.1:8080:80"`, `"6379:6379/tcp"`) or long (`{published, target, host_ip}`) syntax;
    /// nil for ports not published on a fixed host port, ranges and UDP.
    static func parsePort(_ node: YAMLNode, interpolation: EnvironmentInterpolation) -> PublishedPort? {
        if node.mappingPairs != nil {
            if let protocolName = node["protocol"]?.scalar?.text, protocolName != "tcp" { return nil }
            guard let target = node["target"]?.scalar.flatMap({ Int($0.text) }),
                  let publishedText = node["published"]?.scalar?.text,
                  let published = Int((try? interpolation.expand(publishedText)) ?? publishedText) else { return nil }
            return PublishedPort(hostIP: node["host_ip"]?.scalar?.text, published: published, target: target)
        }
        guard let raw = node.scalar?.text else { return nil }
        var text = (try? interpolation.expand(raw)) ?? raw
        if let slash = text.firstIndex(of: "/") {
            guard text[text.index(after: slash)...] == "tcp" else { return nil }
            text = String(text[..<slash])
        }
        var hostIP: String?
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            hostIP = String(text[text.index(after: text.startIndex)..<close])
            text = String(text[text.index(after: close)...].dropFirst())
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 2:
            guard let published = Int(parts[0]), let target = Int(parts[1]) else { return nil }
            return PublishedPort(hostIP: hostIP, published: published, target: target)
        case 3:
            guard let published = Int(parts[1]), let target = Int(parts[2]) else { return nil }
            return PublishedPort(hostIP: parts[0].isEmpty ? hostIP : parts[0], published: published, target: target)
        default:
            return nil
        }
    }

    /// `["CMD", "redis-cli", "ping"]` → `redis-cli ping`; `CMD-SHELL` strings as they are.
    /// Credentials on the command line are masked (`redis-cli -a ******** ping`).
    static func healthcheck(_ node: YAMLNode?) -> String? {
        guard let node else { return nil }
        if let text = node.scalar?.text { return CommandLineMasker.mask(shell: text) }
        let words = (node.sequenceItems ?? []).compactMap { $0.scalar?.text }
        guard let first = words.first, first != "NONE" else { return nil }
        if first == "CMD-SHELL" { return words.count > 1 ? CommandLineMasker.mask(shell: words.dropFirst().joined(separator: " ")) : nil }
        let command = first == "CMD" ? Array(words.dropFirst()) : words
        return command.isEmpty ? nil : CommandLineMasker.mask(words: command).joined(separator: " ")
    }

    /// Values of secret-named keys and `NAME=value` list entries with a secret name, the
    /// file's URL credentials, and the passwords its commands carry (`--requirepass X`).
    static func literalSecrets(root: YAMLNode?, environment: [String: String]) -> [String] {
        var secrets = SecretCollector.collect(root: root, checks: [], environment: environment)
        func walk(_ node: YAMLNode) {
            switch node.content {
            case .mapping(let pairs): pairs.forEach { walk($0.value) }
            case .sequence(let items):
                let words = items.compactMap { $0.scalar?.text }
                for (word, masked) in zip(words, CommandLineMasker.mask(words: words)) where masked != word {
                    secrets += SecretVariants.forms(of: secretPart(of: word, masked: masked))
                }
                items.forEach(walk)
            case .scalar(let scalar):
                let masked = CommandLineMasker.mask(shell: scalar.text)
                guard masked != scalar.text else { return }
                let words = ShellWord.split(scalar.text).map(\.text)
                for (word, maskedWord) in zip(words, CommandLineMasker.mask(words: words)) where maskedWord != word {
                    secrets += SecretVariants.forms(of: secretPart(of: word, masked: maskedWord))
                }
            }
        }
        if let root { walk(root) }
        return secrets.filter { $0.count >= 4 && !$0.hasPrefix("$") }.sorted { $0.count > $1.count }
    }

    /// What masking removed from `word`: the text after the common prefix (`--password=X` → `X`).
    private static func secretPart(of word: String, masked: String) -> String {
        let common = zip(word, masked).prefix { $0 == $1 }.count
        return String(word.dropFirst(common))
    }
}
