/// Redaction of a whole check result; it lives with the result type (Checks may use
/// Privacy, not the other way round).
extension Redactor {
    /// A result with its message, details, perfdata labels and sample label values redacted.
    public func redact(_ result: CheckResult) -> CheckResult {
        guard !changesNothing else { return result }
        var copy = result
        copy.message = redact(result.message)
        copy.details = redact(result.details)
        copy.perfdata = result.perfdata.map { item in
            var item = item
            item.label = redact(item.label)
            return item
        }
        // Scraped label values are target data like any other (an owner's e-mail, a peer IP).
        copy.samples = result.samples.map { sample in
            MetricSample(name: sample.name, labels: sample.labels.map { ($0.0, redact($0.1)) },
                         value: sample.value, timestampMs: sample.timestampMs)
        }
        return copy
    }
}
