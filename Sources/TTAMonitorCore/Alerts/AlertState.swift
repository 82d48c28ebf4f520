/// Where an alert stands, as `alerts.state` stores it. The raw values are the stored text
/// and the JSON/table output; the partial index `alerts_open_by_fingerprint` is written
/// against the literal `'resolved'`, so SQL splices `resolved.rawValue` rather than binding it.
public enum AlertState: String, Sendable, CaseIterable {
    /// The condition holds but not yet for its `for:`.
    case pending
    /// The condition held long enough: notifications go out.
    case firing
    /// The condition cleared, or someone resolved the alert by hand.
    case resolved
}
