/// Compares a rule's label value with a sample's. `le` and `quantile` hold numbers that
/// exporters spell differently (`1`, `1.0`, `1e0`; `+Inf`), so those compare as numbers when
/// both sides are numbers; every other label compares as text.
enum PrometheusLabelMatcher {
    /// The labels whose values are numbers.
    static let numericLabels: Set<String> = ["le", "quantile"]

    /// Whether a sample whose label `name` is `sampleValue` (nil: absent) satisfies a rule
    /// asking for `wanted`; as in PromQL, `""` also matches an absent label.
    static func matches(_ name: String, sampleValue: String?, wanted: String) -> Bool {
        let actual = sampleValue ?? ""
        if actual == wanted { return true }
        guard numericLabels.contains(name),
              let left = PrometheusNumber.value(Array(actual.utf8)[...]),
              let right = PrometheusNumber.value(Array(wanted.utf8)[...]) else { return false }
        return left == right || (left.isNaN && right.isNaN)
    }
}
