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
        members += check.kind.spec.effectiveMembers
        if let failures = check.failureThreshold { members.append(("failure_threshold", .int(Int64(failures)))) }
        if let successes = check.successThreshold { members.append(("success_threshold", .int(Int64(successes)))) }
        return .object(members)
    }

    /// A warning/critical pair as `config show` prints it: with `unit`, as text such as
    /// `300ms`; without, as numbers (`scale` converts stored bytes back to configured MB).
    static func thresholdsJSON(_ thresholds: Thresholds, unit: String?, scale: Double = 1) -> JSONValue {
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
