/// One entry of `monitoring.alerts.rules`: the common fields (name, check, severity,
/// labels, summary, runbook) around a kind-specific condition.
public struct AlertRule: Sendable {
    /// Every kind, as written in `kind:`.
    static let kinds = ["status", "threshold", "availability", "absent", "forecast", "anomaly", "carbon"]

    /// Unique name; the alert's `alertname` label.
    public var name: String
    /// The check it is about; nil: every check (one alert per check), or none for carbon.
    public var check: String?
    /// info, warning (default) or critical.
    public var severity: AlertSeverity
    /// Extra labels (part of the fingerprint), sorted by key.
    public var labels: [(String, String)]
    /// The summary template; nil: the kind's default.
    public var summary: String?
    /// A link to what to do.
    public var runbookURL: String?
    /// The kind-specific part.
    let condition: any AlertCondition
    /// Where the rule starts in the config.
    public var location: SourceLocation?

    /// `kind:`.
    public var kind: String { condition.kind }

    /// Reads one rule; `checkNames` are the configured checks (nil: not validated).
    static func read(_ reader: inout MappingReader, checkNames: [String]?,
                     carbonDailyThresholdKg: Double? = nil) throws(ConfigError) -> AlertRule {
        let name = try reader.string("name", required: true) ?? ""
        guard !name.isEmpty else { throw reader.document.error("'\(reader.keyPath("name"))' must not be empty", at: reader.node.location) }
        guard let kindNode = reader.node("kind") else {
            throw reader.missingKeyError(["kind"], "missing required key 'kind' in '\(reader.path)' (one of \(kinds.joined(separator: ", ")))")
        }
        let kind = try reader.string(kindNode, path: reader.keyPath("kind"))
        let condition: any AlertCondition
        switch kind {
        case "status": condition = try StatusRule.read(&reader)
        case "threshold": condition = try ThresholdRule.read(&reader)
        case "availability": condition = try AvailabilityRule.read(&reader)
        case "absent": condition = try AbsentRule.read(&reader)
        case "forecast": condition = try ForecastRule.read(&reader)
        case "anomaly": condition = try AnomalyRule.read(&reader)
        case "carbon": condition = try CarbonRule.read(&reader, dailyThresholdKg: carbonDailyThresholdKg)
        default:
            var message = "unknown rule kind '\(kind)' in '\(reader.keyPath("kind"))'"
            if let hint = EditDistance.suggestion(for: kind, among: kinds) { message += "; did you mean '\(hint)'?" }
            else { message += " (known: \(kinds.joined(separator: ", ")))" }
            throw reader.error(message, at: kindNode)
        }
        var check: String?
        if let checkNode = reader.node("check") {
            let text = try reader.string(checkNode, path: reader.keyPath("check"))
            guard condition.isPerCheck else {
                throw reader.error("'\(reader.keyPath("check"))': a \(kind) rule is not about one check", at: checkNode)
            }
            if let checkNames, !checkNames.contains(text) {
                var message = "unknown check '\(text)' in '\(reader.keyPath("check"))'"
                if let hint = EditDistance.suggestion(for: text, among: checkNames) { message += "; did you mean '\(hint)'?" }
                else if !checkNames.isEmpty { message += " (configured: \(checkNames.joined(separator: ", ")))" }
                throw reader.error(message, at: checkNode)
            }
            check = text
        }
        var severity = AlertSeverity.warning
        if let node = reader.node("severity") {
            let text = try reader.string(node, path: reader.keyPath("severity"))
            guard let parsed = AlertSeverity(rawValue: text) else {
                throw reader.error("'\(reader.keyPath("severity"))' must be info, warning or critical, got '\(text)'", at: node)
            }
            severity = parsed
        }
        var labels: [(String, String)] = []
        if var labelReader = try reader.mapping("labels") {
            for pair in labelReader.node.mappingPairs ?? [] {
                guard let key = pair.key.scalar?.text else { continue }
                labels.append((key, try labelReader.string(key) ?? ""))
            }
            try labelReader.finish()
        }
        var summary = try reader.string("summary")
        var runbookURL = try reader.string("runbook_url")
        if var annotations = try reader.mapping("annotations") {
            summary = try annotations.string("summary") ?? summary
            runbookURL = try annotations.string("runbook_url") ?? runbookURL
            try annotations.finish()
        }
        try reader.finish()
        return AlertRule(name: name, check: check, severity: severity, labels: labels.sorted { $0.0 < $1.0 },
                         summary: summary, runbookURL: runbookURL, condition: condition, location: reader.node.location)
    }

    /// The summary for one observation: `{{check}}`, `{{value}}`, `{{threshold}}`, `{{rule}}`,
    /// `{{severity}}` and the kind's own placeholders filled in; unknown ones stay as written.
    func renderSummary(check: String?, observation: AlertObservation) -> String {
        var values = condition.configPlaceholders.merging(observation.placeholders) { $1 }
        values["check"] = check ?? "-"
        values["rule"] = name
        values["severity"] = severity.rawValue
        values["value"] = AlertNumber.text(observation.value)
        values["threshold"] = AlertNumber.text(observation.threshold)
        var text = summary ?? condition.defaultSummary
        for (key, value) in values { text = text.replacing("{{\(key)}}", with: value) }
        return text
    }

    /// The rule as `config show` prints it.
    var effectiveJSON: JSONValue {
        .object([("name", .string(name)), ("kind", .string(kind)), ("check", .text(check))] + condition.settings + [
            ("severity", .string(severity.rawValue)),
            ("labels", .object(labels.map { ($0.0, .string($0.1)) })),
            ("summary", .string(summary ?? condition.defaultSummary)), ("runbook_url", .text(runbookURL)),
        ])
    }
}
