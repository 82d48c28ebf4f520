/// Decodes `monitoring.checks` entries into `CheckConfig` values.
struct CheckConfigDecoder {
    /// Kinds this version runs, in registry order.
    static var supportedKinds: [String] { CheckKindRegistry.names }
    /// Kinds of the design that later work adds; named so the error can say "not yet".
    static let plannedKinds: [String] = []

    let document: ConfigDocument
    let interpolation: EnvironmentInterpolation

    func decodeAll(_ node: YAMLNode, path: String) throws(ConfigError) -> [CheckConfig] {
        var problems = ConfigProblems()
        let checks = decodeAll(node, path: path, problems: &problems)
        try problems.throwIfAny()
        return checks
    }

    /// Decodes every entry, recording each broken one in `problems` and going on with the
    /// next, so every broken check is reported at once. Returns the entries that decoded.
    func decodeAll(_ node: YAMLNode, path: String, problems: inout ConfigProblems) -> [CheckConfig] {
        guard let items = node.sequenceItems else {
            problems.record(document.error("'\(path)' must be a list of checks (each starting with '- name:')", at: node.location))
            return []
        }
        var checks: [CheckConfig] = []
        var decodedItems: [YAMLNode] = []
        var seen: [String: SourceLocation] = [:]
        let before = problems.errors.count
        for (index, item) in items.enumerated() {
            guard let check = problems.attempt({ () throws(ConfigError) in try decode(item, path: "\(path)[\(index)]") }) else { continue }
            if let first = seen[check.name] {
                problems.record(document.error("duplicate check name '\(check.name)' (first defined at \(first.line):\(first.column))", at: item["name"]?.location ?? item.location))
                continue
            }
            seen[check.name] = item["name"]?.location ?? item.location
            checks.append(check)
            decodedItems.append(item)
        }
        // Dependencies name other checks: only meaningful once every entry decoded.
        if problems.errors.count == before {
            problems.attempt { () throws(ConfigError) in try validateDependencies(checks, items: decodedItems) }
        }
        return checks
    }

    private func decode(_ node: YAMLNode, path: String) throws(ConfigError) -> CheckConfig {
        var reader = try MappingReader(node, path: path, document: document, interpolation: interpolation)
        guard let name = try reader.string("name", required: true) else { fatalError("unreachable") }
        guard Self.isValidName(name) else {
            throw document.error("check name '\(name)' may contain only letters, digits, '-', '_' and '.'", at: node["name"]?.location ?? node.location)
        }
        let checkPath = "\(path) (\(name))"
        guard let typeNode = reader.node("type") else {
            throw reader.missingKeyError(["type"], "check '\(name)' has no 'type' (one of \(Self.supportedKinds.joined(separator: ", ")))")
        }
        let type = try reader.string(typeNode, path: "\(checkPath).type")
        guard let registered = CheckKindRegistry.kind(named: type) else {
            if Self.plannedKinds.contains(type) {
                throw reader.error("check type '\(type)' is not supported yet by this version; supported: \(Self.supportedKinds.joined(separator: ", "))", at: typeNode)
            }
            var message = "unknown check type '\(type)'"
            if let hint = EditDistance.suggestion(for: type, among: Self.supportedKinds + Self.plannedKinds) {
                message += "; did you mean '\(hint)'?"
            }
            throw reader.error(message, at: typeNode)
        }
        let kind = CheckKind(try registered.decode(&reader, check: name, decoder: self))
        var check = CheckConfig(name: name, kind: kind)
        check.location = node.location
        check.timeout = try reader.positiveDuration("timeout", default: nil)
        check.interval = try reader.positiveDuration("interval", default: nil)
        check.critical = try reader.bool("critical") ?? false
        check.dependsOn = try reader.stringList("depends_on") ?? []
        check.description = try reader.string("description")
        check.retries = try reader.int("retries", range: 0...10)
        check.failureThreshold = try reader.int("failure_threshold", range: 1...100)
        check.successThreshold = try reader.int("success_threshold", range: 1...100)
        try reader.finish()
        return check
    }

    /// `host` + `port`, or a `url` like `tcp://host:port` when `scheme` is given.
    func hostAndPort(_ reader: inout MappingReader, scheme: String?, defaultPort: Int?) throws(ConfigError) -> (String, Int) {
        if let scheme, let urlNode = reader.node("url") {
            let url = try reader.string(urlNode, path: reader.keyPath("url"))
            guard let parsed = HostPort.parse(url, scheme: scheme) else {
                throw reader.error("'\(reader.keyPath("url"))' must look like \(scheme)://host:port", at: urlNode)
            }
            return parsed
        }
        guard let host = try reader.string("host"), !host.trimmingWhitespace().isEmpty else {
            throw reader.missingKeyError(scheme == nil ? ["host"] : ["host", "url"], "'\(reader.path)' needs 'host' and 'port'" + (scheme.map { " (or url: \($0)://host:port)" } ?? ""))
        }
        guard let port = try reader.int("port", range: 1...65_535) ?? defaultPort else {
            throw reader.missingKeyError(["port"], "'\(reader.path)' needs a 'port'")
        }
        return (host, port)
    }

    private func validateDependencies(_ checks: [CheckConfig], items: [YAMLNode]) throws(ConfigError) {
        let names = checks.map(\.name)
        for (check, item) in zip(checks, items) {
            for dependency in check.dependsOn where !names.contains(dependency) {
                var message = "check '\(check.name)' depends on unknown check '\(dependency)'"
                if let hint = EditDistance.suggestion(for: dependency, among: names) { message += "; did you mean '\(hint)'?" }
                throw document.error(message, at: item["depends_on"]?.location ?? item.location)
            }
            if check.dependsOn.contains(check.name) {
                throw document.error("check '\(check.name)' depends on itself", at: item["depends_on"]?.location ?? item.location)
            }
        }
        // Depth-first search for cycles: a cycle would make every member wait on the others.
        var state: [String: Int] = [:]
        let byName = Dictionary(uniqueKeysWithValues: zip(names, zip(checks, items)))
        func visit(_ name: String, trail: [String]) throws(ConfigError) {
            if state[name] == 2 { return }
            if state[name] == 1 {
                let cycle = (trail.drop { $0 != name } + [name]).joined(separator: " -> ")
                let item = byName[name]!.1
                throw document.error("dependency cycle: \(cycle)", at: item["depends_on"]?.location ?? item.location)
            }
            state[name] = 1
            for next in byName[name]!.0.dependsOn { try visit(next, trail: trail + [name]) }
            state[name] = 2
        }
        for name in names { try visit(name, trail: []) }
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 128 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }
}

/// Splits `scheme://[user:password@]host:port` (IPv6 in brackets). Credentials are dropped:
/// `tcp`, `tls` and the Bolt handshake need none, and a host name must never carry them into
/// messages (`could not resolve host 'neo4j:pw@localhost'`).
enum HostPort {
    static func parse(_ url: String, scheme: String) -> (String, Int)? {
        guard url.lowercased().hasPrefix(scheme + "://"), let parts = URLParts.parse(url),
              parts.rest.isEmpty || parts.rest == "/" else { return nil }
        guard !parts.host.isEmpty, !parts.host.contains(where: { "[]@ ".contains($0) }),
              let port = parts.port, (1...65_535).contains(port) else { return nil }
        return (parts.host, port)
    }
}
