/// A warning/critical pair. By default larger is worse (latency, used %); with
/// `lowerIsWorse` smaller is worse (certificate days left, free bytes, process count).
public struct Thresholds: Sendable, Equatable {
    /// At or beyond this the check is WARNING; nil disables the level.
    public var warning: Double?
    /// At or beyond this the check is CRITICAL; nil disables the level.
    public var critical: Double?
    /// True when values at or below the levels are bad.
    public var lowerIsWorse: Bool

    /// Creates thresholds.
    public init(warning: Double? = nil, critical: Double? = nil, lowerIsWorse: Bool = false) {
        self.warning = warning
        self.critical = critical
        self.lowerIsWorse = lowerIsWorse
    }

    /// The status a measured value earns.
    public func status(for value: Double) -> CheckStatus {
        if lowerIsWorse {
            if let critical, value <= critical { return .critical }
            if let warning, value <= warning { return .warning }
            return .ok
        }
        if let critical, value >= critical { return .critical }
        if let warning, value >= warning { return .warning }
        return .ok
    }

    /// `≥` or `≤`, for messages such as "latency 612 ms ≥ warning 300 ms".
    public var comparison: String { lowerIsWorse ? "≤" : "≥" }
}
