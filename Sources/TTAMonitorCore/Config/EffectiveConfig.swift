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
                    ("failure_threshold", .int(Int64(config.defaults.failureThreshold))),
                    ("success_threshold", .int(Int64(config.defaults.successThreshold))),
                    ("interval", config.defaults.interval.map { .string(DurationParser.format($0)) } ?? .null),
                ])),
                ("checks", .array(config.checks.map(checkJSON))),
                ("alerts", config.alerts.effectiveJSON),
                ("carbon", config.carbon.effectiveJSON),
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
            if let days = spec.certificateDaysLeft { members.append(("certificate_days_left", thresholdsJSON(days, unit: nil))) }
            switch spec.auth {
            case .basic(let user, _)?: members.append(("auth", .object([("username", .string(user)), ("password", .string(SecretMasker.mask))])))
            case .bearer?: members.append(("auth", .object([("token", .string(SecretMasker.mask))])))
            case nil: break
            }
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
            if let free = spec.freeBytes { members.append(("free_mb", thresholdsJSON(free, unit: nil, scale: 1.0 / 1_048_576))) }
            if let inodes = spec.inodesUsedPercent { members.append(("inodes_used_percent", thresholdsJSON(inodes, unit: nil))) }
        case .tls(let spec):
            members.append(("host", .string(spec.host)))
            members.append(("port", .int(Int64(spec.port))))
            if let serverName = spec.serverName { members.append(("server_name", .string(serverName))) }
            if let days = spec.daysLeft { members.append(("days_left", thresholdsJSON(days, unit: nil))) }
            members.append(("verify", .bool(spec.verify)))
        case .neo4j(let spec):
            members.append(("host", .string(spec.host)))
            members.append(("port", .int(Int64(spec.port))))
            if let url = spec.httpURL { members.append(("http_url", .string(SecretMasker.maskURL(url)))) }
            if let latency = spec.latencyMs { members.append(("latency", thresholdsJSON(latency, unit: "ms"))) }
        case .postgres(let spec):
            members.append(("host", .string(spec.host)))
            members.append(("port", .int(Int64(spec.port))))
            members.append(("user", .string(spec.user)))
            if let database = spec.database { members.append(("database", .string(database))) }
            if let latency = spec.latencyMs { members.append(("latency", thresholdsJSON(latency, unit: "ms"))) }
        case .memory(let spec):
            if let used = spec.usedPercent { members.append(("used_percent", thresholdsJSON(used, unit: nil))) }
            if let swap = spec.swapUsedPercent { members.append(("swap_used_percent", thresholdsJSON(swap, unit: nil))) }
        case .load(let spec):
            for (key, value) in [("load1", spec.load1), ("load5", spec.load5), ("load15", spec.load15)] {
                if let value { members.append((key, thresholdsJSON(value, unit: nil))) }
            }
        case .process(let spec):
            if let name = spec.name { members.append(("process_name", .string(name))) }
            if let pattern = spec.commandPattern { members.append(("command_pattern", .string(pattern))) }
            var count: [(String, JSONValue)] = [("min", .int(Int64(spec.minCount)))]
            if let maximum = spec.maxCount { count.append(("max", .int(Int64(maximum)))) }
            members.append(("count", .object(count)))
            if let cpu = spec.cpuPercent { members.append(("cpu_percent", thresholdsJSON(cpu, unit: nil))) }
            if let rss = spec.rssBytes { members.append(("rss_mb", thresholdsJSON(rss, unit: nil, scale: 1.0 / 1_048_576))) }
        case .command(let spec):
            members.append(("command", .array(CommandLineMasker.mask(argv: spec.argv).map { .string($0) })))
            if !spec.environment.isEmpty {
                members.append(("environment", .object(spec.environment.keys.sorted().map {
                    ($0, .string(SecretMasker.isSecretName($0) ? SecretMasker.mask : spec.environment[$0]!))
                })))
            }
            if let directory = spec.workingDirectory { members.append(("working_directory", .string(directory))) }
            members.append(("max_output_bytes", .int(Int64(spec.maxOutputBytes))))
        case .fileAge(let spec):
            members.append(("path", .string(spec.path)))
            members.append(("max_age", thresholdsJSON(spec.maxAgeMs, unit: "ms")))
        case .prometheus(let spec):
            members.append(("url", .string(SecretMasker.maskURL(spec.url))))
            members.append(("series", .array(spec.series.map { rule in
                var entry: [(String, JSONValue)] = [("metric", .string(rule.metric))]
                if !rule.labels.isEmpty { entry.append(("labels", .object(rule.labels.keys.sorted().map { ($0, .string(rule.labels[$0]!)) }))) }
                if let thresholds = rule.thresholds {
                    entry.append(("direction", .string(thresholds.lowerIsWorse ? "below" : "above")))
                    if let warning = thresholds.warning { entry.append(("warning", .double(warning))) }
                    if let critical = thresholds.critical { entry.append(("critical", .double(critical))) }
                }
                entry.append(("required", .bool(rule.required)))
                return .object(entry)
            })))
        }
        if let failures = check.failureThreshold { members.append(("failure_threshold", .int(Int64(failures)))) }
        if let successes = check.successThreshold { members.append(("success_threshold", .int(Int64(successes)))) }
        return .object(members)
    }

    private func thresholdsJSON(_ thresholds: Thresholds, unit: String?, scale: Double = 1) -> JSONValue {
        func value(_ raw: Double?) -> JSONValue {
            guard let raw else { return .null }
            let number = raw * scale
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
