/// Wording shared by the socket checks' messages, so that `tcp`, `redis` and later protocol
/// checks read alike: `connected to db:5432 in 0.4 ms (over the 300 ms warning threshold)`.
enum LatencyText {
    /// Milliseconds with one decimal (`0.4`, `12.0`, `1503.2`).
    static func milliseconds(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        let tenths = Int64((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    /// ` (over the 300 ms warning threshold)` when `status` came from `thresholds`; empty
    /// for OK, so callers can append it unconditionally.
    static func thresholdNote(_ status: CheckStatus, _ thresholds: Thresholds?, unit: String = " ms") -> String {
        let limit: Double? = switch status {
        case .warning: thresholds?.warning
        case .critical: thresholds?.critical
        case .ok, .unknown: nil
        }
        guard let limit else { return "" }
        let level = status == .critical ? "critical" : "warning"
        return " (over the \(JSONWriter.format(limit))\(unit) \(level) threshold)"
    }

    /// `host:port`, with brackets around an IPv6 literal (`[::1]:6379`).
    static func endpoint(host: String, port: Int) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
