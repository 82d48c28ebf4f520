extension TerminalSafeText {
    /// `result` as it may be stored and shown: its message on one line, every string of its
    /// details (keys too: a scraped JSON body supplies them), perfdata labels and scraped
    /// label values with their control characters replaced.
    public static func neutralise(_ result: CheckResult) -> CheckResult {
        var copy = result
        copy.message = neutralise(result.message)
        // Details can be large (a scrape's series); most hold nothing to replace, and are
        // then kept as they are rather than rebuilt.
        if needsNeutralising(result.details) { copy.details = neutralise(result.details) }
        copy.perfdata = result.perfdata.map { item in
            var item = item
            item.label = neutralise(item.label)
            return item
        }
        if result.samples.contains(where: { $0.labels.contains { needsNeutralising($0.1) } }) {
            copy.samples = result.samples.map { sample in
                MetricSample(name: sample.name, labels: sample.labels.map { ($0.0, neutralise($0.1)) },
                             value: sample.value, timestampMs: sample.timestampMs)
            }
        }
        return copy
    }

    /// Every string and key inside `value`; strings keep line breaks and tabs (JSON escapes them).
    public static func neutralise(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(neutralise(text, keepingLayout: true))
        case .array(let items): .array(items.map { neutralise($0) })
        case .object(let members): .object(members.map { (neutralise($0.0), neutralise($0.1)) })
        default: value
        }
    }

    /// Whether any string or key inside `value` holds a character `neutralise` replaces.
    static func needsNeutralising(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text): needsNeutralising(text, keepingLayout: true)
        case .array(let items): items.contains { needsNeutralising($0) }
        case .object(let members): members.contains { needsNeutralising($0.0) || needsNeutralising($0.1) }
        default: false
        }
    }
}
