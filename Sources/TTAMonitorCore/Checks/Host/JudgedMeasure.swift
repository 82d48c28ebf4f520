/// One measured value of a check with the thresholds that judge it. Checks that measure
/// several things (memory and swap, three load averages, used space and inodes) take the
/// worst, and their message names the measure that decided.
struct JudgedMeasure {
    /// How the measure is named in messages (`memory`, `swap`, `load5 per core`).
    var name: String
    var value: Double
    var thresholds: Thresholds?
    /// Formats the value and the levels (`91.0%`, `1.2G`).
    var format: (Double) -> String

    var status: CheckStatus { thresholds?.status(for: value) ?? .ok }

    /// `memory 91.0% ≥ critical 90%`, or nil while the measure is OK.
    var explanation: String? {
        guard let thresholds, status != .ok else { return nil }
        let isCritical = status == .critical
        guard let level = isCritical ? thresholds.critical : thresholds.warning else { return nil }
        return "\(name) \(format(value)) \(thresholds.comparison) \(isCritical ? "critical" : "warning") \(format(level))"
    }

    /// The worst status of `measures` and the explanation of the first measure with it.
    static func verdict(_ measures: [JudgedMeasure]) -> (status: CheckStatus, explanation: String?) {
        let status = CheckStatus.worst(of: measures.map(\.status))
        let decisive = measures.first { $0.status == status && status != .ok }
        return (status, decisive?.explanation)
    }
}
