/// What an `http` check requests and expects.
public struct HTTPCheckSpec: Sendable, Equatable {
    /// The URL to fetch (http or https).
    public var url: String
    /// Request method; `GET` unless configured.
    public var method: String = "GET"
    /// Extra request headers, in configured order.
    public var headers: [HTTPHeader] = []
    /// Statuses that count as up; empty means any 2xx or 3xx.
    public var expectedStatuses: [Int] = []
    /// A substring the body must contain.
    public var bodyContains: String?
    /// JSON fields the body must have: dotted path (`status`, `checks.db.state`) → expected text.
    public var jsonEquals: [JSONExpectation] = []
    /// Latency thresholds in milliseconds (total transfer time).
    public var latencyMs: Thresholds?
    /// Whether to follow redirects (off by default: a health endpoint that redirects is news).
    public var followRedirects: Bool = false
    /// Whether to verify the server's TLS certificate (on by default).
    public var verifyTLS: Bool = true
    /// Days left on the server certificate (lower is worse); https only.
    public var certificateDaysLeft: Thresholds?
    /// Credentials sent with the request; never printed.
    public var auth: HTTPAuth?

    /// Creates a spec for `url` with defaults for everything else.
    public init(url: String) { self.url = url }
}

extension HTTPCheckSpec: CheckSpec {
    static let kindName = "http"

    static func decode(_ reader: inout MappingReader, check name: String, decoder: CheckConfigDecoder) throws(ConfigError) -> Self {
        let urlNode = reader.node("url")
        guard let urlNode else { throw reader.missingKeyError(["url"], "\(kindName) check '\(name)' needs a 'url'") }
        let url = try reader.httpURL(urlNode, key: "url")
        var spec = HTTPCheckSpec(url: url)
        if let method = try reader.string("method") {
            let upper = method.uppercased()
            guard ["GET", "HEAD", "POST", "PUT", "OPTIONS", "PATCH", "DELETE"].contains(upper) else {
                throw reader.error("'\(reader.keyPath("method"))' must be an HTTP method such as GET or HEAD", at: reader.node("method")!)
            }
            spec.method = upper
        }
        if var headers = try reader.mapping("headers") {
            for pair in headers.node.mappingPairs ?? [] {
                guard let key = pair.key.scalar?.text else { continue }
                headers.accept([key])
                spec.headers.append(HTTPHeader(name: key, value: try headers.string(pair.value, path: headers.keyPath(key))))
            }
        }
        if var expect = try reader.mapping("expect") {
            spec.expectedStatuses = try expect.intList("status", range: 100...599) ?? []
            spec.bodyContains = try expect.string("body_contains")
            if var json = try expect.mapping("json") {
                for pair in json.node.mappingPairs ?? [] {
                    guard let key = pair.key.scalar?.text else { continue }
                    json.accept([key])
                    guard let scalar = pair.value.scalar else {
                        throw json.error("'\(json.keyPath(key))' must be a single value to compare with", at: pair.value)
                    }
                    let expected = scalar.coreValue == .null && scalar.style == .plain ? "null" : try json.string(pair.value, path: json.keyPath(key))
                    spec.jsonEquals.append(JSONExpectation(path: key, expected: expected))
                }
            }
            try expect.finish()
        }
        spec.latencyMs = try reader.durationThresholds("latency")
        spec.followRedirects = try reader.bool("follow_redirects") ?? false
        spec.verifyTLS = try reader.bool("verify_tls") ?? true
        spec.certificateDaysLeft = try reader.numberThresholds("certificate_days_left", range: 0...10_000, lowerIsWorse: true)
        spec.auth = try HTTPAuth.decode(&reader, decoder: decoder)
        return spec
    }

    func probe(check: String, timeout: Duration) async -> CheckResult {
        await HTTPCheck.run(name: check, spec: self, timeout: timeout)
    }

    var effectiveMembers: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [("url", .string(SecretMasker.maskURL(url))), ("method", .string(method))]
        if !headers.isEmpty {
            members.append(("headers", .object(headers.map {
                ($0.name, .string(SecretMasker.isSecretName($0.name) ? SecretMasker.mask : $0.value))
            })))
        }
        var expect: [(String, JSONValue)] = []
        expect.append(("status", expectedStatuses.isEmpty ? .string("2xx or 3xx") : .array(expectedStatuses.map { .int(Int64($0)) })))
        if let body = bodyContains { expect.append(("body_contains", .string(body))) }
        if !jsonEquals.isEmpty { expect.append(("json", .object(jsonEquals.map { ($0.path, .string($0.expected)) }))) }
        members.append(("expect", .object(expect)))
        if let latencyMs { members.append(("latency", EffectiveConfig.thresholdsJSON(latencyMs, unit: "ms"))) }
        members.append(("follow_redirects", .bool(followRedirects)))
        members.append(("verify_tls", .bool(verifyTLS)))
        if let days = certificateDaysLeft { members.append(("certificate_days_left", EffectiveConfig.thresholdsJSON(days, unit: nil))) }
        switch auth {
        case .basic(let user, _)?: members.append(("auth", .object([("username", .string(user)), ("password", .string(SecretMasker.mask))])))
        case .bearer?: members.append(("auth", .object([("token", .string(SecretMasker.mask))])))
        case nil: break
        }
        return members
    }

    var latencyThresholds: Thresholds? { latencyMs }

    var secretForms: [String] {
        var secrets = SecretVariants.urlCredentialForms(url)
        secrets += headers.filter { SecretMasker.isSecretName($0.name) }.flatMap { SecretCollector.headerValueForms($0.value) }
        switch auth {
        case .basic(let user, let password)?: secrets += SecretVariants.basicCredentialForms(user: user, password: password)
        case .bearer(let token)?: secrets += SecretVariants.forms(of: token)
        case nil: break
        }
        return secrets
    }
}
