/// What a rule is evaluated for: one check (or none) at one instant, with the store to read.
struct AlertSubject {
    /// The connection (inside the evaluation's transaction).
    let database: Database
    /// The check, nil for rules about no one check.
    let check: String?
    /// `components.id` of the check, nil when it has never been stored.
    let componentID: Int64?
    /// The evaluation's "now" (ms).
    let now: Int64
    /// When the open alert for this rule and subject started, if there is one.
    let openSince: Int64?
}
