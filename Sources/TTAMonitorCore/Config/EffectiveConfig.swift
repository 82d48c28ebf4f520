/// The config as it will be used (defaults filled in, `${VAR}` expanded, secrets masked),
/// for `config show`.
struct EffectiveConfig {
    let config: MonitoringConfig
    let databasePath: String

    var json: JSONValue {
        .object([
            ("schema_version", .int(1)),
            ("file", .string(config.sourcePath)),
            ("monitoring", .object([
                ("enabled", .bool(config.enabled)),
                ("storage", .object([("path", .string(databasePath))])),
                ("defaults", .object([
                    ("timeout", .string(DurationParser.format(config.defaults.timeout))),
                    ("concurrency", .int(Int64(config.defaults.concurrency))),
                    ("retries", .int(Int64(config.defaults.retries))),
                    ("retry_delay", .string(DurationParser.format(config.defaults.retryDelay))),
                    ("interval", config.defaults.interval.map { .string(DurationParser.format($0)) } ?? .null),
                ])),
                ("checks", .array(config.checks.map(checkJSON))),
            ])),
        ])
    }

    private func checkJSON(_ check: CheckConfig) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string(check.name)),
            ("type", .string(check.kind.name)),
            ("timeout", .string(DurationParser.format(config.timeout(for: check, override: nil)))),
        ]
        if let interval = config.interval(for: check) { members.append(("interval", .string(DurationParser.format(interval)))) }
        members.append(("critical", .bool(check.critical)))
        if !check.dependsOn.isEmpty { members.append(("depends_on", .array(check.dependsOn.map { .string($0) }))) }
        if let retries = check.retries { members.append(("retries", .int(Int64(retries)))) }
        if let description = check.description { members.append(("description", .string(description))) }
        switch check.kind {
        case .http(let spec):
            members.append(("url", .string(SecretMasker.maskURL(spec.url))))
            members.append(("method", .string(spec.method)))
            if !spec.headers.isEmpty {
                members.append(("headers", .object(spec.headers.map {
                    ($0.name, .string(SecretMasker.isSecretName($0.name) ? SecretMasker.mask : $0.value))
                })))
            }
            var expect: [(String, JSONValue)] = []
            expect.append(("status", spec.expectedStatuses.isEmpty ? .string("2xx or 3xx") : .array(spec.expectedStatuses.map { .int(Int64($0)) })))
            if let body = spec.bodyContains { expect.append(("body_contains", .string(body))) }
            if !spec.jsonEquals.isEmpty { expect.append(("json", .object(spec.jsonEquals.map { ($0.path, .string($0.expected)) }))) }
            members.append(("expect", .object(expect)))
            if let latency = spec.latencyMs { members.append(("latency", thresholdsJSON(latency, unit: "ms"))) }
            members.append(("follow_redirects", .bool(spec.followRedirects)))
            members.append(("verify_tls", .bool(spec.verifyTLS)))
        case .tcp(let spec):
            members.append(("host", .string(spec.host)))
            members.append(("port", .int(Int64(spec.port))))
            if let latency = spec.latencyMs { members.append(("latency", thresholdsJSON(latency, unit: "ms"))) }
        case .redis(let spec):
            members.append(("host", .string(spec.host)))
            members.append(("port", .int(Int64(spec.port))))
            if let username = spec.username { members.append(("username", .string(username))) }
            if spec.password != nil { members.append(("password", .string(SecretMasker.mask))) }
            if let latency = spec.latencyMs { members.append(("latency", thresholdsJSON(latency, unit: "ms"))) }
            if let memory = spec.memoryPercent { members.append(("memory_percent", thresholdsJSON(memory, unit: nil))) }
        case .disk(let spec):
            members.append(("path", .string(spec.path)))
            if let used = spec.usedPercent { members.append(("used_percent", thresholdsJSON(used, unit: nil))) }
        }
        return .object(members)
    }

    private func thresholdsJSON(_ thresholds: Thresholds, unit: String?) -> JSONValue {
        func value(_ number: Double?) -> JSONValue {
            guard let number else { return .null }
            if let unit { return .string(JSONWriter.format(number) + unit) }
            return .double(number)
        }
        return .object([("warning", value(thresholds.warning)), ("critical", value(thresholds.critical))])
    }

    /// The same document as YAML (block style), since that is what people edit.
    var yaml: String {
        var out = "# effective configuration from \(config.sourcePath) (defaults filled in, secrets masked)\n"
        guard case .object(let members) = json, let monitoring = members.first(where: { $0.0 == "monitoring" })?.1 else { return out }
        out += "monitoring:\n"
        YAMLEmitter.emit(monitoring, indent: 1, into: &out)
        return out
    }
}

/// Prints JSON values as block YAML, quoting strings that would otherwise read as another type.
enum YAMLEmitter {
    static func emit(_ value: JSONValue, indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent)
        switch value {
        case .object(let members):
            for (key, member) in members {
                switch member {
                case .object(let inner) where !inner.isEmpty:
                    out += "\(pad)\(key):\n"
                    emit(member, indent: indent + 1, into: &out)
                case .array(let items) where !items.isEmpty:
                    out += "\(pad)\(key):\n"
                    emit(member, indent: indent + 1, into: &out)
                default:
                    out += "\(pad)\(key): \(scalar(member))\n"
                }
            }
        case .array(let items):
            for item in items {
                if case .object(let members) = item, !members.isEmpty {
                    var nested = ""
                    emit(item, indent: indent + 1, into: &nested)
                    // The first key goes on the dash line, the rest stay aligned under it.
                    let innerPad = String(repeating: "  ", count: indent + 1)
                    out += "\(pad)- " + nested.dropFirst(innerPad.count)
                } else {
                    out += "\(pad)- \(scalar(item))\n"
                }
            }
        default:
            out += "\(pad)\(scalar(value))\n"
        }
    }

    static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return JSONWriter.format(number)
        case .array: return "[]"
        case .object: return "{}"
        case .string(let text):
            let looksNumeric = Double(text) != nil || text.hasPrefix("0x") || text.hasPrefix("0o")
            let plainSafe = !text.isEmpty && !looksNumeric && text.first.map { $0.isLetter || $0.isNumber || $0 == "/" } == true
                && !text.contains(": ") && !text.contains(" #") && !text.hasSuffix(":")
                && !["true", "false", "null", "yes", "no", "on", "off", "~"].contains(text.lowercased())
                && text.allSatisfy { !"\n\t\"'{}[],&*!|>%@`".contains($0) }
            if plainSafe { return text }
            var quoted = ""
            JSONWriter.writeString(text, into: &quoted)
            return quoted
        }
    }
}
