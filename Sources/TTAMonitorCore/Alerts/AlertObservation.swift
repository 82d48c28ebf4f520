/// What one rule saw for one subject (a check, or nothing for rules about no one check) at
/// one evaluation.
public struct AlertObservation: Sendable {
    /// Where the condition stands.
    public enum State: String, Sendable {
        /// The condition does not hold.
        case inactive
        /// It holds, but not yet for the rule's `for`.
        case pending
        /// It holds and has held long enough: the alert fires.
        case firing
    }

    /// Where the condition stands.
    public var state: State
    /// The observed value (latency, availability, predicted level, …).
    public var value: Double?
    /// What it was compared with.
    public var threshold: Double?
    /// When the condition started, as far as the stored data tells (ms).
    public var since: Int64?
    /// Extra summary placeholders (`{{predicted_at}}`, `{{message}}`, …).
    public var placeholders: [String: String] = [:]

    /// Creates an observation.
    public init(_ state: State, value: Double? = nil, threshold: Double? = nil, since: Int64? = nil,
                placeholders: [String: String] = [:]) {
        self.state = state
        self.value = value
        self.threshold = threshold
        self.since = since
        self.placeholders = placeholders
    }

    /// Nothing to report.
    public static let inactive = AlertObservation(.inactive)
}
